/**
 * The heading structure of a plan: `一、…` / `（二）…` / `1.` headings, and whether a section reviews
 * past work (工作回顾) or sets goals.
 *
 * @module
 */

/** One heading found in the text. */
export interface Heading {
  /** Offset of the heading's first character. */
  start: number;
  /** End of the heading line. */
  lineEnd: number;
  /** 1 for `一、`, 2 for `（一）`, 3 for `1.`. */
  level: 1 | 2 | 3;
  /** The heading as written, up to its first 。 (at most 60 characters). */
  title: string;
  /** A top-level heading line with no sentence in it: a title, never a statement of quantities. */
  titleOnly: boolean;
}

/** The section a position lies in. */
export interface SectionInfo {
  /** Path of headings, outermost first, joined with ` > `. */
  path: string;
  /** The top-level section reviews past work, so its quantities default to achieved. */
  review: boolean;
  /** The position lies inside a numbered heading line with no sentence after it (`一、促进就业7件`). */
  inHeadingLine: boolean;
}

// Sticky, matched at the first character of a line in the whole text: none can cross a line break.
const LEVEL_1 = /[一二三四五六七八九十]{1,3}、/y;
const LEVEL_2 = /[（(][一二三四五六七八九十]{1,3}[）)]/y;
const LEVEL_3 = /\d{1,2}[.．、](?!\d)/y;
/** Characters a heading line may start with: the first of LEVEL_1, LEVEL_2 or LEVEL_3. */
const HEADING_FIRST = /[一二三四五六七八九十（(\d]/y;
/** Indentation before a heading marker (`\s` includes the ideographic space), never past the line. */
const INDENT = /[^\S\n]*/y;

/** Whether the pattern matches at `pos` in `text`. */
function matchesAt(pattern: RegExp, text: string, pos: number): boolean {
  pattern.lastIndex = pos;
  return pattern.test(text);
}

/** A top-level heading that reviews past work: 过去五年工作回顾, 2025年工作回顾, 一年来的工作. */
const REVIEW_HEADING =
  /回顾|回顧|总结|總結|过去|過去|(?:[一二两兩三四五六七八九十几幾多]|\d)年[来來]|成就|成绩|成績/;
/**
 * A top-level heading on how last year's plan went (`一、2022年国民经济和社会发展计划执行情况`),
 * unless it also names the coming plan (`执行情况与2023年计划草案`).
 */
const EXECUTION_HEADING = /执行情况|執行情況|完成情况|完成情況|落实情况|落實情況/;
const PLAN_AHEAD = /草案|安排|预期|預期|目标|目標|建议|建議/;

/** Whether a top-level heading reviews past work (see {@link REVIEW_HEADING}, {@link EXECUTION_HEADING}). */
function isReviewHeading(title: string): boolean {
  return REVIEW_HEADING.test(title) || (EXECUTION_HEADING.test(title) && !PLAN_AHEAD.test(title));
}

/**
 * Finds the numbered headings in normalised text, in order. A line counts as a heading when it
 * starts with `一、` (level 1), `（一）` / `(一)` (level 2) or `1.` / `1、` (level 3) after optional
 * indentation; its title runs to the first 。 or the end of the line.
 */
export function findHeadings(text: string): Heading[] {
  const headings: Heading[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    INDENT.lastIndex = lineStart;
    INDENT.test(text);
    const start = INDENT.lastIndex;
    // Most lines are not headings: look at the first character before trying the three patterns.
    const level = !matchesAt(HEADING_FIRST, text, start)
      ? 0
      : matchesAt(LEVEL_1, text, start)
        ? 1
        : matchesAt(LEVEL_2, text, start)
          ? 2
          : matchesAt(LEVEL_3, text, start)
            ? 3
            : 0;
    if (level !== 0) {
      const line = text.slice(start, lineEnd);
      const stop = line.search(/[。；]/);
      const title = (stop < 0 ? line : line.slice(0, stop)).slice(0, 60).trim();
      headings.push({ start, lineEnd, level, title, titleOnly: level === 1 && stop < 0 });
    }
    lineStart = lineEnd + 1;
  }
  return headings;
}

/**
 * Builds a lookup from text offset to its section. Call once per text; each lookup is a binary
 * search. Before the first heading the path is '' and nothing is a review.
 */
export function createSectionLookup(text: string): (offset: number) => SectionInfo {
  const headings = findHeadings(text);
  const infos: SectionInfo[] = [];
  const path: string[] = [];
  let review = false;
  for (const h of headings) {
    path.length = h.level - 1;
    while (path.length < h.level - 1) path.push('');
    path[h.level - 1] = h.title;
    if (h.level === 1) review = isReviewHeading(h.title);
    infos.push({ path: path.filter((p) => p !== '').join(' > '), review, inHeadingLine: false });
  }
  return (offset: number): SectionInfo => {
    let lo = 0;
    let hi = headings.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (headings[mid]!.start <= offset) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    if (found < 0) return { path: '', review: false, inHeadingLine: false };
    const h = headings[found]!;
    const info = infos[found]!;
    return { ...info, inHeadingLine: h.titleOnly && offset < h.lineEnd };
  };
}
