/**
 * The storage keys of the options page's settings and the browser's language tag, without the
 * storage-item machinery of `items.ts`, for the content script (every byte of it ships to plan pages).
 *
 * @module
 */
import { browser } from 'wxt/browser';
import { SETTINGS_KEY as SCRIPT_CHOICE_KEY } from '../site-prefs/script-choice';

/** `browser.storage.local` keys, shared with the backup file (which stores raw storage entries). */
export const SETTINGS_KEYS = {
  uiLanguage: 'settings:uiLanguage',
  highlightColors: 'settings:highlightColors',
  backupReminder: 'settings:backupReminderEvery',
  lastBackup: 'backup:lastAt',
  /** Not `settings:`: the backup file refuses keys it has no parser for. */
  libraryPaused: 'library:paused',
  pdfReaderSites: 'settings:pdfReaderSites',
} as const;

/**
 * Storage keys the reader reads as it starts: its UI language and highlight colours, and the
 * site's remembered 简/繁 choice. The background reads them when it injects the reader and hands
 * them over with the admission stamp, so the reader's start pays no storage request of its own.
 */
export const READER_STARTUP_KEYS = [
  SETTINGS_KEYS.uiLanguage,
  SETTINGS_KEYS.highlightColors,
  SCRIPT_CHOICE_KEY,
] as const;

/** The browser's UI language tag (in a content script too), '' when unknown. */
export function browserLanguageTag(): string {
  return browser.i18n?.getUILanguage?.() || globalThis.navigator?.language || '';
}
