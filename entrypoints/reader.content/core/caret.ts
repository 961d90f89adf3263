/**
 * Caret and range helpers shared by the features that hit-test the page's text: the DOM position
 * under a viewport point, and live ranges / boxes for the `StaticRange`s the registry holds.
 *
 * @module
 */

/** The DOM position under a viewport point (standard API first, WebKit/Blink's older one second). */
export function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  if (typeof document.caretPositionFromPoint === 'function') {
    const pos = document.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

/** A live `Range` over a `StaticRange`, or null when the page rewrote the text under it. */
export function toLiveRange(range: StaticRange): Range | null {
  try {
    const live = document.createRange();
    live.setStart(range.startContainer, range.startOffset);
    live.setEnd(range.endContainer, range.endOffset);
    return live;
  } catch {
    return null; // the page rewrote the text under the range; the next refresh re-derives it
  }
}

/** The viewport box of a range, or null when it is gone (text rewritten) or not rendered. */
export function boundingRect(range: StaticRange): DOMRect | null {
  const rect = toLiveRange(range)?.getBoundingClientRect();
  return rect && (rect.width > 0 || rect.height > 0) ? rect : null;
}
