/**
 * Where the target card goes: never over the target's line nor the line under it (a reader reads
 * on from the number), so above the line, else below the next line, else beside the text column.
 *
 * @module
 */

/** Gap between the target's line and the card. */
const CARD_GAP_PX = 6;

/** The line box around a target and the text column it sits in, in viewport px. */
export interface LineBox {
  top: number;
  bottom: number;
  /** One line's height (the next line ends this far below `bottom`). */
  lineHeight: number;
  /** The horizontal extent of the block holding the line (the card may sit beside it). */
  columnLeft: number;
  columnRight: number;
}

/**
 * The vertical extent of the line box around `rect` (the glyphs of `range`): grown by half the
 * difference between the line height and the glyphs' height on each side (`normal` counts as 1.2).
 */
export function measureLineBox(range: StaticRange, rect: DOMRect): LineBox {
  const node = range.startContainer;
  const element = node instanceof Element ? node : node.parentElement;
  const fallback = { lineHeight: rect.height, columnLeft: rect.left, columnRight: rect.right };
  if (!element) return { top: rect.top, bottom: rect.bottom, ...fallback };
  const style = getComputedStyle(element);
  const lineHeight = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.2 || rect.height;
  const lines = Math.max(1, Math.round(rect.height / Math.max(lineHeight, 1)));
  const spare = Math.max(0, (lineHeight * lines - rect.height) / 2);
  // The block (not an inline <span>/<b>) whose lines hold the target: its box is the text column.
  let block: Element | null = element;
  while (block && getComputedStyle(block).display.startsWith('inline')) block = block.parentElement;
  const column = (block ?? element).getBoundingClientRect();
  return {
    top: rect.top - spare,
    bottom: rect.bottom + spare,
    lineHeight,
    columnLeft: column.left,
    columnRight: column.right,
  };
}

/**
 * Where the card goes so it hides no text of the target's line nor of the line under it: above
 * the line when it fits in the viewport; else below the NEXT line; else beside the text column
 * (right, then left); else on the side (above / below the next line) with more room.
 */
export function chooseCardPlace(
  line: LineBox,
  card: { width: number; height: number },
  view: { width: number; height: number },
  preferredLeft: number,
): { top: number; left: number } {
  const left = Math.max(4, Math.min(preferredLeft, view.width - card.width - 4));
  const above = line.top - CARD_GAP_PX - card.height;
  const belowNext = line.bottom + line.lineHeight + CARD_GAP_PX;
  if (above >= 0) return { top: above, left };
  if (belowNext + card.height <= view.height) return { top: belowNext, left };
  const besideTop = Math.max(4, Math.min(line.top, view.height - card.height - 4));
  if (line.columnRight + CARD_GAP_PX + card.width <= view.width)
    return { top: besideTop, left: line.columnRight + CARD_GAP_PX };
  if (line.columnLeft - CARD_GAP_PX - card.width >= 0)
    return { top: besideTop, left: line.columnLeft - CARD_GAP_PX - card.width };
  return { top: line.top > view.height - belowNext ? above : belowNext, left };
}
