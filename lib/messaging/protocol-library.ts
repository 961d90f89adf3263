/**
 * Messages of the library and the ledger. Owned by the library feature.
 *
 * Flow: after a highlight pass the reader sends what it read of its page (`highlightsUpdated`'s
 * `library`, a {@link LibraryRememberAnalyzedRequest}:
 * the page title and headings; the figures and the text's opening are the background's own copy of
 * the pass's analysis, else `libraryRemember` with them: every figure with its metric); the background reads
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

/**
 * Pages with more highlights than this are not remembered: real plans and reports carry a few
 * hundred figures (seed 002: 274), and building and sending ten thousand in one message is a long
 * task on the page's thread (tests/browser/hostile-pages.test.ts, the 10,000-target page: ~65 ms).
 */
export const MAX_LIBRARY_FIGURES = 2_000;

/** The opening of the article's text the background reads the document's fields and fingerprint from. */
export const LIBRARY_HEAD_CHARS = 3000;

/**
 * What the reader sends of its page for the library with its `highlightsUpdated` after a pass: the
 * page's own parts, and which analysis it means. Its figures are the targets the background found
 * in the text of this reader's last `analyzeTargets` (`chars` and `count` name it), less `dropped`;
 * the background reads their context and the text's opening from its own copy.
 */
export interface LibraryRememberAnalyzedRequest {
  canonicalUrl: string;
  title: string;
  headings: string[];
  /** Length of the text the reader sent with `analyzeTargets`. */
  chars: number;
  /** How many targets the background answered. */
  count: number;
  /** Indexes (ascending) of answered targets that are not highlighted (their text is gone). */
  dropped: number[];
}

/**
 * The background's answer to a {@link LibraryRememberAnalyzedRequest}: whether the page will be
 * stored, and `known` false when it holds no such analysis (a restarted service worker): the reader
 * then sends `libraryRemember`.
 */
export interface LibraryRememberAnswer {
  stored: boolean;
  known: boolean;
}

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
