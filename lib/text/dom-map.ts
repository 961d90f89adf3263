/**
 * The seam between text offsets and DOM positions. Everything else works on offsets.
 *
 * @module
 */
import type { FlatText } from './flatten';

/** A DOM position: a text node and an offset in its data. */
export interface DomPoint {
  node: Text;
  offset: number;
}

/**
 * Maps `[start, end)` of `flat.text` to DOM points spanning exactly those characters (across element
 * boundaries), or null when the span contains no node characters.
 *
 * STUB (owned by the text/detect work).
 */
export function pointsFromOffsets(flat: FlatText, start: number, end: number): [DomPoint, DomPoint] | null {
  let first: DomPoint | null = null;
  let last: DomPoint | null = null;
  for (let k = 0; k < flat.nodes.length; k++) {
    const node = flat.nodes[k]!;
    const s = flat.starts[k]!;
    const e = s + node.data.length;
    if (e <= start || s >= end) continue;
    first ??= { node, offset: Math.max(0, start - s) };
    last = { node, offset: Math.min(node.data.length, end - s) };
  }
  return first && last ? [first, last] : null;
}
