/**
 * The gate's local check before any scoring: a page whose sample has no Han character at all, in
 * its title or text, is not a plan page, and is told so without running (or sending the sample to)
 * the detector. Most pages a browser opens stop here. `detectPlanPage` gives the same verdict to
 * the same samples, so where the check runs never changes a verdict.
 *
 * @module
 */

/** The reason id of {@link NO_CHINESE_TEXT_VERDICT} (the popup words it). */
export const NO_CHINESE_TEXT = 'no-chinese-text';

/** Any Han character (CJK unified ideographs and extension A). */
const HAN = /[\u3400-\u9fff]/;

/**
 * Whether `title` or `text` holds a Han character (CJK unified ideographs U+4E00–U+9FFF or
 * extension A U+3400–U+4DBF). Edge cases: empty strings are false; characters of the other
 * extensions (U+20000 and above, always with common ones on a real page), kana and hangul do not
 * count; the caller bounds `text` (the detector reads at most its first 20,000 characters).
 */
export function hasChineseText(title: string, text: string): boolean {
  return HAN.test(title) || HAN.test(text);
}

/**
 * The verdict on a page without Chinese text: no match, no kind, score 0, one reason. A new
 * object on each call (callers may keep or change it).
 */
export function noChineseTextVerdict(): { match: false; kind: null; score: number; signals: string[] } {
  return { match: false, kind: null, score: 0, signals: [NO_CHINESE_TEXT] };
}
