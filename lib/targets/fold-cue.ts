/**
 * A small, dictionary-free fold of short phrases (indicators, the words around a quantity) to
 * simplified script without inline pinyin, so the metric, direction and firmness rules are written
 * once in simplified Chinese and still read traditional reprints (`地區生產總值`) and pinyin-laced
 * ones (`增長(zhǎng)`).
 *
 * Why not OpenCC (lib/anchor/t2s): extraction also runs in the page when the background cannot
 * answer, and the ~1 MB dictionaries must never be in a content script. The rules only look for
 * a few dozen words, so a table of the characters those words use is enough; a unit test checks
 * that every character of every rule folds back from its OpenCC traditional form.
 *
 * @module
 */

/**
 * Traditional → simplified for the characters the cue rules use (and only those), as two aligned
 * strings. Characters without an entry are kept, so a phrase in simplified script comes back
 * unchanged.
 */
const TRADITIONAL =
  '區產總國內經濟長鎮業調記費價漲農預資會糧單強彊貿進額發試驗規減確須務爭於過舉達約實現際較從來維穩歲級層縣處數億萬噸淨幣補貼衛職財稅續營礦電網銷購戶鄉報適廳壓幹擴開門與專積將計劃標滿陽擬應歷歸場體';
const SIMPLIFIED =
  '区产总国内经济长镇业调记费价涨农预资会粮单强强贸进额发试验规减确须务争于过举达约实现际较从来维稳岁级层县处数亿万吨净币补贴卫职财税续营矿电网销购户乡报适厅压干扩开门与专积将计划标满阳拟应历归场体';

/** {@link TRADITIONAL} → {@link SIMPLIFIED} by character, built on first use. */
let t2s: Map<string, string> | undefined;

function getT2s(): Map<string, string> {
  if (t2s) return t2s;
  t2s = new Map();
  for (let i = 0; i < TRADITIONAL.length; i++) t2s.set(TRADITIONAL[i]!, SIMPLIFIED[i]!);
  return t2s;
}

/** Inline pinyin after a Han character: `(zhǎng)`, `（ye）` — one to six lowercase Latin letters. */
const INLINE_PINYIN = /(?<=[\u3400-\u9fff\uf900-\ufaff])[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,6}[)）]/g;

/** Whitespace inside a phrase (PDF text layers split words: `地区生产 总值`). */
const SPACES = /[\s\u3000]+/g;

/**
 * Folds a short phrase for the cue rules: drops inline pinyin (with or without tone marks, so
 * `個(ge)` too) and whitespace, then maps the traditional characters the rules use to simplified.
 * Other traditional characters stay as they are — the rules never look for them. Linear in the
 * length of `text`; meant for clauses and indicators, not whole pages.
 */
export function foldCue(text: string): string {
  const plain = text.replace(INLINE_PINYIN, '').replace(SPACES, '');
  const map = getT2s();
  let out = '';
  for (const ch of plain) out += map.get(ch) ?? ch;
  return out;
}
