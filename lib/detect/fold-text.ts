/**
 * A tiny, lossy text folder for detection only: strips inline pinyin, folds the few traditional
 * characters the detector's patterns use, and drops whitespace. No offsets are kept — the detector
 * only asks "does this phrase occur". Deliberately not opencc: this runs in the gate on every page.
 *
 * @module
 */

/**
 * Traditional → simplified: the characters in the detector's phrases, then (after 說) the 100
 * traditional characters most frequent in the corpus's traditional and pinyin `dev` pages, so that a
 * traditional page's bigrams (phrasing.ts) fall in the same buckets as a simplified page's.
 * Measured on dev cross-validation: traditional plan pages found 26 → 29 of 34, no more false alarms.
 * Each entry costs gate.js about 10 bytes.
 */
const TRADITIONAL_TO_SIMPLIFIED: Record<string, string> = {
  國: '国',
  經: '经',
  濟: '济',
  會: '会',
  發: '发',
  劃: '划',
  畫: '划', // 計畫 (Taiwan usage) reads as 计划
  報: '报',
  議: '议',
  預: '预',
  標: '标',
  總: '总',
  產: '产',
  區: '区',
  計: '计',
  現: '现',
  實: '实',
  於: '于',
  關: '关',
  達: '达',
  規: '规',
  綱: '纲',
  統: '统',
  審: '审',
  請: '请',
  對: '对',
  屆: '届',
  務: '务',
  員: '员',
  長: '长',
  這: '这',
  們: '们',
  過: '过',
  結: '结',
  執: '执',
  編: '编',
  製: '制',
  頒: '颁',
  佈: '布',
  辦: '办',
  見: '见',
  動: '动',
  業: '业',
  項: '项',
  設: '设',
  進: '进',
  體: '体',
  調: '调',
  與: '与',
  億: '亿',
  萬: '万',
  個: '个',
  點: '点',
  爭: '争',
  確: '确',
  內: '内',
  質: '质',
  穩: '稳',
  糧: '粮',
  績: '绩',
  賽: '赛',
  場: '场',
  隊: '队',
  勝: '胜',
  負: '负',
  為: '为',
  學: '学',
  專: '专',
  獲: '获',
  針: '针',
  領: '领',
  聽: '听',
  開: '开',
  閉: '闭',
  決: '决',
  數: '数',
  詞: '词',
  頻: '频',
  熱: '热',
  鍵: '键',
  讀: '读',
  盤: '盘',
  營: '营',
  淨: '净',
  潤: '润',
  東: '东',
  錄: '录',
  線: '线',
  軍: '军',
  聯: '联',
  奧: '奥',
  運: '运',
  記: '记',
  華: '华',
  價: '价',
  號: '号',
  購: '购',
  買: '买',
  況: '况',
  條: '条',
  遠: '远',
  堅: '坚',
  釋: '释',
  將: '将',
  輪: '轮',
  選: '选',
  討: '讨',
  論: '论',
  評: '评',
  習: '习',
  從: '从',
  徵: '征',
  說: '说',
  縣: '县',
  來: '来',
  續: '续',
  時: '时',
  強: '强',
  資: '资',
  機: '机',
  應: '应',
  創: '创',
  單: '单',
  門: '门',
  團: '团',
  導: '导',
  級: '级',
  間: '间',
  並: '并',
  後: '后',
  題: '题',
  際: '际',
  構: '构',
  網: '网',
  當: '当',
  費: '费',
  兩: '两',
  勢: '势',
  據: '据',
  優: '优',
  協: '协',
  電: '电',
  環: '环',
  組: '组',
  舉: '举',
  權: '权',
  約: '约',
  轉: '转',
  參: '参',
  認: '认', // the opinion cue's words (認為, 採訪, 底氣)
  訪: '访',
  採: '采',
  氣: '气',
};

/** A `(pinyin)` group right after a Han character: `當(dāng)`, `業(ye)`, also in full-width `（）`. */
const INLINE_PINYIN = /(?<=[\u3400-\u9fff])[(（][a-zA-Z\u00e0-\u00fc\u0101-\u01dc]{1,7}[)）]/g;
const WHITESPACE = /\s+/g;
/** One traditional character, captured: `split` keeps it between the runs around it. */
const TRADITIONAL = new RegExp(`([${Object.keys(TRADITIONAL_TO_SIMPLIFIED).join('')}])`);

/**
 * Folds text for phrase tests: removes inline pinyin after Han characters, maps the traditional
 * characters in {@link TRADITIONAL_TO_SIMPLIFIED} to simplified, and removes all whitespace (PDF
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
 * `text` with every character of {@link TRADITIONAL_TO_SIMPLIFIED} mapped. Splits around them and
 * maps the odd pieces rather than `replace` with a callback: a traditional page has a mapped
 * character every few characters, and a callback per match is what cost the gate most there
 * (about 1 ms of its detection on a traditional reprint, cold).
 */
function foldTraditional(text: string): string {
  const pieces = text.split(TRADITIONAL);
  if (pieces.length === 1) return text;
  for (let k = 1; k < pieces.length; k += 2) pieces[k] = TRADITIONAL_TO_SIMPLIFIED[pieces[k]!]!;
  return pieces.join('');
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
