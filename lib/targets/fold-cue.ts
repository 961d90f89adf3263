/**
 * A small, dictionary-free fold of short phrases (indicators) to simplified script without inline
 * pinyin, so the metric rules are written once in simplified Chinese and still read traditional
 * reprints (`地區生產總值`) and pinyin-laced ones (`增長(zhǎng)`).
 *
 * Why not OpenCC (lib/anchor/t2s): extraction also runs in the page when the background cannot
 * answer, and the ~1 MB dictionaries must never be in a content script. The rules only look for
 * a few dozen words, so a table of the characters those words use is enough; the metric tests
 * check every rule against OpenCC's Taiwan and Hong Kong forms of real indicators.
 *
 * @module
 */

/**
 * Traditional → simplified for the characters the cue rules use (and only those), as two aligned
 * strings, with the variants Hong Kong and older texts write (爲, 産, 衆, 綫, 説, 啓). Characters without an entry are kept, so a phrase in simplified script comes back
 * unchanged.
 */
const TRADITIONAL =
  '區產總國內經濟長鎮業調記費價漲農預資會糧單強彊貿進額發試驗規減確須務爭於過舉達約實現際較從來維穩歲級層縣處數億萬噸淨幣補貼衛職財稅續營礦電網銷購戶鄉報適廳壓幹擴開門與專積將計劃標滿陽擬應歷歸場體爲産衆眾綫線説說啓啟';
const SIMPLIFIED =
  '区产总国内经济长镇业调记费价涨农预资会粮单强强贸进额发试验规减确须务争于过举达约实现际较从来维稳岁级层县处数亿万吨净币补贴卫职财税续营矿电网销购户乡报适厅压干扩开门与专积将计划标满阳拟应历归场体为产众众线线说说启启';

/** Per UTF-16 code: the simplified code to write, 0 to keep the character, {@link SKIP} to drop it. */
let codeTable: Uint16Array | undefined;
const SKIP = 0xffff;

/** The table behind {@link foldCue}, built on first use: one load per character, no Map or RegExp. */
function getCodeTable(): Uint16Array {
  if (codeTable) return codeTable;
  const table = new Uint16Array(0x10000);
  for (let i = 0; i < TRADITIONAL.length; i++) table[TRADITIONAL.charCodeAt(i)] = SIMPLIFIED.charCodeAt(i);
  for (const code of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x3000]) table[code] = SKIP;
  codeTable = table;
  return table;
}

/** Tone-marked and ü letters a pinyin group may hold besides `a`-`z`. */
const PINYIN_TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ';

function isHan(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff)
  );
}

/** Length of the pinyin group `(zhǎng)` / `（ye）` at `i` (one to six lowercase letters), or 0. */
function matchPinyinGroup(text: string, i: number): number {
  let k = i + 1;
  while (k - i <= 7 && k < text.length) {
    const code = text.charCodeAt(k);
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0xe0 && PINYIN_TONED.includes(text[k]!))) k++;
    else break;
  }
  const letters = k - i - 1;
  if (letters < 1 || letters > 6) return 0;
  const close = text.charCodeAt(k);
  return close === 0x29 || close === 0xff09 ? letters + 2 : 0;
}

/**
 * Folds a short phrase for the cue rules: drops inline pinyin after a Han character (with or
 * without tone marks, so `個(ge)` too) and whitespace, then maps the traditional characters the
 * rules use to simplified. Other traditional characters stay as they are — the rules never look
 * for them. One pass over the characters, answering `text` itself when nothing changes; meant for
 * clauses and indicators, not whole pages.
 */
export function foldCue(text: string): string {
  const table = getCodeTable();
  let out: number[] | undefined;
  let afterGroup = -1; // where the last pinyin group ended: `(ye)(ye)` follows one Han character
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let skip = 0;
    if ((code === 0x28 || code === 0xff08) && i > 0 && (i === afterGroup || isHan(text.charCodeAt(i - 1)))) {
      skip = matchPinyinGroup(text, i);
      if (skip > 0) afterGroup = i + skip;
    } else if (table[code] === SKIP) skip = 1;
    const mapped = skip === 0 ? table[code]! : 0;
    if (!out && (skip > 0 || mapped !== 0)) {
      out = [];
      for (let k = 0; k < i; k++) out.push(text.charCodeAt(k));
    }
    if (skip > 0) {
      i += skip - 1;
      continue;
    }
    if (out) out.push(mapped !== 0 ? mapped : code);
  }
  if (!out) return text;
  let result = '';
  // In slices: String.fromCharCode takes its arguments on the stack.
  for (let k = 0; k < out.length; k += 4096) result += String.fromCharCode(...out.slice(k, k + 4096));
  return result;
}
