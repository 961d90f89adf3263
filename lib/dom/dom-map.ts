/**
 * The seam between text offsets and DOM positions. Everything else works on offsets.
 *
 * DOM helper: reads `FlatText` node lists built by {@link flattenElement}; never writes the DOM.
 *
 * @module
 */
import type { FlatText } from './flatten';

/** A DOM position: a text node and an offset in its data. */
export interface DomPoint {
  node: Text;
  offset: number;
}

/** Index of the last node whose start is `<= offset`, or -1 when every node starts after it. */
function findNodeAtOrBefore(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    if (starts[mid]! <= offset) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

/**
 * Maps `[start, end)` of `flat.text` to DOM points spanning exactly those characters (across element
 * boundaries), or null when the span contains no node characters.
 *
 * Edge cases: a span starting or ending on an inserted break (a virtual `\n`/`\t`) is trimmed to the
 * node characters inside it; an empty or inverted span, or one outside the text, gives null. Nodes
 * are found by binary search, so each call is O(log n) — it runs thousands of times per page. The
 * nodes' data must not have changed length since flattening (in-place, length-preserving rewrites
 * such as 简/繁 conversion are fine).
 */
export function pointsFromOffsets(flat: FlatText, start: number, end: number): [DomPoint, DomPoint] | null {
  const { nodes, starts } = flat;
  if (start >= end || nodes.length === 0) return null;
  let first = findNodeAtOrBefore(starts, start);
  // `start` sits in a break after node `first` (or before every node): begin at the next node.
  if (first < 0 || start >= starts[first]! + nodes[first]!.data.length) first += 1;
  const lastIndex = findNodeAtOrBefore(starts, end - 1);
  if (first >= nodes.length || lastIndex < first) return null;
  const firstNode = nodes[first]!;
  const lastNode = nodes[lastIndex]!;
  // Clamped both ways so a node edited since flattening never yields an out-of-range offset.
  return [
    { node: firstNode, offset: Math.max(0, Math.min(firstNode.data.length, start - starts[first]!)) },
    { node: lastNode, offset: Math.min(lastNode.data.length, end - starts[lastIndex]!) },
  ];
}

/** Node → index in `flat.nodes`, built once per FlatText on first use. */
const nodeIndexes = new WeakMap<FlatText, Map<Node, number>>();

function findNodeIndex(flat: FlatText, node: Node): number {
  let index = nodeIndexes.get(flat);
  if (!index) {
    index = new Map(flat.nodes.map((n, k) => [n, k]));
    nodeIndexes.set(flat, index);
  }
  return index.get(node) ?? -1;
}

const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING, spelled out so this runs without DOM globals.

/**
 * Index of the first flattened node at or after a boundary, by binary search in document order.
 * `isAtOrAfter` must be monotone over `flat.nodes` (false…false true…true).
 */
function findFirstNodeWhere(flat: FlatText, isAtOrAfter: (node: Text) => boolean): number {
  let low = 0;
  let high = flat.nodes.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (isAtOrAfter(flat.nodes[mid]!)) high = mid;
    else low = mid + 1;
  }
  return low;
}

/**
 * The reverse of {@link pointsFromOffsets}, for selections: the offset in `flat.text` of the DOM
 * boundary point `(node, offset)`.
 *
 * Edge cases: a point in a flattened text node maps exactly (offset clamped to its data); a point
 * in an element (`offset` counts children) or in a skipped text node maps to the start of the next
 * flattened text at or after it, so a selection edge in hidden text, between blocks or in a comment
 * snaps forward; a point after all flattened text maps to `flat.text.length`.
 */
export function offsetFromPoint(flat: FlatText, node: Node, offset: number): number {
  const index = findNodeIndex(flat, node);
  if (index >= 0) {
    const data = (node as Text).data;
    return flat.starts[index]! + Math.max(0, Math.min(offset, data.length));
  }
  let k: number;
  const child =
    node.nodeType === 1 || node.nodeType === 9 || node.nodeType === 11 ? node.childNodes[offset] : null;
  if (child) {
    // The boundary sits just before `child`.
    k = findFirstNodeWhere(
      flat,
      (n) => n === child || child.contains(n) || (child.compareDocumentPosition(n) & FOLLOWING) !== 0,
    );
  } else {
    // The boundary sits after all of `node`'s content (or inside a skipped text node).
    k = findFirstNodeWhere(
      flat,
      (n) => !node.contains(n) && (node.compareDocumentPosition(n) & FOLLOWING) !== 0,
    );
  }
  return k < flat.nodes.length ? flat.starts[k]! : flat.text.length;
}

/**
 * A live Range over `[start, end)` of `flat.text` (see {@link pointsFromOffsets}), or null when the
 * span holds no node characters. Live ranges follow DOM edits; use for selections and tests.
 */
export function rangeFromOffsets(flat: FlatText, start: number, end: number): Range | null {
  const points = pointsFromOffsets(flat, start, end);
  if (!points) return null;
  const range = points[0].node.ownerDocument.createRange();
  range.setStart(points[0].node, points[0].offset);
  range.setEnd(points[1].node, points[1].offset);
  return range;
}

/**
 * A StaticRange over `[start, end)` of `flat.text` for the CSS Custom Highlight API, or null when
 * the span holds no node characters. StaticRanges cost nothing on DOM edits and stay on the same
 * characters through in-place, length-preserving rewrites. Where `StaticRange` is missing
 * (happy-dom) a live Range with the same boundaries is returned instead.
 */
export function staticRangeFromOffsets(flat: FlatText, start: number, end: number): StaticRange | null {
  const points = pointsFromOffsets(flat, start, end);
  if (!points) return null;
  const [from, to] = points;
  const view = from.node.ownerDocument.defaultView as (Window & { StaticRange?: typeof StaticRange }) | null;
  const StaticRangeClass = view?.StaticRange ?? globalThis.StaticRange;
  if (typeof StaticRangeClass === 'function') {
    return new StaticRangeClass({
      startContainer: from.node,
      startOffset: from.offset,
      endContainer: to.node,
      endOffset: to.offset,
    });
  }
  return rangeFromOffsets(flat, start, end);
}
