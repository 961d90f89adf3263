/**
 * Simplified characters left in traditional text (`1200万人`, `1.3万亿斤` in a 繁體 reprint). A page
 * read as traditional only gets the regional variant pass (t2tw, t2hk: `choosePreset`), which
 * keeps them, so a reader asking for 繁體 would still see 万 and 亿.
 *
 * @module
 */
import { SIMPLIFIED_ONLY } from './script-chars';

/**
 * The characters taken as stray simplified ones: the simplified-only set of script detection, plus
 * the magnitude words 万 and 亿. OpenCC counts those two as valid traditional characters too (万俟,
 * a surname), which is why neither the detection set nor a t2* pass touches them; in a plan they are
 * always the numbers 萬 and 億.
 */
const STRAY = new Set([...SIMPLIFIED_ONLY, '万', '亿']);

/**
 * `text` (traditional, already through its variant pass) with each stray simplified character
 * replaced by what `toTraditional` (a simplified→traditional converter such as cn2tw) makes of it
 * in context; every other character is left exactly as it was, so traditional text is never
 * "converted again". Length in code points is kept. When `toTraditional` changes the length of
 * `text` (a phrase preset), `text` is returned unchanged.
 */
export function convertStraySimplified(text: string, toTraditional: (text: string) => string): string {
  const before = [...text];
  if (!before.some((char) => STRAY.has(char))) return text;
  const after = [...toTraditional(text)];
  if (after.length !== before.length) return text;
  return before.map((char, i) => (STRAY.has(char) ? after[i]! : char)).join('');
}
