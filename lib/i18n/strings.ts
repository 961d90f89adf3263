/**
 * The one string table of PlanLens, one section per surface, read through one accessor per section
 * so a bundle carries only the sections it uses (the content script never ships the options page's
 * strings). Which locale to use comes from `resolveUiLocale` in `./locale`. Pure.
 *
 * @module
 */
import type { PageScript, ScriptTarget } from '../convert/targets';
import * as en from './locales/en';
import * as hans from './locales/zh-hans';
import * as hant from './locales/zh-hant';
import type { UiLocale } from './locale';

/** A page-feature string key. */
export type UiStringKey = keyof typeof en.page;
/** A table of notes UI strings. */
export type NotesStrings = typeof en.notes;
/** A notes UI string key. */
export type NotesStringKey = keyof NotesStrings;
/** A table of the side panel's Targets and Outline strings. */
export type TargetsStrings = typeof en.targets;
/** A table of the Ledger tab's and the Library section's strings. */
export type LedgerStrings = typeof en.ledger;
/** An options page string key. */
export type OptionsStringKey = keyof typeof en.options;
/** The manifest's texts (generated into `_locales/<lang>/messages.json` at build time). */
export type ManifestStrings = typeof en.manifest;

const PAGE = { en: en.page, 'zh-Hans': hans.page, 'zh-Hant': hant.page } as const;
const NOTES = { en: en.notes, 'zh-Hans': hans.notes, 'zh-Hant': hant.notes } as const;
const CONVERT = { en: en.convert, 'zh-Hans': hans.convert, 'zh-Hant': hant.convert } as const;
const OPTIONS = { en: en.options, 'zh-Hans': hans.options, 'zh-Hant': hant.options } as const;
const MANIFEST = { en: en.manifest, 'zh-Hans': hans.manifest, 'zh-Hant': hant.manifest } as const;
const TARGETS = { en: en.targets, 'zh-Hans': hans.targets, 'zh-Hant': hant.targets } as const;
const LEDGER = { en: en.ledger, 'zh-Hans': hans.ledger, 'zh-Hant': hant.ledger } as const;
const PDF = { en: en.pdf, 'zh-Hans': hans.pdf, 'zh-Hant': hant.pdf } as const;
const REASONS = { en: en.reasons, 'zh-Hans': hans.reasons, 'zh-Hant': hant.reasons } as const;

/**
 * Fills `{name}` placeholders. A placeholder without a value stays visible (`{total}`), so a missing
 * argument shows up as a bug instead of silently vanishing.
 */
export function formatString(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/gu, (whole, name: string) => String(values[name] ?? whole));
}

/** A section's lookup helpers: `t(key)` and `format(key, values)` (see {@link formatString}). */
function helpersFor<K extends string>(locale: UiLocale, table: Record<K, string>) {
  return {
    locale,
    t: (key: K) => table[key],
    format: (key: K, values: Record<string, string | number>) => formatString(table[key], values),
  };
}

/** The page feature's strings (popup status, in-page card) for `locale`. */
export function uiStrings(locale: UiLocale) {
  return helpersFor<UiStringKey>(locale, PAGE[locale]);
}
/** A locale's page-feature helpers. */
export type UiStrings = ReturnType<typeof uiStrings>;

/** The notes feature's strings for `locale`, as a plain record (read `strings.addNote`). */
export function notesStrings(locale: UiLocale): NotesStrings {
  return NOTES[locale];
}

/** The side panel's Targets and Outline strings for `locale`, as a plain record. */
export function targetsStrings(locale: UiLocale): TargetsStrings {
  return TARGETS[locale];
}

/** The Ledger tab's and the Library section's strings for `locale`, as a plain record. */
export function ledgerStrings(locale: UiLocale): LedgerStrings {
  return LEDGER[locale];
}

/** The options page's strings for `locale`. */
export function optionsStrings(locale: UiLocale) {
  return helpersFor<OptionsStringKey>(locale, OPTIONS[locale]);
}
/** A locale's options page helpers. */
export type OptionsStrings = ReturnType<typeof optionsStrings>;

/** The conversion feature's strings, with the preset and script names keyed for lookup. */
export interface ConvertStrings extends Omit<
  typeof en.convert,
  `target_${ScriptTarget}` | `script_${PageScript}`
> {
  targets: Record<ScriptTarget, string>;
  scripts: Record<PageScript, string>;
}

/** The conversion feature's strings for `locale`. */
export function convertStrings(locale: UiLocale): ConvertStrings {
  const table = CONVERT[locale];
  return {
    ...table,
    targets: {
      cn: table.target_cn,
      tw: table.target_tw,
      hk: table.target_hk,
      twp: table.target_twp,
      original: table.target_original,
    },
    scripts: {
      simplified: table.script_simplified,
      traditional: table.script_traditional,
      mixed: table.script_mixed,
      unknown: table.script_unknown,
    },
  };
}

/** The manifest's texts and the highlight menu's title for `locale`. */
export function manifestStrings(locale: UiLocale): ManifestStrings {
  return MANIFEST[locale];
}

/** Chrome's `_locales` folder name per UI locale (`default_locale` is `en`). */
export const MANIFEST_LOCALE_DIRS: Readonly<Record<UiLocale, string>> = {
  en: 'en',
  'zh-Hans': 'zh_CN',
  'zh-Hant': 'zh_TW',
};

/**
 * The `_locales/<dir>/messages.json` files, generated from this table at build time so the
 * manifest, the commands and the UI read the same strings.
 */
export function manifestMessageFiles(): { relativeDest: string; contents: string }[] {
  return (Object.keys(MANIFEST_LOCALE_DIRS) as UiLocale[]).map((locale) => {
    const messages = Object.fromEntries(
      Object.entries(MANIFEST[locale]).map(([key, message]) => [key, { message }]),
    );
    return {
      relativeDest: `_locales/${MANIFEST_LOCALE_DIRS[locale]}/messages.json`,
      contents: `${JSON.stringify(messages, null, 2)}\n`,
    };
  });
}

/** A detection reason id the popup can word (lib/detect/features.ts), without its `-` sign. */
export type ReasonId = Exclude<keyof typeof en.reasons, 'against'>;

/**
 * A detection reason (`lead-work-report`, `-procedure-wording`; see lib/detect/detect.ts) in plain
 * words of `locale`; a `-` prefix (a reason against) reads "against: …". An id without a string
 * (from a newer detector) is shown as it is rather than dropped.
 */
export function describeReason(locale: UiLocale, signal: string): string {
  const table: Record<string, string> = REASONS[locale];
  const against = signal.startsWith('-');
  const id = against ? signal.slice(1) : signal;
  if (id === 'against' || !Object.hasOwn(table, id)) return signal;
  return against ? formatString(table.against!, { reason: table[id]! }) : table[id]!;
}

/** A PDF reader string key. */
export type PdfStringKey = keyof typeof en.pdf;

/** The PDF reader's strings (the reader page, the popup's offer) for `locale`. */
export function pdfStrings(locale: UiLocale) {
  return helpersFor<PdfStringKey>(locale, PDF[locale]);
}
/** A locale's PDF reader helpers. */
export type PdfStrings = ReturnType<typeof pdfStrings>;
