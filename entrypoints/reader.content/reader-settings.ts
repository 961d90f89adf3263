/**
 * The settings the reader follows while a page is open, without a reload: the UI language of the
 * card and notes UI, and the highlight colours chosen on the options page (an adopted sheet of
 * `::highlight()` overrides, replaced in place when the choice changes).
 *
 * @module
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { pickUiLocale, type UiLocale } from '@/lib/i18n/locale';
import { notesStrings, uiStrings, type NotesStrings, type UiStrings } from '@/lib/i18n/strings';
import { highlightColorsCss, parseHighlightColors } from '@/lib/settings/highlight-colors';
import { highlightColorsItem, loadUiLocale, watchUiLocale } from '@/lib/settings/items';

let locale: UiLocale = pickUiLocale(globalThis.navigator?.language);

/**
 * Reads the language and colour settings, then follows their changes until `ctx` is invalidated.
 * Await it before starting the features so their first strings are already in the chosen language.
 */
export async function startReaderSettings(ctx: ContentScriptContext): Promise<void> {
  const colorSheet = new CSSStyleSheet();
  const applyColors = (stored: unknown) =>
    colorSheet.replaceSync(highlightColorsCss(parseHighlightColors(stored)));
  const [chosen, colors] = await Promise.all([
    loadUiLocale().catch(() => locale),
    highlightColorsItem.getValue().catch(() => null),
  ]);
  locale = chosen;
  if (ctx.isInvalid) return;
  applyColors(colors);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, colorSheet];
  const unwatchers = [
    watchUiLocale((next) => (locale = next)),
    highlightColorsItem.watch((next) => applyColors(next)),
  ];
  ctx.onInvalidated(() => {
    for (const unwatch of unwatchers) unwatch();
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== colorSheet);
  });
}

/** The card's strings, always in the current choice (a language change shows on the next card). */
export function readerUiStrings(): UiStrings {
  return {
    get locale() {
      return locale;
    },
    t: (key) => uiStrings(locale).t(key),
    format: (key, values) => uiStrings(locale).format(key, values),
  };
}

/** The notes UI's strings, read at use time from the current choice. */
export function readerNotesStrings(): NotesStrings {
  return new Proxy({} as NotesStrings, {
    get: (_, key) => notesStrings(locale)[key as keyof NotesStrings],
  });
}
