/**
 * Radical code points in PDF text. PDF makers (Chromium's print to PDF with Noto CJK among them)
 * often map a glyph back to a Kangxi radical (U+2F00–U+2FD5) or a CJK radical supplement character
 * (U+2E80–U+2EF3) instead of the ideograph it looks like: `⼯作`, `⼈⺠`, `增⻓`. To a reader they are
 * the same character; to the engine they are not Chinese at all.
 *
 * @module
 */

/** Radical supplement characters that stand for a whole ideograph in Chinese text (simplified forms included). */
const SUPPLEMENT: Readonly<Record<string, string>> = {
  '⺁': '厂',
  '⺇': '几',
  '⺝': '月',
  '⺟': '母',
  '⺠': '民',
  '⺩': '王',
  '⻁': '虎',
  '⻄': '西',
  '⻅': '见',
  '⻆': '角',
  '⻉': '贝',
  '⻋': '车',
  '⻑': '長',
  '⻓': '长',
  '⻔': '门',
  '⻘': '青',
  '⻙': '韦',
  '⻚': '页',
  '⻛': '风',
  '⻜': '飞',
  '⻝': '食',
  '⻟': '食',
  '⻢': '马',
  '⻣': '骨',
  '⻤': '鬼',
  '⻥': '鱼',
  '⻦': '鸟',
  '⻧': '卤',
  '⻨': '麦',
  '⻩': '黄',
  '⻪': '黾',
  '⻬': '齐',
  '⻮': '齿',
  '⻰': '龙',
  '⻳': '龟',
};

/**
 * `text` with every Kangxi radical replaced by its unified ideograph (Unicode's compatibility
 * mapping: `⼯` → `工`) and every radical supplement character that stands for a whole character
 * replaced by it (`⺠` → `民`, `⻓` → `长`). One UTF-16 unit for one, so offsets stay valid. Radical
 * forms that are only components (`⻖`, `⺮`) are left as they are. Returns `text` itself when
 * nothing changes.
 */
export function foldRadicals(text: string): string {
  if (!/[\u2e80-\u2fdf]/.test(text)) return text;
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code >= 0x2f00 && code <= 0x2fd5) out += ch.normalize('NFKC');
    else out += SUPPLEMENT[ch] ?? ch;
  }
  return out;
}
