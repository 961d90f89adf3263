/**
 * The page's targets as the reader sees them: the flat text, the targets in document order, one
 * `StaticRange` per target, and the lookups that make hit-testing cheap (text node → flat offset →
 * binary search over target starts).
 *
 * @module
 */
import { analyzeText } from '@/lib/targets/analyze';
import type { Target } from '@/lib/targets/target';
import { staticRangeFromOffsets } from '@/lib/text/dom-map';
import { flattenElement, isHiddenInLayout, type FlatText } from '@/lib/text/flatten';
import { isPageChrome } from '@/lib/text/main-content';

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
 * Text is analysed in chunks of about this many characters, cut at block breaks, so that one
 * chunk is one idle slice. Large enough that ordinary plan pages (≤ 100k characters) are a single
 * chunk and lose no context.
 */
const CHUNK_CHARS = 100_000;
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
 * Builds the model for `root` as a sequence of small units (see highlight-slices): yields
 * `'analyze'` while flattening and extracting, `'highlight'` while building ranges. The finished
 * model is written to `out.model`.
 */
export function* buildHighlightModel(
  root: Node,
  out: { model?: HighlightModel },
): Generator<string, void, void> {
  // Stylesheet-hidden blocks and chrome nested in the article column (related links, comments) are not read.
  const flat = flattenElement(root, { skip: (el) => isHiddenInLayout(el) || isPageChrome(el) });
  yield 'analyze';
  const targets: Target[] = [];
  let lastSection = '';
  for (const [start, end] of chunkText(flat.text)) {
    for (const t of analyzeText(flat.text.slice(start, end))) {
      // A chunk that starts inside a section does not see its heading: carry it over.
      const section = t.section || (start > 0 ? lastSection : '');
      targets.push({
        ...t,
        section,
        start: t.start + start,
        end: t.end + start,
        quoteStart: t.quoteStart + start,
        quoteEnd: t.quoteEnd + start,
      });
      lastSection = section;
    }
    yield 'analyze';
  }
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
 * The index in `model.placed` of the target covering the DOM position `(node, offset)`, or -1.
 * O(log n): one map lookup, one binary search. A position exactly at a target's end is outside it.
 */
export function findPlacedAt(model: HighlightModel, node: Node, offset: number): number {
  const k = node.nodeType === Node.TEXT_NODE ? model.nodeIndex.get(node as Text) : undefined;
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
