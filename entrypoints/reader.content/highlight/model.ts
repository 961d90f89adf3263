/**
 * The page's targets as the reader sees them: the flat text, the targets in document order, one
 * `StaticRange` per target, and the lookups that make hit-testing cheap (text node → flat offset →
 * binary search over target starts).
 *
 * @module
 */
import type { Target } from '../../../lib/targets/target';
import { staticRangeFromOffsets } from '../../../lib/dom/dom-map';
import type { FlatText } from '../../../lib/dom/flatten';

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
  /**
   * Index of each text node in `flat.nodes`; built by the first hit test, so a pass that nobody
   * hovers does not pay a map entry per text node.
   */
  nodeIndex?: Map<Text, number>;
}

/** Ranges built per work unit. */
const RANGES_PER_UNIT = 64;

/**
 * Places `targets` (offsets into `flat.text`, ascending) on the DOM, yielding `'highlight'` every
 * {@link RANGES_PER_UNIT} ranges; targets whose text no longer maps to DOM text are dropped. The
 * finished model is written to `out.model`.
 */
export function* placeTargets(
  flat: FlatText,
  targets: readonly Target[],
  out: { model?: HighlightModel },
): Generator<string, void, void> {
  const placed: PlacedTarget[] = [];
  for (let k = 0; k < targets.length; k++) {
    const target = targets[k]!;
    const range = staticRangeFromOffsets(flat, target.start, target.end);
    if (range) placed.push({ target, range });
    if (k % RANGES_PER_UNIT === RANGES_PER_UNIT - 1) yield 'highlight';
  }
  out.model = { flat, placed };
}

/**
 * The index in `model.placed` of the target covering the DOM position `(node, offset)`, or -1.
 * O(log n) after the first call (which builds the node index): one map lookup, one binary search.
 * A position exactly at a target's end is outside it.
 */
export function findPlacedAt(model: HighlightModel, node: Node, offset: number): number {
  if (node.nodeType !== 3 /* TEXT_NODE */) return -1;
  model.nodeIndex ??= new Map(model.flat.nodes.map((text, k) => [text, k]));
  const k = model.nodeIndex.get(node as Text);
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
