/**
 * Which target is under the pointer, cheaply enough for every mouse move on pages with thousands
 * of targets: the caret position under the point (a text node and offset), one map lookup and a
 * binary search over target starts (findPlacedAt), then one client-rect check of that target only.
 *
 * @module
 */
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

/** The DOM position under a viewport point (standard API first, WebKit/Blink's older one second). */
function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  if (typeof document.caretPositionFromPoint === 'function') {
    const pos = document.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

function liveRange(range: StaticRange): Range | null {
  try {
    const live = document.createRange();
    live.setStart(range.startContainer, range.startOffset);
    live.setEnd(range.endContainer, range.endOffset);
    return live;
  } catch {
    return null; // the page rewrote the text under the range; the next refresh re-derives it
  }
}

function rectsContain(range: StaticRange, x: number, y: number): boolean {
  const live = liveRange(range);
  if (!live) return false;
  for (const r of live.getClientRects()) {
    if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return true;
  }
  return false;
}

/** The viewport box of a range, or null when it is gone (text rewritten) or not rendered. */
export function boundingRect(range: StaticRange): DOMRect | null {
  const rect = liveRange(range)?.getBoundingClientRect();
  return rect && (rect.width > 0 || rect.height > 0) ? rect : null;
}

/** Whether an event target is inside PlanLens's own UI (a `data-planlens-ui` host). */
export function isInsidePlanLensUi(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('[data-planlens-ui]') !== null;
}
