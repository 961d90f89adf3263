/**
 * A lossy text folder for detection only: strips inline pinyin, folds every traditional character
 * to simplified by OpenCC's character table (no phrase conversion: the detector reads single
 * characters and bigrams, and 計畫/计划 is the one Taiwan usage it folds by hand), and drops
 * whitespace. No offsets are kept — the detector only asks "does this phrase occur". It runs in the
 * background (issue #9), which bundles the same OpenCC table for conversion already.
 *
 * Measured on dev cross-validation (lib/detect/README.md, fifth round): the whole table instead of
 * the 153 characters folded before lets a traditional page's bigrams meet a simplified page's.
 *
 * @module
 */
import tsCharacters from 'opencc-js/dict/TSCharacters';

/**
 * Where the fold departs from OpenCC's character table: Taiwan writes 計畫 for 计划 (施政計畫), and
 * the cues read 计划, so 畫 folds to 划 rather than OpenCC's 画. Every other character folds as
 * OpenCC's `TSCharacters` says.
 */
const OVERRIDES: Readonly<Record<string, string>> = { 畫: '划' };

/** Traditional → simplified for every character OpenCC's table knows, built on first use. */
let traditionalToSimplified: Map<number, string> | undefined;

/**
 * The character table, from OpenCC's `TSCharacters` (`"國 国|經 经|…"`, one simplified form per
 * entry) and {@link OVERRIDES}, keyed by code point (the table has characters beyond the BMP).
 * Built once: about 3,500 entries, under a millisecond.
 */
function readCharacterTable(): Map<number, string> {
  if (traditionalToSimplified) return traditionalToSimplified;
  const table = new Map<number, string>();
  for (const entry of tsCharacters.split('|')) {
    const space = entry.indexOf(' ');
    if (space > 0) table.set(entry.codePointAt(0)!, entry.slice(space + 1));
  }
  for (const [from, to] of Object.entries(OVERRIDES)) table.set(from.codePointAt(0)!, to);
  traditionalToSimplified = table;
  return table;
}

/** A `(pinyin)` group right after a Han character: `當(dāng)`, `業(ye)`, also in full-width `（）`. */
const INLINE_PINYIN = /(?<=[\u3400-\u9fff])[(（][a-zA-Z\u00e0-\u00fc\u0101-\u01dc]{1,7}[)）]/g;
const WHITESPACE = /\s+/g;

/**
 * Folds text for phrase tests: removes inline pinyin after Han characters, maps every traditional
 * character to its simplified form (OpenCC's character table, no phrases), and removes all whitespace (PDF
 * text breaks words and numbers: `2020 年`, `国民经济和 \n社会发展计划`). Full-width brackets and
 * digits are left alone. Lossy on purpose: Latin words run together.
 */
export function foldForDetection(text: string): string {
  // The lookbehind pattern is compiled and run only where a group could start (most pages have
  // brackets, few have a letter right after one that follows a Han character).
  const unpinyined = mayHoldPinyin(text) ? text.replace(INLINE_PINYIN, '') : text;
  return foldTraditional(unpinyined.replace(WHITESPACE, ''));
}

/**
 * `text` with every character of the character table mapped, one code point at a time. Runs in the
 * background on at most a sample's 6,000 characters (since issue #9 the gate only sends the
 * sample), so a lookup per character is cheap; text without a traditional character comes back
 * as the same string.
 */
function foldTraditional(text: string): string {
  const table = readCharacterTable();
  let out = '';
  let copied = 0;
  for (let k = 0; k < text.length; k++) {
    const code = text.codePointAt(k)!;
    const width = code > 0xffff ? 2 : 1;
    // Below U+3400 there is no Han character, so nothing to look up (most of a page's ASCII).
    const simplified = code >= 0x3400 ? table.get(code) : undefined;
    if (simplified !== undefined) {
      out += text.slice(copied, k) + simplified;
      copied = k + width;
    }
    k += width - 1;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** Whether `text` has an opening bracket after a Han character and before a pinyin letter. */
function mayHoldPinyin(text: string): boolean {
  return opensPinyin(text, '(') || opensPinyin(text, '（');
}

function opensPinyin(text: string, bracket: string): boolean {
  for (let at = text.indexOf(bracket, 1); at !== -1; at = text.indexOf(bracket, at + 1)) {
    const before = text.charCodeAt(at - 1);
    const after = text.charCodeAt(at + 1);
    if (before < 0x3400 || before > 0x9fff) continue;
    // The letters of INLINE_PINYIN: a-z, A-Z, à-ü, ā-ǜ.
    if ((after | 0x20) >= 0x61 && (after | 0x20) <= 0x7a) return true;
    if ((after >= 0xe0 && after <= 0xfc) || (after >= 0x101 && after <= 0x1dc)) return true;
  }
  return false;
}

/** Joins pieces for one fold: no pattern matches it, nothing folds it away, nothing folds into it. */
const PIECE_BREAK = '\u0000';

/**
 * {@link foldForDetection} of each piece, in one pass: `foldPieces(p)[k] === foldForDetection(p[k])`.
 * Each pattern then runs once over one string, not once per piece (a pattern's first runs are
 * what cost in the gate). Folding never joins across the separator: it is neither whitespace,
 * nor Han (the pinyin lookbehind), nor a bracket or letter. Pieces that hold the separator
 * themselves are folded one by one.
 */
export function foldPieces(pieces: readonly string[]): string[] {
  for (let k = 0; k < pieces.length; k++)
    if (pieces[k]!.includes(PIECE_BREAK)) return pieces.map(foldForDetection);
  return foldForDetection(pieces.join(PIECE_BREAK)).split(PIECE_BREAK);
}
