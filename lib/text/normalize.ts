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
/** A pinyin group: lowercase Latin letters with or without tone marks, at most one syllable long. */
const PINYIN_GROUP = /^[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,6}[)）]/;
/** Characters that end a sentence or announce a list: a line break after them is a paragraph break. */
const PARAGRAPH_END = /[。；：！？!?;:]/;
/** Heading markers at the start of a line: 一、 （二） (三) 1. 2、 第一章. */
const HEADING_START =
  /^(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十百\d]+[）)]|\d{1,3}[.．、](?!\d)|第[一二三四五六七八九十百\d]+[章节部分])/;
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
  let width = 0;
  for (const ch of line) {
    const code = ch.charCodeAt(0);
    if (isSpace(code)) continue;
    width += code < 0x2000 ? 1 : 2;
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
  const widths = source
    .split('\n')
    .map(measureDisplayWidth)
    .filter((w) => w > 0)
    .sort((a, b) => a - b);
  if (widths.length < 12) return 0;
  return widths[Math.floor(widths.length * 0.75)]!;
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
  const out: string[] = [];
  const map: number[] = [];
  let lastOut = ''; // last emitted character, for join decisions
  let lineStart = 0; // source index where the current source line starts
  let lastWasHan = false; // previous emitted character was Han (pinyin may follow)
  let i = 0;
  const n = source.length;
  const shortLine = measureWrapWidth(source) * 0.8;
  while (i < n) {
    const code = source.charCodeAt(i);
    // Fast path: most characters are kept as they are.
    if (
      code > 0x20 &&
      code !== 0x28 &&
      code < 0xff00 &&
      code !== 0xa0 &&
      code !== 0x3000 &&
      (code < 0x2000 || code > 0x205f)
    ) {
      out.push(source[i]!);
      map.push(i);
      lastOut = source[i]!;
      lastWasHan = isHan(code);
      i++;
      continue;
    }
    const ch = source[i]!;
    if ((ch === '(' || ch === '（') && lastWasHan) {
      const m = PINYIN_GROUP.exec(source.slice(i, i + 9));
      if (m) {
        i += m[0].length;
        continue; // stays "after a Han character" so consecutive groups go too
      }
    }
    if (isSpace(code)) {
      let j = i;
      let firstBreak = -1;
      let lastBreak = -1;
      while (j < n && isSpace(source.charCodeAt(j))) {
        if (source[j] === '\n') {
          if (firstBreak < 0) firstBreak = j;
          lastBreak = j;
        }
        j++;
      }
      const next = j < n ? foldFullWidth(source[j]!) : '';
      // A number never ends at a line break: `4000万<br>亩`, `22 万\n人` join whatever the lines look like.
      const afterNumber = /\d[万亿萬億]?$/.test(out.slice(-2).join(''));
      if (firstBreak >= 0 && out.length > 0 && j < n && !afterNumber) {
        const prevLine = readLineAt(source, lineStart);
        const nextLine = readLineAt(source, lastBreak + 1);
        if (
          PARAGRAPH_END.test(lastOut) ||
          // A break followed by indentation inside a sentence is source formatting (hard-wrapped
          // HTML text), which renders as a space: only punctuation or a heading makes it a paragraph.
          (measureDisplayWidth(prevLine) < shortLine && !/[ \t\u3000]$/.test(source.slice(lastBreak, j))) ||
          (HEADING_START.test(prevLine) &&
            !/[。；，,]/.test(prevLine.slice(-1)) &&
            !prevLine.includes('。')) ||
          HEADING_START.test(nextLine)
        ) {
          out.push('\n');
          map.push(firstBreak);
          lastOut = '\n';
          lastWasHan = false;
          firstBreak = -2; // handled
        }
      }
      const hasTab = firstBreak !== -2 && source.slice(i, j).includes('\t');
      if (hasTab && out.length > 0 && j < n) {
        // A tab separates table cells (flattened <td>s): keep one so cells do not fuse into a phrase.
        out.push('\t');
        map.push(i + source.slice(i, j).indexOf('\t'));
        lastOut = '\t';
        lastWasHan = false;
      } else if (firstBreak !== -2 && keepsSpace(lastOut, next)) {
        out.push(' ');
        map.push(i);
        lastOut = ' ';
        lastWasHan = false;
      }
      if (lastBreak >= 0) lineStart = lastBreak + 1;
      i = j;
      continue;
    }
    let folded = foldFullWidth(ch);
    if ((ch === '，' || ch === '．') && /\d/.test(lastOut) && /\d/.test(foldFullWidth(source[i + 1] ?? ''))) {
      folded = ch === '，' ? ',' : '.';
    }
    out.push(folded);
    map.push(i);
    lastOut = folded;
    lastWasHan = isHan(code);
    i++;
  }
  const text = out.join('');
  const toSource = new Int32Array(text.length + 1);
  for (let k = 0; k < map.length; k++) toSource[k] = map[k]!;
  toSource[text.length] = map.length > 0 ? map[map.length - 1]! + 1 : 0;
  return { text, toSource };
}
