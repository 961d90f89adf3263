/**
 * The page's targets as the reader sees them: the flat text, the targets in document order, one
 * `StaticRange` per target, and the lookups that make hit-testing cheap (text node → flat offset →
 * binary search over target starts).
 *
 * @module
 */
import { analyzeText } from '../../lib/targets/analyze';
import { findHeadings, type Heading } from '../../lib/targets/sections';
import type { Target } from '../../lib/targets/target';
import { staticRangeFromOffsets } from '../../lib/text/dom-map';
import { isHiddenInLayout, type FlatText } from '../../lib/text/flatten';
import { isPageChrome } from '../../lib/text/main-content';
import { flattenInParts } from './highlight-flatten';

/** One highlighted target and where it is. */
export interface PlacedTarget {
  target: Target;
  range: StaticRange;
}

/** A finished pass over the page. */
export interface HighlightModel {
  flat: FlatText;
  /** In document order (ascending `target.start`), only targets that map to DOM text. */
  placed: PlacedTarget[];
  /** Index of each text node in `flat.nodes`. */
  nodeIndex: Map<Text, number>;
}

/**
 * Text is analysed in chunks of about this many characters, cut at block breaks, so one chunk is
 * one short unit of work (≈5–15 ms, more on a cold or busy CPU) and no long task blocks the page. Each chunk is analysed with
 * the titles of the sections it starts in prepended, so section paths and the review/goal context
 * that decides target vs achieved carry across chunk boundaries.
 */
const CHUNK_CHARS = 4_000;
/** Ranges built per work unit. */
const RANGES_PER_UNIT = 64;

/** `[start, end)` chunks of `text`, each ending at a line break when one is in reach. */
export function chunkText(text: string, size = CHUNK_CHARS): Array<[number, number]> {
  const chunks: Array<[number, number]> = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    if (end < text.length) {
      const cut = text.lastIndexOf('\n', end);
      if (cut > start + size / 2) end = cut + 1;
    }
    chunks.push([start, end]);
    start = end;
  }
  return chunks;
}

/**
 * Extracts the targets of `text` chunk by chunk into `out` (offsets into `text`), yielding
 * `'analyze'` after each chunk. Gives the same targets, sections and kinds as one `analyzeText`
 * call on the whole text, as long as no sentence spans a line break (chunks end at one).
 */
export function* analyzeInChunks(
  text: string,
  out: Target[],
  size = CHUNK_CHARS,
): Generator<string, void, void> {
  const headings = findHeadings(text);
  for (const [start, end] of chunkText(text, size)) {
    const prefix = sectionContext(text, headings, start);
    const shift = start - prefix.length;
    for (const t of analyzeText(prefix + text.slice(start, end))) {
      // Quantities in the prepended titles belong to an earlier chunk, which highlighted them.
      if (t.start < prefix.length) continue;
      out.push({
        ...t,
        start: t.start + shift,
        end: t.end + shift,
        quoteStart: t.quoteStart + shift,
        quoteEnd: t.quoteEnd + shift,
      });
    }
    yield 'analyze';
  }
}

/**
 * Builds the model for the article `findRoot()` returns, as a sequence of small units (see
 * highlight-slices): it finds the root and flattens it in parts (phase `'flatten'`), then it yields `'analyze'` while extracting and `'highlight'` while
 * building ranges. The finished
 * model is written to `out.model`.
 */
export function* buildHighlightModel(
  findRoot: () => Node,
  out: { model?: HighlightModel; root?: Node },
): Generator<string, void, void> {
  const root = findRoot();
  out.root = root;
  // Stylesheet-hidden blocks and chrome nested in the article column (related links, comments) are not read.
  const flattened: { flat?: FlatText } = {};
  yield* flattenInParts(root, (el) => isHiddenInLayout(el) || isPageChrome(el), flattened);
  const flat = flattened.flat!;
  yield 'analyze';
  const targets: Target[] = [];
  yield* analyzeInChunks(flat.text, targets);
  yield 'highlight';
  const placed: PlacedTarget[] = [];
  for (let k = 0; k < targets.length; k++) {
    const target = targets[k]!;
    const range = staticRangeFromOffsets(flat, target.start, target.end);
    if (range) placed.push({ target, range });
    if (k % RANGES_PER_UNIT === RANGES_PER_UNIT - 1) yield 'highlight';
  }
  const nodeIndex = new Map<Text, number>();
  flat.nodes.forEach((node, k) => nodeIndex.set(node, k));
  out.model = { flat, placed, nodeIndex };
}

/**
 * The titles of the headings whose sections contain `offset` (outermost first), one per line: the
 * context a chunk starting there needs. '' before the first heading.
 */
export function sectionContext(text: string, headings: readonly Heading[], offset: number): string {
  const open: Heading[] = [];
  for (const h of headings) {
    if (h.start >= offset) break;
    open.length = Math.min(open.length, h.level - 1);
    open.push(h);
  }
  // The raw heading line up to its first 。/； — not `title`, which is cut at 60 characters of
  // un-normalised text (pinyin included): the engine derives the same title from it as in one pass.
  return open
    .map((h) => {
      const line = text.slice(h.start, h.lineEnd);
      const stop = line.search(/[。；]/);
      return `${stop < 0 ? line : line.slice(0, stop)}\n`;
    })
    .join('');
}

/**
 * The index in `model.placed` of the target covering the DOM position `(node, offset)`, or -1.
 * O(log n): one map lookup, one binary search. A position exactly at a target's end is outside it.
 */
export function findPlacedAt(model: HighlightModel, node: Node, offset: number): number {
  const k = node.nodeType === 3 /* TEXT_NODE */ ? model.nodeIndex.get(node as Text) : undefined;
  if (k === undefined) return -1;
  const at = model.flat.starts[k]! + offset;
  let lo = 0;
  let hi = model.placed.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (model.placed[mid]!.target.start <= at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 && at < model.placed[found]!.target.end ? found : -1;
}
