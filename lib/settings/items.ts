/**
 * The settings the options page changes, as WXT storage items in `browser.storage.local`, and the
 * one way every surface learns its UI language. Extension pages, the background and the reader read
 * them directly (storage is available to all three); changes reach open pages through `watch`.
 *
 * @module
 */
import { storage } from 'wxt/utils/storage';
import { parseUiLanguageChoice, resolveUiLocale, type UiLanguageChoice, type UiLocale } from '../i18n/locale';
import type { HighlightColors } from './highlight-colors';
import { browserLanguageTag, SETTINGS_KEYS } from './keys';

export { browserLanguageTag, SETTINGS_KEYS };

/** The UI language choice ('auto' = follow the browser). Read through {@link loadUiLocale}. */
export const uiLanguageItem = storage.defineItem<UiLanguageChoice>(`local:${SETTINGS_KEYS.uiLanguage}`, {
  fallback: 'auto',
});

/** Custom highlight colours, or null for the built-in look. Parse with `parseHighlightColors`. */
export const highlightColorsItem = storage.defineItem<HighlightColors | null>(
  `local:${SETTINGS_KEYS.highlightColors}`,
  { fallback: null },
);

/** Remind after this many new notes; 0 = off. Parse with `parseBackupReminder`. */
export const backupReminderItem = storage.defineItem<number>(`local:${SETTINGS_KEYS.backupReminder}`, {
  fallback: 0,
});

/** When everything was last exported (ISO date), or null. Not itself part of a backup. */
export const lastBackupItem = storage.defineItem<string | null>(`local:${SETTINGS_KEYS.lastBackup}`, {
  fallback: null,
});

/** True while the library is paused: pages read are not remembered (what is stored stays). */
export const libraryPausedItem = storage.defineItem<boolean>(`local:${SETTINGS_KEYS.libraryPaused}`, {
  fallback: false,
});

/** Hosts whose PDFs open in the PlanLens reader directly. Parse with `parsePdfReaderSites`. */
export const pdfReaderSitesItem = storage.defineItem<string[]>(`local:${SETTINGS_KEYS.pdfReaderSites}`, {
  fallback: [],
});

/** The language every PlanLens surface shows: the stored choice, else the browser's language. */
export async function loadUiLocale(): Promise<UiLocale> {
  const choice = parseUiLanguageChoice(await uiLanguageItem.getValue().catch(() => 'auto'));
  return resolveUiLocale(choice, browserLanguageTag());
}

/** Calls `onChange` with the new UI language whenever the choice changes; returns the unwatch function. */
export function watchUiLocale(onChange: (locale: UiLocale) => void): () => void {
  return uiLanguageItem.watch((choice) =>
    onChange(resolveUiLocale(parseUiLanguageChoice(choice), browserLanguageTag())),
  );
}
