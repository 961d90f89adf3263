/**
 * The settings the reader follows while a page is open, without a reload: the UI language of the
 * card and notes UI, and the highlight colours chosen on the options page (an adopted sheet of
 * `::highlight()` overrides, replaced in place when the choice changes). Reads storage directly
 * rather than through WXT storage items, which would add their library to every plan page.
 *
 * @module
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { parseUiLanguageChoice, pickUiLocale, resolveUiLocale, type UiLocale } from '@/lib/i18n/locale';
import { notesStrings, uiStrings, type NotesStrings, type UiStrings } from '@/lib/i18n/strings';
import {
  DEFAULT_HIGHLIGHT_COLORS,
  highlightColorsCss,
  parseHighlightColors,
} from '@/lib/settings/highlight-colors';
import { browserLanguageTag, SETTINGS_KEYS } from '@/lib/settings/keys';
import { SETTINGS_KEY as SCRIPT_CHOICE_KEY } from '@/lib/site-prefs/script-choice';

let locale: UiLocale = pickUiLocale(globalThis.navigator?.language);
/** The notes' line colour chosen on the options page, or null for the built-in (light/dark) one. */
let noteLine: string | null = null;
const noteLineListeners = new Set<(color: string | null) => void>();

/**
 * Storage keys the reader's features read when they start (the site's remembered 简/繁 choice):
 * read with the settings, in the reader's ONE storage read at start-up, and handed to the features
 * through the core (`PageCore.startup`) instead of each feature asking storage again.
 */
const STARTUP_KEYS = [SCRIPT_CHOICE_KEY] as const;

/**
 * Reads the language and colour settings, then follows their changes until `ctx` is invalidated.
 * Await it before starting the features so their first strings are already in the chosen language.
 * Resolves with the values of {@link STARTUP_KEYS} (absent keys missing) for the features' start.
 */
export async function startReaderSettings(ctx: ContentScriptContext): Promise<Record<string, unknown>> {
  const { uiLanguage, highlightColors } = SETTINGS_KEYS;
  const colorSheet = new CSSStyleSheet();
  // Adopted with the first chosen colours: the default look needs no sheet, and changing the
  // document's sheets makes the browser re-match its styles.
  let adopted = false;
  const apply = (values: Record<string, unknown>) => {
    if (uiLanguage in values)
      locale = resolveUiLocale(parseUiLanguageChoice(values[uiLanguage]), browserLanguageTag());
    if (highlightColors in values) {
      const colors = parseHighlightColors(values[highlightColors]);
      const css = highlightColorsCss(colors);
      colorSheet.replaceSync(css);
      if (css && !adopted && !ctx.isInvalid) {
        adopted = true;
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, colorSheet];
      }
      noteLine = colors.note === DEFAULT_HIGHLIGHT_COLORS.note ? null : colors.note;
      for (const listener of noteLineListeners) listener(noteLine);
    }
  };
  const stored: Record<string, unknown> = await browser.storage.local
    .get([uiLanguage, highlightColors, ...STARTUP_KEYS])
    .catch(() => ({}));
  if (ctx.isInvalid) return {};
  apply({ [uiLanguage]: undefined, [highlightColors]: undefined, ...stored });
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local') return;
    apply(Object.fromEntries(Object.entries(changes).map(([key, change]) => [key, change.newValue])));
  };
  browser.storage.onChanged.addListener(onChanged);
  ctx.onInvalidated(() => {
    browser.storage.onChanged.removeListener(onChanged);
    if (adopted) document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== colorSheet);
  });
  return Object.fromEntries(STARTUP_KEYS.filter((key) => key in stored).map((key) => [key, stored[key]]));
}

/**
 * Calls `listener` with the notes' line colour now and whenever it changes on the options page, until
 * `signal` aborts: a validated `#rrggbb`, or null for the built-in look (which differs in dark mode).
 * Note marks are drawn in our closed UI, out of reach of the page's `::highlight()` sheet.
 */
export function watchNoteLineColor(listener: (color: string | null) => void, signal: AbortSignal): void {
  if (signal.aborted) return;
  noteLineListeners.add(listener);
  signal.addEventListener('abort', () => noteLineListeners.delete(listener), { once: true });
  listener(noteLine);
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
