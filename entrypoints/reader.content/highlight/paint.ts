/**
 * Puts targets on the page with the CSS Custom Highlight API: no wrapper elements, the page's DOM
 * is untouched. Names users can restyle: `::highlight(planlens-target)`,
 * `::highlight(planlens-achieved)`, and `::highlight(planlens-focus)` for the target whose card is
 * open.
 *
 * @module
 */
import {
  clearRanges,
  installSheet,
  prepareRanges,
  setRanges,
  type InstalledSheet,
  type StyledTree,
} from '../core/highlight-registry';
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

/** The rules, per tree: the page, and each shadow root or frame document holding a target. */
const sheets = new Map<StyledTree, InstalledSheet>();

/** Adds the `::highlight()` rules to `tree` once (see installSheet). */
export function installHighlightStyles(tree: StyledTree = document): void {
  if (!sheets.has(tree)) sheets.set(tree, installSheet(STYLE_TEXT, tree));
}

/** Removes the rules added by {@link installHighlightStyles}, from every tree. */
export function removeHighlightStyles(): void {
  for (const sheet of sheets.values()) sheet.remove();
  sheets.clear();
}

/**
 * Styles every tree a range lies in: document rules do not reach into a shadow root, and a frame
 * has its own document. Trees that left the page lose their entry.
 */
function styleTreesOf(ranges: Iterable<StaticRange>): void {
  for (const range of ranges) {
    const tree = range.startContainer.getRootNode();
    if (tree !== document && (tree.nodeType === 9 || tree.nodeType === 11))
      installHighlightStyles(tree as StyledTree);
  }
  for (const tree of sheets.keys()) {
    if (
      tree !== document &&
      !(tree.nodeType === 9 ? (tree as Document).defaultView : (tree as ShadowRoot).host.isConnected)
    )
      sheets.delete(tree);
  }
}

/**
 * Replaces the registry entries with `placed`, split by kind, in two steps: the highlights are
 * built as work units (yielding `'highlight'`), then `out.commit()` styles the trees that need it
 * and swaps both entries in (one `set` per name and document, so nothing flickers) and returns
 * the counts.
 */
export function* preparePlacedTargets(
  placed: readonly PlacedTarget[],
  out: { commit?: () => { target: number; achieved: number } },
  perUnit?: number,
): Generator<string, void, void> {
  const targets: StaticRange[] = [];
  const achieved: StaticRange[] = [];
  for (const { target, range } of placed) (target.kind === 'achieved' ? achieved : targets).push(range);
  const forTargets: { commit?: () => number } = {};
  const forAchieved: { commit?: () => number } = {};
  yield* prepareRanges(HIGHLIGHT_TARGET, targets, forTargets, 0, perUnit);
  yield* prepareRanges(HIGHLIGHT_ACHIEVED, achieved, forAchieved, 0, perUnit);
  out.commit = () => {
    styleTreesOf(targets);
    styleTreesOf(achieved);
    return { target: forTargets.commit!(), achieved: forAchieved.commit!() };
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
