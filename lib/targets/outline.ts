/**
 * The outline of a plan for the side panel: its numbered sections (`一、` / `（一）` / `1.`) in
 * order, each with how many targets and achieved figures it holds.
 *
 * @module
 */
import { findHeadings } from './sections';
import type { Target } from './target';

/** One section of the outline. */
export interface OutlineSection {
  /** 1 for `一、`, 2 for `（一）`, 3 for `1.`. */
  level: 1 | 2 | 3;
  /** The heading as written, up to its first 。 (lib/targets/sections). */
  title: string;
  /** Offset of the heading in the analysed text (scroll there). */
  start: number;
  /** Targets in the section, its subsections included. */
  targets: number;
  /** Achieved figures in the section, its subsections included. */
  achieved: number;
}

/**
 * The sections of `text` (the text `targets`' offsets point into) with their counts. A quantity
 * counts for the innermost heading at or before it and every heading that heading lies in (a
 * `（一）` lies in the last `一、` before it; a `1.` before any `（一）` lies directly in its `一、`).
 * Quantities before the first heading count for no section. `targets` may be in any order.
 */
export function buildOutline(
  text: string,
  targets: readonly Pick<Target, 'start' | 'kind'>[],
): OutlineSection[] {
  const headings = findHeadings(text);
  const sections: OutlineSection[] = headings.map((h) => ({
    level: h.level,
    title: h.title,
    start: h.start,
    targets: 0,
    achieved: 0,
  }));
  // parent[i]: the nearest earlier heading of a smaller level, or -1.
  const parent: number[] = [];
  const stack: number[] = [];
  headings.forEach((h, i) => {
    while (stack.length > 0 && headings[stack[stack.length - 1]!]!.level >= h.level) stack.pop();
    parent.push(stack.length > 0 ? stack[stack.length - 1]! : -1);
    stack.push(i);
  });
  for (const target of targets) {
    let lo = 0;
    let hi = headings.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (headings[mid]!.start <= target.start) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    for (let i = found; i >= 0; i = parent[i]!) {
      if (target.kind === 'achieved') sections[i]!.achieved++;
      else sections[i]!.targets++;
    }
  }
  return sections;
}
