/**
 * The anchoring cascade: find where a stored quote is on the current page, or say it is not there.
 *
 * 1. the exact quote, when it occurs once (or once with the best context agreement);
 * 2. prefix + quote + suffix as one approximate pattern (≤ ⅓ edits), then the quote's part of it
 *    must still resemble the quote (≥ 50 %), else the clause is gone from its place;
 * 3. the quote alone, approximately, with a minimum score (0.8) and a unique best hit;
 * 4. otherwise an orphan — never silently attached to a doubtful place.
 *
 * Everything is compared in folded form ({@link foldText}); results are offsets in the page source.
 *
 * @module
 */
import type { MappedText } from '../text/mapped-text';
import { alignEndingAt, editDistance, searchApprox } from './approx';
import { foldText, foldedIndexOf, sourceSpan, type ScriptConverter } from './fold';
import { candidateWindows, indexTrigrams, type TrigramIndex } from './seed';

/** A page prepared for anchoring: its source text and the folded form with the map back. */
export interface FoldedPage {
  source: string;
  folded: MappedText;
  /** Trigram index of `folded.text`, built on the first approximate search. */
  trigrams?: TrigramIndex;
}

/** A stored quote in folded form, with an optional position hint in page-source offsets. */
export interface FoldedQuote {
  exact: string;
  prefix: string;
  suffix: string;
  hint?: number;
}

/** Where a quote was found, or why not. Offsets are `[start, end)` in the page source. */
export type AnchorOutcome =
  | { status: 'anchored'; start: number; end: number; method: 'exact' | 'context'; score: 1 }
  | {
      status: 'changed';
      start: number;
      end: number;
      method: 'context' | 'quote';
      score: number;
      /** The page's current text where the quote was. */
      current: string;
    }
  | { status: 'orphan'; reason: 'empty' | 'deleted' | 'not-found' | 'ambiguous' };

/** Thresholds of the cascade; the defaults are what the tests and the benchmark use. */
export interface AnchorOptions {
  /** Max edits of the context pattern, as a share of its length. */
  contextErrorRate: number;
  /** Min similarity of the quote part inside a context match. */
  minQuoteSimilarity: number;
  /** Min score (1 − edits/length) of a quote-only fuzzy match. */
  minQuoteScore: number;
  /** Quotes shorter than this (folded) are never matched fuzzily on their own. */
  minFuzzyLength: number;
  /**
   * Quotes longer than this (folded) are matched approximately by their two ends (head with the
   * prefix, tail with the suffix) instead of as one pattern: the alignment DP is quadratic.
   */
  longQuote: number;
}

/** The default cascade thresholds. */
export const DEFAULT_ANCHOR_OPTIONS: AnchorOptions = {
  contextErrorRate: 1 / 3,
  minQuoteSimilarity: 0.5,
  minQuoteScore: 0.8,
  minFuzzyLength: 6,
  longQuote: 300,
};

/** Characters of a long quote's head and tail used to find its ends. */
const END_LENGTH = 120;

/**
 * Folds a page's flattened text once for anchoring.
 *
 * @param breaks source offsets of text-node starts, so script conversion stays within nodes
 */
export function foldPage(source: string, t2s?: ScriptConverter, breaks: readonly number[] = []): FoldedPage {
  return { source, folded: foldText(source, { t2s, breaks }) };
}

/**
 * {@link foldPage} in slices: the text is cut at line breaks into chunks of about `chunk`
 * characters (inline pinyin and phrases never cross a block break), each folded in its own task, so
 * folding a long page (tens of ms) never blocks the main thread in one piece.
 *
 * @returns the same result as `foldPage(source, t2s, breaks)` except across the chunk cuts;
 *   rejects with the signal's reason when aborted
 */
export async function foldPageSliced(
  source: string,
  t2s: ScriptConverter | undefined,
  breaks: readonly number[] = [],
  options: { chunk?: number; signal?: AbortSignal } = {},
): Promise<FoldedPage> {
  const chunk = options.chunk ?? 8000;
  const texts: string[] = [];
  const maps: Int32Array[] = [];
  let from = 0;
  let b = 0;
  while (from < source.length) {
    let to = Math.min(source.length, from + chunk);
    if (to < source.length) {
      const cut = source.indexOf('\n', to);
      to = cut < 0 ? source.length : cut + 1;
    }
    const local: number[] = [];
    while (b < breaks.length && breaks[b]! < to) {
      if (breaks[b]! > from) local.push(breaks[b]! - from);
      b++;
    }
    const part = foldText(source.slice(from, to), { t2s, breaks: local });
    texts.push(part.text);
    maps.push(part.toSource.subarray(0, part.text.length).map((i) => i + from));
    from = to;
    if (from < source.length) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      options.signal?.throwIfAborted();
    }
  }
  const text = texts.join('');
  const toSource = new Int32Array(text.length + 1);
  let at = 0;
  for (const map of maps) {
    toSource.set(map, at);
    at += map.length;
  }
  toSource[text.length] = text.length ? toSource[text.length - 1]! + 1 : source.length;
  return { source, folded: { text, toSource } };
}

/**
 * Folds a quote selector's parts for {@link anchorQuote}. The three parts are folded as one string,
 * as they stood on the page, so inline pinyin or a phrase cut by the selection edge folds exactly
 * as in the page; each folded unit goes to the part its source character came from.
 */
export function foldQuote(
  quote: { exact: string; prefix: string; suffix: string },
  t2s?: ScriptConverter,
  hint?: number,
): FoldedQuote {
  const joined = quote.prefix + quote.exact + quote.suffix;
  const folded = foldText(joined, { t2s });
  const exactFrom = quote.prefix.length;
  const suffixFrom = exactFrom + quote.exact.length;
  let a = 0;
  while (a < folded.text.length && folded.toSource[a]! < exactFrom) a++;
  let b = a;
  while (b < folded.text.length && folded.toSource[b]! < suffixFrom) b++;
  return {
    prefix: folded.text.slice(0, a),
    exact: folded.text.slice(a, b),
    suffix: folded.text.slice(b),
    hint,
  };
}

/**
 * Approximate occurrences of `pattern` in the page, searching only trigram-seeded windows (see
 * {@link candidateWindows}); the whole page when the windows would cover most of it anyway.
 */
function searchPage(page: FoldedPage, pattern: string, maxErrors: number) {
  const text = page.folded.text;
  page.trigrams ??= indexTrigrams(text);
  // A pattern with e errors keeps at least (m − 2) − 3e trigrams; ask for a fraction of that.
  const minVotes = Math.max(2, Math.floor((pattern.length - 2) / 8));
  const windows = candidateWindows(page.trigrams, text.length, pattern, maxErrors, minVotes);
  const covered = windows.reduce((sum, [from, to]) => sum + to - from, 0);
  if (covered > text.length / 2) return searchApprox(text, pattern, maxErrors);
  return windows
    .flatMap(([from, to]) =>
      searchApprox(text.slice(from, to), pattern, maxErrors).map((h) => ({
        start: h.start + from,
        end: h.end + from,
        errors: h.errors,
      })),
    )
    .sort((x, y) => x.errors - y.errors || x.start - y.start);
}

function commonSuffixLength(text: string, end: number, tail: string): number {
  let n = 0;
  while (n < tail.length && end - n - 1 >= 0 && text[end - n - 1] === tail[tail.length - n - 1]) n++;
  return n;
}

function commonPrefixLength(text: string, start: number, head: string): number {
  let n = 0;
  while (n < head.length && start + n < text.length && text[start + n] === head[n]) n++;
  return n;
}

/** Picks the candidate closest to the hint (folded index); the first one without a hint. */
function nearest<T extends { start: number }>(candidates: T[], hint: number | undefined): T {
  if (hint === undefined) return candidates[0]!;
  return candidates.reduce((a, b) => (Math.abs(b.start - hint) < Math.abs(a.start - hint) ? b : a));
}

function toSource(page: FoldedPage, start: number, end: number): [number, number] {
  return sourceSpan(page.folded, start, end);
}

function exactStage(page: FoldedPage, q: FoldedQuote, hint: number | undefined): AnchorOutcome | null {
  const text = page.folded.text;
  const found: { start: number; agreement: number }[] = [];
  for (let at = text.indexOf(q.exact); at >= 0; at = text.indexOf(q.exact, at + 1)) {
    const agreement =
      commonSuffixLength(text, at, q.prefix) + commonPrefixLength(text, at + q.exact.length, q.suffix);
    found.push({ start: at, agreement });
  }
  if (found.length === 0) return null;
  const best = Math.max(...found.map((f) => f.agreement));
  // Repeated or short quotes need some of their context: the same words in another clause are the
  // classic wrong anchor once the user's clause has been deleted.
  const needsContext = (q.prefix || q.suffix) && (found.length > 1 || q.exact.length < 20);
  if (needsContext && best < Math.min(4, q.prefix.length + q.suffix.length)) return null;
  const pick = nearest(
    found.filter((f) => f.agreement === best),
    hint,
  );
  const [start, end] = toSource(page, pick.start, pick.start + q.exact.length);
  return { status: 'anchored', start, end, method: 'exact', score: 1 };
}

function contextStage(
  page: FoldedPage,
  q: FoldedQuote,
  hint: number | undefined,
  options: AnchorOptions,
): AnchorOutcome | 'deleted' | null {
  if (!q.prefix && !q.suffix) return null;
  const from = q.prefix.length;
  const located = locatePart(page, q.prefix + q.exact + q.suffix, from, from + q.exact.length, hint, options);
  if (!located) return null;
  if (located.similarity < options.minQuoteSimilarity) return 'deleted';
  const [start, end] = toSource(page, located.start, located.end);
  if (located.similarity === 1) return { status: 'anchored', start, end, method: 'context', score: 1 };
  return {
    status: 'changed',
    start,
    end,
    method: 'context',
    score: located.similarity,
    current: page.source.slice(start, end),
  };
}

function quoteStage(page: FoldedPage, q: FoldedQuote, options: AnchorOptions): AnchorOutcome | null {
  if (q.exact.length < options.minFuzzyLength) return null;
  const maxErrors = Math.floor(q.exact.length * (1 - options.minQuoteScore));
  const hits = searchPage(page, q.exact, maxErrors);
  if (hits.length === 0) return null;
  // Two equally good places: refusing beats guessing (boilerplate clauses repeat).
  if (hits.length > 1 && hits[1]!.errors === hits[0]!.errors)
    return { status: 'orphan', reason: 'ambiguous' };
  const hit = hits[0]!;
  const [start, end] = toSource(page, hit.start, hit.end);
  const current = page.source.slice(start, end);
  const score = 1 - hit.errors / q.exact.length;
  return { status: 'changed', start, end, method: 'quote', score, current };
}

/**
 * Finds `pattern` approximately (≤ contextErrorRate edits) and returns where its `[from, to)` part
 * landed and how similar that part is to the original, or null when the pattern is not there.
 */
function locatePart(
  page: FoldedPage,
  pattern: string,
  from: number,
  to: number,
  hint: number | undefined,
  options: AnchorOptions,
): { start: number; end: number; similarity: number } | null {
  const text = page.folded.text;
  const maxErrors = Math.floor(pattern.length * options.contextErrorRate);
  const hits = searchPage(page, pattern, maxErrors);
  if (hits.length === 0) return null;
  const pick = nearest(
    hits.filter((h) => h.errors === hits[0]!.errors),
    hint,
  );
  const aligned = alignEndingAt(text, pattern, Math.max(0, pick.end - pattern.length - maxErrors), pick.end);
  const start = aligned.bounds[from]!;
  const end = aligned.bounds[to]!;
  const part = pattern.slice(from, to);
  const found = text.slice(start, end);
  const similarity = found.length ? 1 - editDistance(part, found) / Math.max(part.length, found.length) : 0;
  return { start, end, similarity };
}

function similarityOf(a: string, b: string): number {
  if (a === b) return 1;
  // Edit distance is quadratic: for very long spans estimate from the length change alone.
  if (a.length * b.length > 9_000_000)
    return 1 - Math.abs(a.length - b.length) / Math.max(a.length, b.length);
  return 1 - editDistance(a, b) / Math.max(a.length, b.length);
}

/**
 * A long quote is found by its ends: the head (with the prefix) gives its start, the tail (with the
 * suffix) its end. Both ends must still resemble the note's, and the span between them must be of
 * a plausible length (½–2× the quote).
 */
function longQuoteStage(
  page: FoldedPage,
  q: FoldedQuote,
  hint: number | undefined,
  options: AnchorOptions,
): AnchorOutcome {
  const head = q.exact.slice(0, END_LENGTH);
  const tail = q.exact.slice(-END_LENGTH);
  const first = locatePart(
    page,
    q.prefix + head,
    q.prefix.length,
    q.prefix.length + head.length,
    hint,
    options,
  );
  const last = locatePart(
    page,
    tail + q.suffix,
    0,
    tail.length,
    hint === undefined ? undefined : hint + q.exact.length,
    options,
  );
  if (!first || !last) return { status: 'orphan', reason: 'not-found' };
  if (first.similarity < options.minQuoteSimilarity || last.similarity < options.minQuoteSimilarity) {
    return { status: 'orphan', reason: 'deleted' };
  }
  const length = last.end - first.start;
  if (length < q.exact.length / 2 || length > q.exact.length * 2)
    return { status: 'orphan', reason: 'not-found' };
  const current = page.folded.text.slice(first.start, last.end);
  const [start, end] = toSource(page, first.start, last.end);
  if (current === q.exact) return { status: 'anchored', start, end, method: 'context', score: 1 };
  return {
    status: 'changed',
    start,
    end,
    method: 'context',
    score: similarityOf(q.exact, current),
    current: page.source.slice(start, end),
  };
}

/**
 * Anchors one folded quote on a folded page through the cascade described in this module.
 *
 * Edge cases: an empty quote is an orphan ('empty'); quotes over `longQuote` folded characters are
 * matched approximately by their two ends (see `longQuoteStage`); when the context is found but the quote's part
 * of it no longer resembles the quote the result is an orphan ('deleted'), and quote-only fuzzy
 * matching is not tried, since the clause is gone from its place and a look-alike elsewhere is the
 * classic wrong anchor.
 */
export function anchorQuote(
  page: FoldedPage,
  quote: FoldedQuote,
  options: AnchorOptions = DEFAULT_ANCHOR_OPTIONS,
): AnchorOutcome {
  if (!quote.exact) return { status: 'orphan', reason: 'empty' };
  const hint = quote.hint === undefined ? undefined : foldedIndexOf(page.folded, quote.hint);
  const exact = exactStage(page, quote, hint);
  if (exact) return exact;
  if (quote.exact.length > options.longQuote) return longQuoteStage(page, quote, hint, options);
  const context = contextStage(page, quote, hint, options);
  if (context === 'deleted') return { status: 'orphan', reason: 'deleted' };
  if (context) return context;
  return quoteStage(page, quote, options) ?? { status: 'orphan', reason: 'not-found' };
}

/** Options for {@link anchorMany}. */
export interface AnchorManyOptions {
  /** Give the main thread back after this many milliseconds of work (default 16). */
  sliceMs?: number;
  signal?: AbortSignal;
  cascade?: AnchorOptions;
  /** Called after each slice with its duration, for benchmarks. */
  onSlice?: (ms: number) => void;
}

/**
 * Anchors many quotes, exact matches first (they are cheap), yielding to the event loop between
 * slices so no task runs much longer than `sliceMs` plus one note's fuzzy search.
 *
 * @returns outcomes in the order of `quotes`; rejects with the signal's reason when aborted
 */
export async function anchorMany(
  page: FoldedPage,
  quotes: readonly FoldedQuote[],
  options: AnchorManyOptions = {},
): Promise<AnchorOutcome[]> {
  const sliceMs = options.sliceMs ?? 16;
  const cascade = options.cascade ?? DEFAULT_ANCHOR_OPTIONS;
  const results: (AnchorOutcome | undefined)[] = new Array(quotes.length);
  const order = quotes.map((_, i) => i);
  let sliceStart = performance.now();
  // Exact-only pass first: most notes on an unchanged page resolve here in microseconds.
  const pending: number[] = [];
  for (const i of order) {
    if (performance.now() - sliceStart >= sliceMs) {
      options.onSlice?.(performance.now() - sliceStart);
      await new Promise((resolve) => setTimeout(resolve, 0));
      options.signal?.throwIfAborted();
      sliceStart = performance.now();
    }
    const q = quotes[i]!;
    const hint = q.hint === undefined ? undefined : foldedIndexOf(page.folded, q.hint);
    const exact = q.exact ? exactStage(page, q, hint) : null;
    if (exact) results[i] = exact;
    else pending.push(i);
  }
  for (const i of pending) {
    options.signal?.throwIfAborted();
    results[i] = anchorQuote(page, quotes[i]!, cascade);
    const elapsed = performance.now() - sliceStart;
    if (elapsed >= sliceMs) {
      options.onSlice?.(elapsed);
      await new Promise((resolve) => setTimeout(resolve, 0));
      sliceStart = performance.now();
    }
  }
  options.onSlice?.(performance.now() - sliceStart);
  return results.map((r) => r!);
}
