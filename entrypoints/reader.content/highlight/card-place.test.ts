import { describe, expect, it } from 'vitest';
import { chooseCardPlace, type LineBox } from './card-place';

const VIEW = { width: 1000, height: 700 };
const CARD = { width: 288, height: 200 };
/** A 24 px line at `top` in a 600 px column starting at x = 100. */
const line = (top: number, column = { left: 100, right: 700 }): LineBox => ({
  top,
  bottom: top + 24,
  lineHeight: 24,
  columnLeft: column.left,
  columnRight: column.right,
});

/** True when the card box overlaps [top, bottom) vertically and [left, right) horizontally. */
function overlaps(at: { top: number; left: number }, top: number, bottom: number, left = 0, right = 1e9) {
  return at.top < bottom && at.top + CARD.height > top && at.left < right && at.left + CARD.width > left;
}

describe('chooseCardPlace', () => {
  it.each([
    ['room above: above the line', line(400), 'above'],
    ['no room above: below the next line', line(100), 'below'],
    ['no room above nor below: beside the column', line(150), 'beside'],
  ] as const)('%s', (_name, box, where) => {
    const view = where === 'beside' ? { width: 1000, height: 380 } : VIEW;
    const at = chooseCardPlace(box, CARD, view, 150);
    // Never over the target's line nor the next one (the column's lines span its whole width).
    expect(overlaps(at, box.top, box.bottom + box.lineHeight, box.columnLeft, box.columnRight)).toBe(false);
    if (where === 'above') expect(at.top + CARD.height).toBeLessThanOrEqual(box.top);
    if (where === 'below') expect(at.top).toBeGreaterThanOrEqual(box.bottom + box.lineHeight);
    if (where === 'beside') expect(at.left).toBeGreaterThanOrEqual(box.columnRight);
  });

  it('keeps the card inside the viewport horizontally', () => {
    expect(chooseCardPlace(line(400), CARD, VIEW, 900).left).toBe(VIEW.width - CARD.width - 4);
  });
});
