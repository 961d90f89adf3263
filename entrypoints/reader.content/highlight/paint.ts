/**
 * Puts targets on the page with the CSS Custom Highlight API: no wrapper elements, the page's DOM
 * is untouched. Names users can restyle: `::highlight(planlens-target)`,
 * `::highlight(planlens-achieved)`, and `::highlight(planlens-focus)` for the target whose card is
 * open.
 *
 * @module
 */
import { clearRanges, installSheet, setRanges, type InstalledSheet } from '../core/highlight-registry';
import type { PlacedTarget } from './model';

/** Registry names, documented in the README. */
export const HIGHLIGHT_TARGET = 'planlens-target';
export const HIGHLIGHT_ACHIEVED = 'planlens-achieved';
export const HIGHLIGHT_FOCUS = 'planlens-focus';

/**
 * Translucent fills tint the text's own background, so they read on white and on near-black
 * pages; the underline carries the distinction for colour-blind readers (solid = target, dotted =
 * achieved). Static text: nothing page-derived goes into the sheet.
 */
const STYLE_TEXT = `
::highlight(${HIGHLIGHT_TARGET}) {
  background-color: rgba(250, 204, 21, 0.35);
  text-decoration: underline solid rgb(217, 119, 6) 2px;
}
::highlight(${HIGHLIGHT_ACHIEVED}) {
  background-color: rgba(56, 189, 248, 0.28);
  text-decoration: underline dotted rgb(2, 132, 199) 2px;
}
::highlight(${HIGHLIGHT_FOCUS}) {
  background-color: rgba(249, 115, 22, 0.55);
  text-decoration: underline solid rgb(194, 65, 12) 3px;
}
`;

let sheet: InstalledSheet | null = null;

/** Adds the `::highlight()` rules once (see installSheet). */
export function installHighlightStyles(doc: Document = document): void {
  sheet ??= installSheet(STYLE_TEXT, doc);
}

/** Removes the rules added by {@link installHighlightStyles}. */
export function removeHighlightStyles(): void {
  sheet?.remove();
  sheet = null;
}

/**
 * Replaces the registry entries with `placed`, split by kind. One `set` per name, so the swap
 * happens between two frames and nothing flickers. Returns the counts.
 */
export function showPlacedTargets(placed: readonly PlacedTarget[]): { target: number; achieved: number } {
  const targets: StaticRange[] = [];
  const achieved: StaticRange[] = [];
  for (const { target, range } of placed) (target.kind === 'achieved' ? achieved : targets).push(range);
  return {
    target: setRanges(HIGHLIGHT_TARGET, targets),
    achieved: setRanges(HIGHLIGHT_ACHIEVED, achieved),
  };
}

/** Marks one range as focused (the open card's target), or clears the mark with null. */
export function showFocus(range: StaticRange | null): void {
  if (!range) {
    CSS.highlights.delete(HIGHLIGHT_FOCUS);
    return;
  }
  setRanges(HIGHLIGHT_FOCUS, [range], 1);
}

/** Removes every PlanLens entry from the registry. */
export function clearHighlights(): void {
  clearRanges([HIGHLIGHT_TARGET, HIGHLIGHT_ACHIEVED, HIGHLIGHT_FOCUS]);
}
