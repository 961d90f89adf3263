import type { MappedText } from './mapped-text';

/**
 * Normalisation of page text for analysis, keeping an exact map back to the source.
 *
 * @module
 */

/** Han ideographs (basic block and extension A) — the script the pinyin rule looks at. */
function isHan(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf);
}
/** Tone-marked and ü letters a pinyin group may hold besides `a`-`z`. */
const PINYIN_TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ';

/**
 * Length of the pinyin group at `i` — `(` or `（`, one to six lowercase Latin letters with or
 * without tone marks, `)` or `）` — or 0 when there is none. A hand-written match: seed 002 has
 * thousands of groups, and a RegExp call per group cost more than reading its few characters.
 */
function matchPinyinGroup(source: string, i: number): number {
  let k = i + 1;
  while (k - i <= 7 && k < source.length) {
    const code = source.charCodeAt(k);
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0xe0 && PINYIN_TONED.includes(source[k]!))) k++;
    else break;
  }
  const letters = k - i - 1;
  if (letters < 1 || letters > 6) return 0;
  const close = source.charCodeAt(k);
  return close === 0x29 || close === 0xff09 ? letters + 2 : 0;
}
/** Characters that end a sentence or announce a list: a line break after them is a paragraph break. */
const PARAGRAPH_END = /[。；：！？!?;:]/;
/**
 * A line that ends with a whole quantity (a figure and its unit, with a bound after it):
 * `全社会研发经费投入年均增长7%以上`, `人均预期寿命提高到80岁`. A blank line after such a line ends an
 * item of a list written one item per paragraph; a wrapped PDF line ends there only by chance.
 */
const QUANTITY_LINE_END =
  /\d(?:%|‰|个百分点|個百分點|倍|[万亿萬億]?(?:[元人个個家项項所座户戶亩畝斤吨噸岁歲年天名])|万亿元|萬億元|万亿斤|萬億斤)(?:以上|左右|以内|以內|以下)?$/;
/** Heading markers at the start of a line: 一、 （二） (三) 1. 2、 第一章. */
const HEADING_START =
  /^(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十百\d]+[）)]|\d{1,3}[.．、](?!\d)|第[一二三四五六七八九十百\d]+[章节部分])/;
/**
 * Unicode's Default_Ignorable_Code_Point ranges (inclusive): characters that render as nothing —
 * zero-width space/joiners, soft hyphen, direction marks and isolates, word joiner, BOM, variation
 * selectors, Hangul fillers, tags. Pages carry them (copy-pasted Word text, CMS hyphenation,
 * bidi-aware editors, or on purpose), and one inside a number must not cut it.
 */
export const DEFAULT_IGNORABLE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x00ad, 0x00ad],
  [0x034f, 0x034f],
  [0x061c, 0x061c],
  [0x115f, 0x1160],
  [0x17b4, 0x17b5],
  [0x180b, 0x180f],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x206f],
  [0x3164, 0x3164],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
  [0xffa0, 0xffa0],
  [0xfff0, 0xfff8],
  [0x1bca0, 0x1bca3],
  [0x1d173, 0x1d17a],
  [0xe0000, 0xe0fff],
];

/**
 * Whether a code point is Default_Ignorable (see {@link DEFAULT_IGNORABLE_RANGES}); the same set as
 * `/\p{Default_Ignorable_Code_Point}/u` in the Unicode version of the ranges.
 */
export function isDefaultIgnorable(codePoint: number): boolean {
  for (const [from, to] of DEFAULT_IGNORABLE_RANGES) {
    if (codePoint < from) return false;
    if (codePoint <= to) return true;
  }
  return false;
}

/** Per UTF-16 code: 1 when the character is kept exactly as it is, whatever surrounds it. */
let keptCodes: Uint8Array | undefined;
/** In {@link getKeptCodes}: a default-ignorable character, dropped. */
const IGNORABLE = 2;
/** In {@link getKeptCodes}: the high surrogate of some astral default-ignorable characters. */
const IGNORABLE_HIGH = 3;

/**
 * The table behind the fast path of {@link normalizeForAnalysis}, built on first use: a character
 * is kept as it is unless it is whitespace, `(`/`（` (pinyin may follow), a full-width form that
 * folds to ASCII (see foldFullWidth), or `，`/`．`, which become `,`/`.` between digits. One load
 * per character instead of a chain of comparisons in a call, which counts most in cold code.
 */
function getKeptCodes(): Uint8Array {
  if (keptCodes) return keptCodes;
  const kept = new Uint8Array(0x10000);
  kept.fill(1, 0x21);
  kept[0x28] = 0; // (
  kept[0xa0] = 0;
  kept.fill(0, 0x2000, 0x2060); // spaces, separators and the rest of the punctuation block
  kept[0x3000] = 0;
  kept.fill(0, 0xff10, 0xff1a); // ０-９
  kept.fill(0, 0xff21, 0xff3b); // Ａ-Ｚ
  kept.fill(0, 0xff41, 0xff5b); // ａ-ｚ
  for (const ch of '％（＋，－．／＜＝＞～') kept[ch.charCodeAt(0)] = 0;
  for (const [from, to] of DEFAULT_IGNORABLE_RANGES) {
    if (to <= 0xffff) kept.fill(IGNORABLE, from, to + 1);
    else for (let cp = from; cp <= to; cp += 0x400) kept[0xd800 + ((cp - 0x10000) >> 10)] = IGNORABLE_HIGH;
  }
  keptCodes = kept;
  return kept;
}

/** Per UTF-16 code: display width 0 (whitespace), 1 (below U+2000) or 2; 3 marks a high surrogate. */
let widthCodes: Uint8Array | undefined;
const HIGH_SURROGATE = 3;

/** The table behind {@link measureWidthBetween}, built on first use (whitespace as isSpace sees it). */
function getWidthCodes(): Uint8Array {
  if (widthCodes) return widthCodes;
  const widths = new Uint8Array(0x10000);
  widths.fill(1, 0, 0x2000);
  widths.fill(2, 0x2000);
  widths.fill(HIGH_SURROGATE, 0xd800, 0xdc00);
  widths.fill(0, 0x09, 0x0e);
  widths.fill(0, 0x2000, 0x200b);
  for (const code of [0x20, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]) widths[code] = 0;
  for (const [from, to] of DEFAULT_IGNORABLE_RANGES) if (to <= 0xffff) widths.fill(0, from, to + 1);
  widthCodes = widths;
  return widths;
}

/** Whether the code is an ASCII digit, what `\d` matches. */
function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** Whether the code is a digit once full-width forms are folded (`0`-`9` or `０`-`９`). */
function isFoldedDigit(code: number): boolean {
  return isAsciiDigit(code) || (code >= 0xff10 && code <= 0xff19);
}

/** Whitespace as JavaScript's `\s` sees it (ideographic and no-break spaces included), by code. */
function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x3000 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0xfeff
  );
}

/** Full-width forms folded to ASCII wherever they occur (digits, letters, signs used in numbers). */
function foldFullWidth(ch: string): string {
  const code = ch.charCodeAt(0);
  // ０-９, Ａ-Ｚ, ａ-ｚ
  if (
    (code >= 0xff10 && code <= 0xff19) ||
    (code >= 0xff21 && code <= 0xff3a) ||
    (code >= 0xff41 && code <= 0xff5a)
  ) {
    return String.fromCharCode(code - 0xfee0);
  }
  switch (ch) {
    case '％':
      return '%';
    case '＋':
      return '+';
    case '－':
      return '-';
    case '／':
      return '/';
    case '＜':
      return '<';
    case '＞':
      return '>';
    case '＝':
      return '=';
    case '～':
      return '~';
    default:
      return ch;
  }
}

/**
 * Whether a dropped whitespace run between `before` and `after` must leave one space: between two
 * Latin letters (`Hello world`) or two digits (`12 34`), never between a digit and a letter (`25 GW`).
 */
function keepsSpace(before: string, after: string): boolean {
  return (/[A-Za-z]/.test(before) && /[A-Za-z]/.test(after)) || (/\d/.test(before) && /\d/.test(after));
}

/** Display width of a line: full-width and Han characters count 2, ASCII 1, whitespace 0. */
function measureDisplayWidth(line: string): number {
  return measureWidthBetween(line, 0, line.length);
}

/**
 * {@link measureDisplayWidth} of `text.slice(start, end)` without slicing. Counts by code point as
 * `for…of` does: a low surrogate right after a high one is the second half of one character.
 */
function measureWidthBetween(text: string, start: number, end: number): number {
  const widths = getWidthCodes();
  let width = 0;
  for (let k = start; k < end; k++) {
    const w = widths[text.charCodeAt(k)]!;
    if (w !== HIGH_SURROGATE) {
      width += w;
      continue;
    }
    width += 2;
    // A surrogate pair is one character: skip its low half.
    if (k + 1 < end) {
      const low = text.charCodeAt(k + 1);
      if (low >= 0xdc00 && low <= 0xdfff) k++;
    }
  }
  return width;
}

/**
 * The width a wrapped line fills in this text (75th percentile of line widths). PDF text layers wrap at a fixed width, so a line clearly shorter
 * than that ended its paragraph; web text has one paragraph per line, so the width is large and
 * every short line (a title, a menu item) keeps its break. With under 12 lines there is no telling,
 * and 0 means no line counts as short (breaks join unless punctuation or a heading says otherwise).
 */
function measureWrapWidth(source: string): number {
  const widths: number[] = [];
  for (let start = 0; start <= source.length;) {
    let end = source.indexOf('\n', start);
    if (end < 0) end = source.length;
    const width = measureWidthBetween(source, start, end);
    if (width > 0) widths.push(width);
    start = end + 1;
  }
  if (widths.length < 12) return 0;
  // A typed array sorts numerically without a comparator call per comparison.
  const sorted = Float64Array.from(widths).sort();
  return sorted[Math.floor(sorted.length * 0.75)]!;
}

/** The line of `source` that starts at `lineStart`, trimmed — used to recognise headings. */
function readLineAt(source: string, lineStart: number): string {
  const end = source.indexOf('\n', lineStart);
  return source.slice(lineStart, end < 0 ? source.length : end).trim();
}

/**
 * Normalises page text for analysis without losing the map back to it.
 *
 * - Full-width digits, letters and signs become ASCII (`６．５％` → `6.5%`); a full-width `，` or `．`
 *   between digits becomes `,` / `.` so `1，200` reads as a number; other Chinese punctuation stays.
 * - Inline pinyin after a Han character is removed (`國(guó)內(nèi)` → `國內`, toneless `業(ye)(ye)` →
 *   `業`): only groups of one to six lowercase Latin letters (with tone marks) in parentheses that
 *   follow a Han character or another removed group. `细颗粒物(PM2.5)` and `（此件公开发布）` stay.
 * - Default-ignorable characters (zero-width, soft hyphen, direction marks, BOM, variation
 *   selectors, tags; see {@link DEFAULT_IGNORABLE_RANGES}) are dropped wherever they occur, so they
 *   cut no number, unit or word (`84\u00ad0亿斤` → `840亿斤`); they do not count as whitespace.
 * - Whitespace runs are dropped inside Chinese text and around numbers (`失\n\n业率` → `失业率`,
 *   `22 万人` → `22万人`, `6 . 5%` → `6.5%`); between two Latin letters or digits one space stays;
 *   a run with a tab (table cells from flattenElement) keeps one tab.
 *   A run containing a line break after a number always joins (`4000万\n亩`); otherwise it becomes one `\n` when the line before ends with 。；：！？, when
 *   either line is a heading (`一、…`, `（二）…`, `1.` …), or when the line before is clearly shorter
 *   than the text's wrap width (a title or paragraph end in PDF text; any line in web text, which
 *   has one paragraph per line), so sentences and sections stay detectable.
 *
 * `toSource[i]` is the source index of `text[i]`; `toSource[text.length]` is one past the source
 * index of the last kept character (0 for an empty result). Every kept character is the source
 * character at its mapped index, except folded full-width forms and a kept `\n`/space, which map
 * to the first whitespace character of their run.
 */
export function normalizeForAnalysis(source: string): MappedText {
  const n = source.length;
  // The text is built from slices of runs kept as they are, not character by character; it is
  // never longer than the source (every change folds one character or drops some).
  let text = '';
  const toSource = new Int32Array(n + 1);
  let length = 0; // characters emitted so far
  let lastOut = ''; // last emitted character, for join decisions
  let beforeLastOut = ''; // the one before it
  let lineStart = 0; // source index where the current source line starts
  let lastWasHan = false; // previous emitted character was Han (pinyin may follow)
  let i = 0;
  const shortLine = measureWrapWidth(source) * 0.8;
  const kept = getKeptCodes();
  /** Emits one character that stands for the source character at `at`. */
  const emit = (ch: string, at: number) => {
    text += ch;
    toSource[length++] = at;
    beforeLastOut = lastOut;
    lastOut = ch;
  };
  while (i < n) {
    const code = source.charCodeAt(i);
    // Fast path: most characters are kept as they are, in runs.
    if (kept[code] === 1) {
      const runStart = i;
      for (i++; i < n; i++) {
        const next = source.charCodeAt(i);
        if (kept[next] === 1) continue;
        // `，`/`．` stays itself unless it joins two digits (`1，200`).
        const joinsDigits = isAsciiDigit(source.charCodeAt(i - 1)) && isFoldedDigit(source.charCodeAt(i + 1));
        if ((next === 0xff0c || next === 0xff0e) && !joinsDigits) continue;
        break;
      }
      for (let k = runStart; k < i; k++) toSource[length++] = k;
      text += source.slice(runStart, i);
      beforeLastOut = i - runStart >= 2 ? source[i - 2]! : lastOut;
      lastOut = source[i - 1]!;
      lastWasHan = isHan(source.charCodeAt(i - 1));
      continue;
    }
    // Invisible characters are transparent: `1\u200d8万人` reads as 18万人, and the quantity's
    // source range still spans them (it maps through the characters around them).
    if (kept[code] === IGNORABLE) {
      i++;
      continue;
    }
    if (kept[code] === IGNORABLE_HIGH && isDefaultIgnorable(source.codePointAt(i)!)) {
      i += 2;
      continue;
    }
    const ch = source[i]!;
    if ((ch === '(' || ch === '（') && lastWasHan) {
      const group = matchPinyinGroup(source, i);
      if (group > 0) {
        i += group;
        continue; // stays "after a Han character" so consecutive groups go too
      }
    }
    if (isSpace(code)) {
      let j = i;
      let firstBreak = -1;
      let lastBreak = -1;
      let firstTab = -1;
      while (j < n) {
        const c = source.charCodeAt(j);
        if (!isSpace(c)) break;
        if (c === 0x0a) {
          if (firstBreak < 0) firstBreak = j;
          lastBreak = j;
        } else if (c === 0x09 && firstTab < 0) {
          firstTab = j;
        }
        j++;
      }
      const next = j < n ? foldFullWidth(source[j]!) : '';
      // A number never ends at a line break: `4000万<br>亩`, `22 万\n人` join whatever the lines look like.
      const afterNumber = /\d[万亿萬億]?$/.test(beforeLastOut + lastOut);
      if (firstBreak >= 0 && length > 0 && j < n && !afterNumber) {
        const prevLine = readLineAt(source, lineStart);
        const nextLine = readLineAt(source, lastBreak + 1);
        const indented = source[j - 1] === ' ' || source[j - 1] === '\t' || source[j - 1] === '\u3000';
        if (
          PARAGRAPH_END.test(lastOut) ||
          // A blank line before an indented line is a new paragraph (`增长6.1%\n\n  城镇新增就业…`);
          // PDF text leaves blank lines inside paragraphs too, but never indents the wrapped part.
          (lastBreak !== firstBreak && indented) ||
          // A blank line after a line that ends with a quantity, before one that starts with a word
          // (`…年均增长7%以上\n\n单位国内生产总值…`): one item per paragraph, never `7%以上单位`.
          (lastBreak !== firstBreak && QUANTITY_LINE_END.test(prevLine) && isHan(next.charCodeAt(0))) ||
          // A break followed by indentation inside a sentence is source formatting (hard-wrapped
          // HTML text), which renders as a space: only punctuation or a heading makes it a paragraph.
          (measureDisplayWidth(prevLine) < shortLine && !indented) ||
          (HEADING_START.test(prevLine) &&
            !/[。；，,]/.test(prevLine.slice(-1)) &&
            !prevLine.includes('。')) ||
          HEADING_START.test(nextLine)
        ) {
          emit('\n', firstBreak);
          lastWasHan = false;
          firstBreak = -2; // handled
        }
      }
      if (firstBreak !== -2 && firstTab >= 0 && length > 0 && j < n) {
        // A tab separates table cells (flattened <td>s): keep one so cells do not fuse into a phrase.
        emit('\t', firstTab);
        lastWasHan = false;
      } else if (firstBreak !== -2 && keepsSpace(lastOut, next)) {
        emit(' ', i);
        lastWasHan = false;
      }
      if (lastBreak >= 0) lineStart = lastBreak + 1;
      i = j;
      continue;
    }
    let folded = foldFullWidth(ch);
    if (
      (ch === '，' || ch === '．') &&
      isAsciiDigit(lastOut.charCodeAt(0)) &&
      isFoldedDigit(source.charCodeAt(i + 1))
    ) {
      folded = ch === '，' ? ',' : '.';
    }
    emit(folded, i);
    lastWasHan = isHan(code);
    i++;
  }
  toSource[length] = length > 0 ? toSource[length - 1]! + 1 : 0;
  return { text, toSource: toSource.slice(0, length + 1) };
}
