/**
 * The storage keys of the options page's settings and the browser's language tag, without the
 * storage-item machinery of `items.ts`, for the content script (every byte of it ships to plan pages).
 *
 * @module
 */
import { browser } from 'wxt/browser';

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

/** The browser's UI language tag (in a content script too), '' when unknown. */
export function browserLanguageTag(): string {
  return browser.i18n?.getUILanguage?.() || globalThis.navigator?.language || '';
}
