/**
 * Messages of the library and the ledger. Owned by the library feature.
 *
 * Flow: after a highlight pass the reader sends what it read of its page (`libraryRemember`: the
 * page title, headings, the text's opening and every figure with its metric); the background reads
 * the document's fields and fingerprint from that and writes the library, unless the library is
 * paused. A card with a metric asks the background for that metric's history in the page's own
 * jurisdiction (`libraryHistory`: the background finds the page's document by the sender's
 * address, never by a jurisdiction the page names). The side panel's Ledger tab opens a figure's
 * page and focuses its sentence (`libraryOpenFigure` → `targetsPageFocusText`).
 *
 * @module
 */
import type { LibraryFigureInput } from '../db/library';
import type { LedgerRow } from '../ledger/ledger-rows';
import type { MetricId } from '../targets/metric';

export type { LibraryFigureInput, MetricId };

/** What the reader sends of its page for the library. */
export interface LibraryRememberRequest {
  /** The page's `rel=canonical`, '' when none. */
  canonicalUrl: string;
  /** `document.title`. */
  title: string;
  /** The article's h1–h3 texts (at most a few dozen). */
  headings: string[];
  /** The opening of the article's flat text (title, 发文字号, dateline). */
  head: string;
  /** Every highlighted figure, in document order. */
  figures: LibraryFigureInput[];
}

/** One side of a history entry: the figure as the card shows it. */
export type HistoryFigure = Pick<
  LedgerRow,
  'value' | 'valueMax' | 'unit' | 'qualifier' | 'direction' | 'firmness' | 'quote'
>;

/** One year of one metric: the target beside the achieved figure. */
export interface HistoryEntry {
  metric: MetricId;
  year: number;
  target: HistoryFigure | null;
  achieved: HistoryFigure | null;
  met: boolean | null;
}

/** Library messages. */
export interface LibraryProtocol {
  /**
   * Reader → background: remember this page. Answered before the write; `stored` is false when the
   * page will not be stored (library paused, private window, not a web page's top frame).
   */
  libraryRemember: { req: LibraryRememberRequest; res: { stored: boolean } };
  /** Reader → background: the history of these metrics in the page's jurisdiction, oldest first. */
  libraryHistory: {
    req: { metrics: MetricId[] };
    res: { jurisdiction: string | null; entries: HistoryEntry[] };
  };
  /** Side panel → background: open (or switch to) `url` and focus the figure whose text is `text` near `start`. */
  libraryOpenFigure: { req: { url: string; start: number; text: string }; res: boolean };
  /** Background → reader: focus the highlight whose text is `text`, the one nearest `start`; false when none. */
  targetsPageFocusText: { req: { start: number; text: string }; res: boolean };
}
