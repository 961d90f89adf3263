/**
 * A personal note on a clause, as stored: W3C Web Annotation selectors plus what identifies the
 * page and the document across the sites that republish it.
 *
 * @module
 */
import type { DocFingerprint } from '../anchor/fingerprint';
import type { TextPositionSelector, TextQuoteSelector } from '../anchor/selectors';

/**
 * Colours a stored note can have (exports name them as `planlens-note-<colour>`). `yellow` and `blue`
 * are kept so older notes and files stay valid, but they are no longer offered or drawn: they looked
 * like a target's and an achieved figure's highlight (see {@link shownNoteColor}).
 */
export const NOTE_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple', 'grey'] as const;
/** A note colour. */
export type NoteColor = (typeof NOTE_COLORS)[number];

/** The colours the note editor offers, in its order; none is a target's yellow or an achieved blue. */
export const NOTE_PALETTE = ['purple', 'grey', 'green', 'pink'] as const satisfies readonly NoteColor[];
/** A colour of {@link NOTE_PALETTE}. */
export type PaletteColor = (typeof NOTE_PALETTE)[number];

/** The colour of a new note. */
export const DEFAULT_NOTE_COLOR: PaletteColor = 'purple';

/**
 * How a note of `color` is drawn and which swatch the editor selects for it: itself for palette
 * colours; the retired `yellow` and `blue` as violet and grey (the note keeps its stored colour
 * until the reader saves it again).
 */
export function shownNoteColor(color: NoteColor): PaletteColor {
  if (color === 'yellow') return 'purple';
  if (color === 'blue') return 'grey';
  return color;
}

/** One stored note (schema v2). Dates are ISO 8601 strings. */
export interface NoteRecord {
  /** `urn:uuid:…`, stable across export and import. */
  id: string;
  /** The page address without its fragment. */
  url: string;
  /** The page's `rel=canonical`, '' when it has none. */
  canonicalUrl: string;
  /** Host name of `url`, for filtering by site. */
  site: string;
  title: string;
  fingerprint: DocFingerprint;
  /** `fingerprint.key`, duplicated for the index. */
  fingerprintKey: string;
  quote: TextQuoteSelector;
  /** A hint only: offsets in the flattened article text when the note was made. */
  position: TextPositionSelector;
  /** Headings above the clause, outermost first. */
  sectionPath: string[];
  /** `quote.exact` folded (simplified script, NFKC, no whitespace or pinyin), for 简/繁-blind search. */
  quoteFolded: string;
  body: string;
  color: NoteColor;
  tags: string[];
  created: string;
  modified: string;
  /**
   * For a note made in the PDF reader: the 1-based page of the PDF the clause starts on (exports
   * cite it). Absent for notes on web pages.
   */
  pdfPage?: number;
}

/** What the reader sends to create a note; the store fills in the rest. */
export type NoteDraft = Omit<
  NoteRecord,
  'id' | 'site' | 'fingerprintKey' | 'quoteFolded' | 'created' | 'modified'
> &
  Partial<Pick<NoteRecord, 'id' | 'created' | 'modified'>>;

/** True when `value` is one of {@link NOTE_COLORS}. */
export function isNoteColor(value: unknown): value is NoteColor {
  return typeof value === 'string' && (NOTE_COLORS as readonly string[]).includes(value);
}

/**
 * The page address notes are keyed by: `href` without its fragment.
 *
 * Edge cases: an unparsable address is returned unchanged.
 */
export function normalizePageUrl(href: string): string {
  try {
    const url = new URL(href);
    url.hash = '';
    return url.href;
  } catch {
    return href;
  }
}

/** Host name of `href`, or '' when it is not a URL. */
export function siteOf(href: string): string {
  try {
    return new URL(href).hostname;
  } catch {
    return '';
  }
}

/**
 * True when a note belongs to the page at `pageUrl`: its address or its canonical address is that
 * page (fragments ignored). The background lets a content script change only such notes.
 *
 * Edge cases: an empty canonical address never matches; a missing note is never own.
 */
export function isNoteOfPage(
  note: Pick<NoteRecord, 'url' | 'canonicalUrl'> | undefined,
  pageUrl: string,
): boolean {
  if (!note || !pageUrl) return false;
  const page = normalizePageUrl(pageUrl);
  return [note.url, note.canonicalUrl].some((u) => u !== '' && normalizePageUrl(u) === page);
}
