/**
 * Which target is under the pointer, cheaply enough for every mouse move on pages with thousands
 * of targets: the caret position under the point (a text node and offset), one map lookup and a
 * binary search over target starts (findPlacedAt), then one client-rect check of that target only.
 *
 * @module
 */
import { caretAt, toLiveRange } from '../core/caret';
import { findPlacedAt, type HighlightModel } from './model';

/** The index in `model.placed` of the target under viewport point `(x, y)`, or -1. */
export function findTargetAtPoint(model: HighlightModel, x: number, y: number): number {
  if (model.placed.length === 0) return -1;
  const caret = caretAt(x, y);
  if (!caret) return -1;
  // The caret lands after a character when the pointer is on its right half.
  for (const offset of [caret.offset, caret.offset - 1]) {
    if (offset < 0) continue;
    const index = findPlacedAt(model, caret.node, offset);
    // The caret snaps to the nearest text even when the pointer is in a margin: check the rects.
    if (index >= 0 && rectsContain(model.placed[index]!.range, x, y)) return index;
  }
  return -1;
}

function rectsContain(range: StaticRange, x: number, y: number): boolean {
  const live = toLiveRange(range);
  if (!live) return false;
  for (const r of live.getClientRects()) {
    if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return true;
  }
  return false;
}
