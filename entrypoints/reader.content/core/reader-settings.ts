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
import { browserLanguageTag, READER_STARTUP_KEYS, SETTINGS_KEYS } from '@/lib/settings/keys';
import { SETTINGS_KEY as SCRIPT_CHOICE_KEY } from '@/lib/site-prefs/script-choice';
import { worldSlot } from './injection';

/** The settings as the reader follows them. */
interface FollowedSettings {
  /** The UI locale, resolved from the choice on its first read after the choice was set. */
  readonly locale: UiLocale;
  /**
   * Sets how the locale is resolved, on its next read: asking the browser for its UI language is the
   * page's first `i18n` call (≈ 0.5 ms on a cold start), which a page nobody hovers never needs.
   */
  chooseLocale(resolve: () => UiLocale): void;
  /** The notes' line colour chosen on the options page, or null for the built-in (light/dark) one. */
  noteLine: string | null;
  noteLineListeners: Set<(color: string | null) => void>;
}

/**
 * Kept on the isolated world's global object, not in this module: a feature built into a file of
 * its own (core/lazy-features) carries its own copy of this module and must read the same values.
 */
const FOLLOWED = worldSlot<FollowedSettings>(Symbol.for('planlens.reader.settings'));

function followed(): FollowedSettings {
  let state = FOLLOWED.get();
  if (!state) {
    let resolve = () => pickUiLocale(globalThis.navigator?.language);
    let locale: UiLocale | null = null;
    state = {
      get locale() {
        return (locale ??= resolve());
      },
      chooseLocale(next) {
        resolve = next;
        locale = null;
      },
      noteLine: null,
      noteLineListeners: new Set(),
    };
    FOLLOWED.set(state);
  }
  return state;
}

/**
 * Storage keys the reader's features read when they start (the site's remembered 简/繁 choice):
 * read with the settings, in the reader's ONE storage read at start-up, and handed to the features
 * through the core (`PageCore.startup`) instead of each feature asking storage again.
 */
const STARTUP_KEYS = [SCRIPT_CHOICE_KEY] as const;

/**
 * Applies the language and colour settings, then follows their changes until `ctx` is invalidated.
 * Await it before starting the features so their first strings are already in the chosen language.
 * `stored`: the values of `READER_STARTUP_KEYS` the background read as it injected the reader (a
 * storage request from here costs the page's cold thread about a millisecond); without them they
 * are read here. A change made between the background's read and this call shows from the next
 * change on, as one made while the reader's own read was under way did. Resolves with the values
 * of {@link STARTUP_KEYS} (absent keys missing) for the features' start.
 */
export async function startReaderSettings(
  ctx: ContentScriptContext,
  stored: Record<string, unknown> | null = null,
): Promise<Record<string, unknown>> {
  const { uiLanguage, highlightColors } = SETTINGS_KEYS;
  const colorSheet = new CSSStyleSheet();
  // Adopted with the first chosen colours: the default look needs no sheet, and changing the
  // document's sheets makes the browser re-match its styles.
  let adopted = false;
  const apply = (values: Record<string, unknown>) => {
    const state = followed();
    if (uiLanguage in values) {
      const choice = parseUiLanguageChoice(values[uiLanguage]);
      state.chooseLocale(() => resolveUiLocale(choice, browserLanguageTag()));
    }
    if (highlightColors in values) {
      const colors = parseHighlightColors(values[highlightColors]);
      const css = highlightColorsCss(colors);
      colorSheet.replaceSync(css);
      if (css && !adopted && !ctx.isInvalid) {
        adopted = true;
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, colorSheet];
      }
      state.noteLine = colors.note === DEFAULT_HIGHLIGHT_COLORS.note ? null : colors.note;
      for (const listener of state.noteLineListeners) listener(state.noteLine);
    }
  };
  const values: Record<string, unknown> =
    stored ?? (await browser.storage.local.get([...READER_STARTUP_KEYS]).catch(() => ({})));
  if (ctx.isInvalid) return {};
  apply({ [uiLanguage]: undefined, [highlightColors]: undefined, ...values });
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local') return;
    apply(Object.fromEntries(Object.entries(changes).map(([key, change]) => [key, change.newValue])));
  };
  browser.storage.onChanged.addListener(onChanged);
  ctx.onInvalidated(() => {
    browser.storage.onChanged.removeListener(onChanged);
    if (adopted) document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== colorSheet);
  });
  return Object.fromEntries(STARTUP_KEYS.filter((key) => key in values).map((key) => [key, values[key]]));
}

/**
 * Calls `listener` with the notes' line colour now and whenever it changes on the options page, until
 * `signal` aborts: a validated `#rrggbb`, or null for the built-in look (which differs in dark mode).
 * Note marks are drawn in our closed UI, out of reach of the page's `::highlight()` sheet.
 */
export function watchNoteLineColor(listener: (color: string | null) => void, signal: AbortSignal): void {
  if (signal.aborted) return;
  const state = followed();
  state.noteLineListeners.add(listener);
  signal.addEventListener('abort', () => state.noteLineListeners.delete(listener), { once: true });
  listener(state.noteLine);
}

/** The card's strings, always in the current choice (a language change shows on the next card). */
export function readerUiStrings(): UiStrings {
  return {
    get locale() {
      return followed().locale;
    },
    t: (key) => uiStrings(followed().locale).t(key),
    format: (key, values) => uiStrings(followed().locale).format(key, values),
  };
}

/** The notes UI's strings, read at use time from the current choice. */
export function readerNotesStrings(): NotesStrings {
  return new Proxy({} as NotesStrings, {
    get: (_, key) => notesStrings(followed().locale)[key as keyof NotesStrings],
  });
}
