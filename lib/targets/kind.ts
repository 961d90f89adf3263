import type { TargetKind } from './target';

/**
 * Target or achieved: from the section a quantity lies in, the tense of its own sentence, and the
 * tense the sentences before it set when its own says nothing.
 *
 * @module
 */

/**
 * Wording that reports the past: 去年, 已经, 一年来, 截至, 以来, verbs with 了 (完成了, 增长了), and the
 * wording of results and estimates of the year under review (预计全年/完成/实现/全省…, not 预计未来 or
 * 预计探访; 初步统计, 初步核算, 同比, 刚刚, 回顾, 成绩单); a present state or a time before now (现时, 現在,
 * 目前, 三年前: `三年前…平均等待6.1年，現在綜合輪候時間為5.1年`; not `现在，我代表…`, a speech's opening); a change
 * with 了 or 已 (`縮短了整整1年`, `已縮短一成至兩成`); a comparison with what was expected (好于预期,
 * 超预期); a rate reached and what a report shows (达成率, 報告顯示: a review's figures); a first (首次突破,
 * not 将首次); a running total (累计, not 力争累计, 到2025年累计, nor a plan's cumulative
 * rate 累计降低17%). Not 比上年/比去年,
 * which goals use too (赤字规模比上年增加2300亿元).
 */
const PAST =
  /(?<![比较較])去年|已经|已經|一年来|一年來|二年来|二年來|两年来|两年來|兩年来|兩年來|三年来|三年來|四年来|四年來|五年来|五年來|六年来|六年來|七年来|七年來|八年来|八年來|九年来|九年來|十年来|十年來|几年来|几年來|幾年来|幾年來|多年来|多年來|过去|過去|截至|截止|以来|以來|完成了|增长了|增長了|实现了|實現了|达到了|達到了|增加了|提高了|提升了|上升了|下降了|降低了|减少了|減少了|缩短了|縮短了|现时|現時|现在(?![，,])|現在(?![，,])|目前|(?<=[一二三两兩四五六七八九十]|[^\d][1-9])年前|预计(?=全年|完成|实现|實現|全[省市县区縣區旗]|[:：，,]|\d{4}年|地区|地區|GDP|生产总值|生產總值|国内|國內)|預計(?=全年|完成|实现|實現|全[省市县区縣區旗]|[:：，,]|\d{4}年|地区|地區|GDP|生产总值|生產總值|国内|國內)|初步统计|初步統計|初步核算|据统计|據統計|同比|刚刚|剛剛|回顾|回顧|成绩单|成績單|圆满完成|圓滿完成|创历史新高|創歷史新高|实际增幅|實際增幅|今年(?=[一二三四]季度|上半年|前[一二三四]季度|\d{1,2}[-—至到~]?\d{0,2}月)|完成率|达成率|達成率|报告显示|報告顯示|完成年度计划的|完成年度計劃的|完成全年计划的|完成全年計劃的|完成年度目标的|完成年度目標的|完成全年目标的|完成全年目標的|完成年度任务的|完成年度任務的|完成情况(?=[:：])|完成情況(?=[:：])|进展情况(?=[:：])|進展情況(?=[:：])|执行情况(?=[:：])|執行情況(?=[:：])|好于预期|高于预期|低于预期|好於預期|高於預期|低於預期|成功举办|成功舉辦|荣获|榮獲|入选|入選|跻身|躋身|获评|獲評|被评为|被評為|交出了|已(?=缩短|縮短|下降|降低|减少|減少|提高|提升|增加|上升|改善|取得|完成|建成|开工|開工|落成|觅得|覓得|找到|向|拨|撥|实现|實現|累计|累計|超过|超過|突破)|超预期|超預期|超出预期|超出預期|不及预期|不及預期|(?<!将|將|要|可|望|争|爭)首次(?=突破|超过|超過|跨|迈|邁|站上|达到|達到|实现|實現|进入|進入)|(?<!力争|力爭|争取|爭取|年|将|將|要)累[计計](?![降提增减減下上])/g;

/**
 * Wording that states an intent or goal: 力争, 确保, 预期, 目标 (not a completed 目标任务), 将, 拟, 未来.
 * What something can deliver is a goal too (可兴建, 可提供, 足以, 足够兴建, 预计的…需求, 预计共有…落成,
 * 預計興建約94500個).
 * Not 争取 before funds, bonds, projects or policies (`争取增发国债项目69个`): there it means obtained,
 * a review's verb as much as a plan's.
 */
const GOAL =
  /力争|力爭|足以|足够(?=兴建|提供|容纳|满足)|足夠(?=興建|提供|容納|滿足)|预计(?=共有|将有|可|兴建|興建|提供|建成|落成)|預計(?=共有|將有|可|兴建|興建|提供|建成|落成)|可(?=兴建|興建|提供|增加|容纳|容納|满足|滿足|惠及|带动|帶動)|预计的|預計的|争取(?!增发|增發|中央|上级|上級|国家|國家|国债|國債|资金|資金|专项|專項|债券|債券|超长期|超長期|项目|項目|政策|试点|試點)|爭取(?!增发|增發|中央|上级|上級|国家|國家|国债|國債|资金|資金|专项|專項|债券|債券|超长期|超長期|项目|項目|政策|试点|試點)|确保|確保|预期|預期|目标(?!任务)|目標(?!任務)|(?<!即)将(?!近)|(?<!即)將(?!近)|今后|今後|未来|未來|(?<!模)拟(?!合)|(?<!模)擬(?!合)|建议|建議|工作安排|总体要求|總體要求|主要任务|主要任務/g;

/**
 * The coming period also marks a goal: 今年, 明年 — not 今年以来 nor a part of this year already past
 * (今年一季度, 今年上半年, 今年前三季度, 今年1-7月).
 */
const COMING = /今年(?!以来|以來|[一二三四]季度|上半年|前|\d|[一二三四五六七八九十]+月)|明年/g;

/**
 * A year named as the figures' own (not a comparison base 比/较/从2020年, nor 到2027年, either end of a
 * span 2023年至2025年 or 2024—2025年, a deadline 2020年前, 2021年以来, or a full date: a dateline
 * `2022年12月30日` says when, not which year).
 */
const NAMED_YEAR =
  /(比|较|較|从|從|由|自|到|至|—|–|-|~)?((?:19|20)\d{2})年(?![至到—–\-~](?:19|20)\d{2})(以来|以來|起|来|來|前|\d{1,2}月\d{1,2}日)?/g;

/** Splits a pattern's source at its top-level `|`. */
function splitAlternatives(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') i++;
    else if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) {
      out.push(source.slice(from, i));
      from = i + 1;
    }
  }
  out.push(source.slice(from));
  return out;
}

/** The first character an alternative matches, after any leading lookbehind. */
function readFirstChar(alternative: string): string {
  const lookbehind = /^\(\?<[!=](?:\[[^\]]*\]|[^)])*\)/.exec(alternative);
  return alternative[lookbehind ? lookbehind[0].length : 0]!;
}

/** NAMED_YEAR, sticky, tried where a year or its prefix starts. */
const YEAR_AT = new RegExp(NAMED_YEAR.source, 'y');
const YEAR_FIRST = '比较較从從由自到至—–-~12';
/** Slot of a character that starts a year only. */
const YEAR_ONLY = 255;

/** Sticky patterns of one first character's past and goal words (null: none). */
type CueWords = [RegExp | null, RegExp | null];

/**
 * The cue words by first character: `index[code]` is 1 + the place of that character's words in
 * `words` ({@link YEAR_ONLY} for a year's first character, 0 for none). A text is scanned once,
 * and at a character only the few words that start with it are tried, PAST before GOAL and
 * COMING as one alternation would try them. Built on first use.
 */
let cueTable: { index: Uint8Array; words: CueWords[] } | undefined;

function getCueTable(): { index: Uint8Array; words: CueWords[] } {
  if (cueTable) return cueTable;
  const byChar = new Map<string, [string[], string[]]>();
  const add = (source: string, slot: 0 | 1) => {
    for (const alternative of splitAlternatives(source)) {
      const first = readFirstChar(alternative);
      // The table is keyed by a literal first character: a class or group there would never be tried.
      if (!/[\u3400-\u9fff]/.test(first))
        throw new Error(`kind cue must start with a Han character: ${alternative}`);
      const entry = byChar.get(first) ?? [[], []];
      entry[slot].push(alternative);
      byChar.set(first, entry);
    }
  };
  add(PAST.source, 0);
  add(GOAL.source, 1);
  add(COMING.source, 1);
  const sticky = (list: string[]) => (list.length === 0 ? null : new RegExp(list.join('|'), 'y'));
  const index = new Uint8Array(0x10000);
  const words: CueWords[] = [];
  for (const [ch, [past, goal]] of byChar) {
    words.push([sticky(past), sticky(goal)]);
    index[ch.charCodeAt(0)] = words.length;
  }
  for (const ch of YEAR_FIRST) if (index[ch.charCodeAt(0)] === 0) index[ch.charCodeAt(0)] = YEAR_ONLY;
  cueTable = { index, words };
  return cueTable;
}

/** Whether sticky `pattern` matches at `pos`; on a match its lastIndex is the match end. */
function testAt(pattern: RegExp | null, text: string, pos: number): boolean {
  if (pattern === null) return false;
  pattern.lastIndex = pos;
  return pattern.test(text);
}

/**
 * Builds a lookup of the kind the wording before a position gives, reading `text` once. The lookup
 * takes `floor` (where the cues may start: 0, or the sentence in a review section), `sentenceStart`,
 * `at` (the end of the quantity), `inReview` and `goalQualifier` (the quantity is written with a
 * target's bound: 以上, 左右, 以内, 不低于 …). It returns the kind of the last cue in the quantity's
 * sentence (see {@link readKindCue}: a year before the text's latest named year is past); without
 * one, `target` for a goal-qualified quantity outside a review section, else the kind of the last
 * cue in `[floor, sentenceStart)` — the tense carried from the sentences before — else `achieved`
 * in a review section and `target` elsewhere. Each lookup is a binary search.
 */
export function createKindLookup(
  text: string,
): (
  floor: number,
  sentenceStart: number,
  at: number,
  inReview: boolean,
  goalQualifier: boolean,
) => TargetKind {
  const { index, words: table } = getCueTable();
  const found: number[] = [];
  const foundKinds: TargetKind[] = [];
  // Years are kept as their number until the latest is known: 0 for a cue that is no year.
  const years: number[] = [];
  /** Positions of years that open a sentence as its topic (`2021年，`). */
  const topics = new Set<number>();
  let latestYear = 0;
  for (let i = 0; i < text.length; i++) {
    const slot = index[text.charCodeAt(i)]!;
    if (slot === 0) continue;
    const words = slot === YEAR_ONLY ? undefined : table[slot - 1];
    if (words) {
      const past = testAt(words[0], text, i);
      if (past || testAt(words[1], text, i)) {
        found.push(i);
        foundKinds.push(past ? 'achieved' : 'target');
        years.push(0);
        i = (past ? words[0] : words[1])!.lastIndex - 1;
        continue;
      }
    }
    if (!YEAR_FIRST.includes(text[i]!)) continue;
    YEAR_AT.lastIndex = i;
    const m = YEAR_AT.exec(text);
    if (!m) continue;
    i = YEAR_AT.lastIndex - 1;
    if (m[1] !== undefined || m[3] !== undefined) continue;
    const year = Number(m[2]);
    if (year > latestYear) latestYear = year;
    found.push(m.index);
    foundKinds.push('achieved');
    years.push(year);
    if (isTopicYear(text, m.index, YEAR_AT.lastIndex)) topics.add(m.index);
  }
  // A year before the latest is past; the latest itself says nothing and is dropped, unless the
  // text calls the coming year 今年/明年 and the latest year opens a sentence as its topic:
  // `2021年，我国国内生产总值达到114万亿元…今年发展主要预期目标是` recaps the year before.
  COMING.lastIndex = 0;
  const namesComingYear = COMING.test(text);
  const positions: number[] = [];
  const kinds: Array<TargetKind | null> = [];
  for (let k = 0; k < found.length; k++) {
    if (years[k] !== 0 && years[k]! >= latestYear && !(namesComingYear && topics.has(found[k]!))) continue;
    positions.push(found[k]!);
    kinds.push(foundKinds[k]!);
  }
  restoreAfterParentheses(text, positions, kinds);
  restoreAfterProgressLabels(text, positions, kinds);
  return (floor, sentenceStart, at, inReview, goalQualifier) => {
    let lo = 0;
    let hi = positions.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (positions[mid]! < at) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    if (found >= 0 && positions[found]! >= sentenceStart && kinds[found] !== null) return kinds[found]!;
    if (goalQualifier && !inReview) return 'target';
    const kind = found >= 0 && positions[found]! >= floor ? kinds[found]! : null;
    return kind ?? (inReview ? 'achieved' : 'target');
  };
}

/**
 * Whether the year `[start, end)` opens a sentence or clause as its topic (`2021年，我国…`,
 * `报告中表示，2021年，`): only whitespace or a sentence or clause end before it, a comma right after.
 */
function isTopicYear(text: string, start: number, end: number): boolean {
  const after = text[end];
  if (after !== '，' && after !== ',') return false;
  let i = start - 1;
  while (i >= 0 && /\s/.test(text[i]!)) i--;
  return i < 0 || /[。；;！？!?\n，,：:]/.test(text[i]!);
}

/** Merges `insertAt` entries into the sorted cue lists, keeping them sorted. */
function insertRestores(
  positions: number[],
  kinds: Array<TargetKind | null>,
  insertAt: Array<[number, TargetKind | null]>,
): void {
  if (insertAt.length === 0) return;
  const merged: Array<[number, TargetKind | null]> = positions.map((p, i) => [p, kinds[i]!]);
  merged.push(...insertAt);
  merged.sort((a, b) => a[0] - b[0]);
  positions.length = 0;
  kinds.length = 0;
  for (const [p, kind] of merged) {
    positions.push(p);
    kinds.push(kind);
  }
}

/** A progress report's label (`2023年完成情况：`), whose paragraph only reports. */
const PROGRESS_LABEL = /(?:完成|进展|進展|执行|執行)情[况況][:：]/y;

/**
 * A progress label speaks for its own paragraph: the next item of a 民生实事 list (`项目之三…总投资2700万元`)
 * goes on as before it. Adds, at the line end after each label, an entry that restores the kind before
 * the label (null: none). `positions` stays sorted.
 */
function restoreAfterProgressLabels(
  text: string,
  positions: number[],
  kinds: Array<TargetKind | null>,
): void {
  const insertAt: Array<[number, TargetKind | null]> = [];
  for (let k = 0; k < positions.length; k++) {
    PROGRESS_LABEL.lastIndex = positions[k]!;
    if (!PROGRESS_LABEL.test(text)) continue;
    const lineEnd = text.indexOf('\n', positions[k]!);
    if (lineEnd >= 0) insertAt.push([lineEnd, k > 0 ? kinds[k - 1]! : null]);
  }
  insertRestores(positions, kinds, insertAt);
}

/** A short parenthetical on one line: `(预期目标为8.5%以上)`. */
const PARENTHETICAL = /[(（][^()（）\n]{1,40}[)）]/g;

/**
 * A cue inside a parenthetical speaks for the parenthetical only: `增长10.6%(预期目标为8.5%以上);
 * 规模工业增加值增长9.5%` goes on as before it. Adds, after each parenthetical that holds a cue, an
 * entry that restores the kind before it (null: none). `positions` stays sorted.
 */
function restoreAfterParentheses(text: string, positions: number[], kinds: Array<TargetKind | null>): void {
  if (positions.length === 0) return;
  const insertAt: Array<[number, TargetKind | null]> = [];
  let k = 0;
  PARENTHETICAL.lastIndex = 0;
  for (let m = PARENTHETICAL.exec(text); m; m = PARENTHETICAL.exec(text)) {
    const open = m.index;
    const close = open + m[0].length;
    while (k < positions.length && positions[k]! < open) k++;
    if (k < positions.length && positions[k]! < close) {
      insertAt.push([close, k > 0 ? kinds[k - 1]! : null]);
    }
  }
  insertRestores(positions, kinds, insertAt);
}

/** Offset of the last match of `pattern` in `text`, or -1. */
function findLastMatch(pattern: RegExp, text: string): number {
  // An exec loop on the global pattern finds the matches matchAll would, without cloning the
  // pattern and an iterator per call. No pattern here matches the empty string.
  let last = -1;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) last = m.index;
  return last;
}

/**
 * The latest year `text` names as a figure's own (see {@link NAMED_YEAR}), or null: in a report or
 * news page the year its targets are for, against which an earlier year named in a sentence marks
 * a review (`2016年，全市生产总值3212.2亿元` in a page that sets 2017's targets).
 */
export function findLatestYear(text: string): number | null {
  let latest: number | null = null;
  NAMED_YEAR.lastIndex = 0;
  for (let m = NAMED_YEAR.exec(text); m; m = NAMED_YEAR.exec(text)) {
    if (m[1] !== undefined || m[3] !== undefined) continue;
    const year = Number(m[2]);
    if (latest === null || year > latest) latest = year;
  }
  return latest;
}

/**
 * The kind the wording of `sentence` gives to what follows it, or null when it says nothing: the
 * last cue wins, so `去年增长5.8%，今年力争6%` ends on a goal. A year before `latestYear` is a past cue,
 * `latestYear` itself a goal cue.
 */
export function readKindCue(sentence: string, latestYear: number | null): TargetKind | null {
  let past = findLastMatch(PAST, sentence);
  // A goal word inside the last past cue is part of it (`完成年度目标的106%`), as the page scan reads it.
  PAST.lastIndex = past;
  const pastEnd = past < 0 ? -1 : past + PAST.exec(sentence)![0].length;
  let goal = Math.max(findLastMatch(GOAL, sentence), findLastMatch(COMING, sentence));
  if (goal >= past && goal < pastEnd) goal = -1;
  if (latestYear !== null) {
    NAMED_YEAR.lastIndex = 0;
    for (let m = NAMED_YEAR.exec(sentence); m; m = NAMED_YEAR.exec(sentence)) {
      if (m[1] !== undefined || m[3] !== undefined) continue;
      if (Number(m[2]) < latestYear) past = Math.max(past, m.index);
      else goal = Math.max(goal, m.index);
    }
  }
  if (past < 0 && goal < 0) return null;
  return past > goal ? 'achieved' : 'target';
}

/**
 * Classifies a quantity from `sentence`, the text of its sentence up to and including it: the last
 * cue in it (see {@link readKindCue}) decides; without one, `carried`, the kind the cues of the
 * sentences before it in the same top-level section set (`过去的一年…。地区生产总值完成4704.3亿元`);
 * without that, `achieved` in a review section (工作回顾) and `target` elsewhere.
 */
export function classifyKind(
  sentence: string,
  inReview: boolean,
  carried: TargetKind | null = null,
  latestYear: number | null = null,
): TargetKind {
  return readKindCue(sentence, latestYear) ?? carried ?? (inReview ? 'achieved' : 'target');
}
