/**
 * What a ledger needs to know about each target beyond the quantity: its canonical metric, whether
 * the figure is a rise or a fall, how firm the commitment is, and the year its own sentence names.
 * Computed from the normalised text around each target, right after extraction.
 *
 * @module
 */
import { matchMetric } from './metric';
import type { Direction, Firmness, Target } from './target';

/** Characters read back from a quantity for its sentence: bounded, so a sentence without ends costs little. */
const MAX_SENTENCE = 160;

/** Ends of a sentence (the firmness and year cues reach back to one). */
const SENTENCE_ENDS = '。；;！？!?\n■●◆▲★•▪';
/** Ends of a clause inside a sentence (the direction verb is looked for inside the quantity's clause). */
const CLAUSE_ENDS = '，,：:、';

/** Per UTF-16 code: 1 ends a sentence, 2 ends a clause, else 0. Built on first use. */
let endCodes: Uint8Array | undefined;

function getEndCodes(): Uint8Array {
  if (endCodes) return endCodes;
  const codes = new Uint8Array(0x10000);
  for (const ch of SENTENCE_ENDS) codes[ch.charCodeAt(0)] = 1;
  for (const ch of CLAUSE_ENDS) codes[ch.charCodeAt(0)] = 2;
  endCodes = codes;
  return codes;
}

/**
 * Rise and fall verbs. A verb followed by 到/至 (提高到60%, 降低到1.4%) still says which way the
 * figure moved, as the corpus labels it; 增加值 is a noun; 涨幅/增幅 name a rate of increase, 降幅 one of
 * decrease; 净增 (a stock's net rise), 增收 (income gained) and 减贫 (people lifted out of poverty) are
 * changes. 提升 in 改造提升/提升改造 (and 建设提升, 巩固提升, 改善提升, 形象提升) upgrades a counted thing
 * (`改造提升农村公厕6座`, `巩固提升100个自然灾害避灾点`) and says nothing of a rise. The one-character verbs of a level reached, 增至/升至 and 降至/减至 (`由原先的6,300個增至8,700個`,
 * `把輪候時間由六年降至約四年半`), say which way as 提高到/降低到 do, and so does 多 after a verb of
 * adding (`額外提供多5,000個過渡性房屋`: 5,000 more). The last verb before the quantity wins:
 * `分别增长6%和7%` reads 增长 for both.
 */
const DIRECTION_VERB =
  /((?<=提供|增加|新增|增设|增設)多(?=$|\s*[\d一二三四五六七八九十两兩])|[增升降](?=[至到])|[减減](?=至)|增[长長]|增加(?!值)|提高|(?<!改造|升级|升級|建设|建設|巩固|鞏固|改善|形象)提升(?!改造)|上[涨漲]|上升|[扩擴]大|[涨漲]幅|增幅|增速|成[长長]|增[涨漲]|[净淨]增|增收|下降|降低|降幅|[减減]少|[减減]贫|[减減]貧|下[调調]|回落|[压壓][减減降]|削[减減]|[缩縮]短|[缩縮]小)(到|至)?/g;
/** Falls, by first character (下降, 降低, 减少, 下调, 回落, 压减, 削减, 缩短 in either script). */
const DOWN_FIRST = /^[下降减減回压壓削缩縮]/;
/**
 * Verbs of a level (达到, 达, 保持在, 稳定在, 控制在, 维持在): after a rise or fall verb earlier in the
 * clause they start a new figure that is a level (`占全省比重达31.8%`, `数控化率分别达到90%、75%`);
 * right after one they only join it to its figure (`增幅达5%`, `涨幅控制在3%`). Not 达标, 达成, 发达.
 */
const LEVEL_VERB = /(?<![发發抵到])(?:[达達]到|[达達](?![标標成])|保持在|[稳穩]定在|控制在|[维維]持在)/g;

/** Nouns that name a rate of increase (增速, 增幅, 增长率, 涨幅, 增长目标), in an indicator. */
const RATE_NOUN = /增速|增幅|增[长長]率|[涨漲]幅|增[长長]目[标標]|增[长長]预期|增[長]預期/;
/** The same right after a figure: `6.5%-7%的增速`. */
const RATE_AFTER = /^的?(?:增速|增幅|增[长長]率|[涨漲]幅)/;

/** Commitment words before the quantity: the last one in the sentence wins. */
const FIRMNESS_WORD = /[确確]保|必[须須]|[务務]必|力[争爭]|[争爭]取|努力/g;
/** Hard commitment words, by first character (确保, 必须, 务必 in either script). */
const HARD_FIRST = /^[确確必务務]/;
/** Floors written with the quantity (超过 is 以上 wording): hard when no commitment word says otherwise. */
const HARD_QUALIFIER = /以上|不低[于於]|不少[于於]|至少|超[过過]/;
const SOFT_QUALIFIER = /左右/;

/**
 * A year the sentence names for its figures: `到2027年`, `2025年`, `2026年经济社会发展的主要预期目标`;
 * not a comparison base (`比2020年`, `较2015年`, `与2020年相比`, `从2021年`), a start (`2021年以来`, `2023年起`) or a
 * date (`2023年1月12日`).
 */
const NAMED_YEAR =
  /(比|[较較]|[从從]|由|自|[与與])?((?:19|20)\d{2})年(以[来來]|起|[开開]始|[来來]|\d{1,2}月\d{1,2}日)?/g;

/**
 * The last clause of a folded sentence prefix (after its last ，、：); a comma between digits is a
 * thousands separator (`多5,000個過渡性房屋至`), not a clause end.
 */
function sliceLastClause(sentence: string): string {
  const codes = getEndCodes();
  for (let i = sentence.length - 1; i >= 0; i--) {
    if (codes[sentence.charCodeAt(i)] !== 2) continue;
    if (sentence[i] === ',' && /\d/.test(sentence[i - 1] ?? '') && /\d/.test(sentence[i + 1] ?? '')) continue;
    return sentence.slice(i + 1);
  }
  return sentence;
}

/**
 * Whether the words between two quantities of one clause name a new indicator (`增长6.1%城镇新增就业`,
 * a headline box whose spaces normalisation dropped), so the verb before the first no longer
 * governs the second; linking words do not (`增长6%和7%`, `分别由…和…`).
 */
function namesNewIndicator(gap: string): boolean {
  let han = 0;
  for (const ch of gap) {
    const code = ch.charCodeAt(0);
    if (code < 0x3400 || code > 0x9fff || LINK_CHARS.includes(ch)) continue;
    if (++han >= 2) return true;
  }
  return false;
}

/** Characters that link the figures of one list (和, 及, 与, 至, 到, 分别 …), never an indicator. */
const LINK_CHARS = '和及与與或至到分别別以上下左右内內为為';

/** The last rise/fall cue in `clause`: a direction, `level` for a verb reaching a level, or undefined. */
function findDirectionCue(clause: string): Direction | 'level' | undefined {
  let verb: RegExpExecArray | null = null;
  DIRECTION_VERB.lastIndex = 0;
  for (let m = DIRECTION_VERB.exec(clause); m; m = DIRECTION_VERB.exec(clause)) verb = m;
  let level = -1;
  LEVEL_VERB.lastIndex = 0;
  for (let m = LEVEL_VERB.exec(clause); m; m = LEVEL_VERB.exec(clause)) level = m.index;
  if (!verb) return level >= 0 ? 'level' : undefined;
  if (level > verb.index + verb[0].length) return 'level';
  return DOWN_FIRST.test(verb[1]!) ? 'down' : 'up';
}

/** The last commitment word in `text` as the firmness it gives, or undefined. */
function findFirmnessWord(text: string): Firmness | undefined {
  let word: string | undefined;
  FIRMNESS_WORD.lastIndex = 0;
  for (let m = FIRMNESS_WORD.exec(text); m; m = FIRMNESS_WORD.exec(text)) word = m[0];
  return word === undefined ? undefined : HARD_FIRST.test(word) ? 'hard' : 'soft';
}

/** Firmness from a target's own qualifier and written form, when no commitment word decides. */
function readQualifierFirmness(written: string, qualifier: string): Firmness | null {
  if (HARD_QUALIFIER.test(qualifier) || HARD_QUALIFIER.test(written)) return 'hard';
  if (SOFT_QUALIFIER.test(qualifier) || SOFT_QUALIFIER.test(written)) return 'soft';
  return null;
}

/**
 * `up` or `down` from the last rise/fall verb in the quantity's clause before it; `null` when there
 * is none (a level: 城镇调查失业率5.5%左右). A level reached by a rise or fall keeps its way
 * (提高到60% is up, 降低到1.4% down) and 涨幅/增幅/增速 are rates of increase, as the corpus labels
 * them (tests/corpus/README.md). Simplified or traditional, without inline pinyin.
 */
export function readDirection(clauseBefore: string): Direction | null {
  const cue = findDirectionCue(clauseBefore);
  return cue === undefined || cue === 'level' ? null : cue;
}

/**
 * `hard` or `soft` for a target: the last commitment word before it in its sentence (确保/必须/务必 →
 * hard; 力争/争取/努力 → soft) decides; without one, its qualifier (以上/不低于/不少于/至少/超过 → hard;
 * 左右 → soft); else `null` (以内, 控制在, a bare figure). `力争…1600亿元以上` is soft: the
 * commitment word governs the floor. Simplified or traditional, without inline pinyin.
 */
export function readFirmness(sentenceBefore: string, written: string, qualifier: string): Firmness | null {
  return findFirmnessWord(sentenceBefore) ?? readQualifierFirmness(written, qualifier);
}

/** The last year `text` names for its figures (see {@link NAMED_YEAR}), or `null`. */
export function readNamedYear(text: string): number | null {
  let year: number | null = null;
  NAMED_YEAR.lastIndex = 0;
  for (let m = NAMED_YEAR.exec(text); m; m = NAMED_YEAR.exec(text)) {
    if (m[1] === undefined && m[3] === undefined) year = Number(m[2]);
  }
  return year;
}

/** What the sentence so far says, carried from one quantity to the next in the same sentence. */
interface SentenceCues {
  firmness: Firmness | undefined;
  year: number | null;
  direction: Direction | 'level' | undefined;
}

/**
 * Fills `metric`, `direction`, `firmness` and `year` of each target in place, reading `text` — the
 * normalised text (lib/text/normalize: inline pinyin dropped, words split by line breaks joined)
 * that the targets' offsets point into, in simplified or traditional script — around it. `targets`
 * must be in document order.
 *
 * - `year` is the year the quantity's sentence names before it, else the year in its innermost
 *   section title (`三、2023年重点工作任务`), else `null` — the document's year is filled in later,
 *   by whoever knows the document (lib/ledger).
 * - `firmness` is `null` for achieved figures: `增长4%以上` reports a result, not a commitment.
 *
 * Each stretch of text is scanned once: the cues of a sentence (at most
 * {@link MAX_SENTENCE} characters back) are carried from one quantity to the next, so a dense
 * sentence of many quantities costs its length, not its length per quantity.
 */
export function describeTargets(text: string, targets: Target[]): void {
  const codes = getEndCodes();
  // Section paths and indicators repeat across a page's targets: read each once.
  const sectionYears = new Map<string, number | null>();
  const metrics = new Map<string, Target['metric']>();
  let cues: SentenceCues = { firmness: undefined, year: null, direction: undefined };
  let previous = -1; // quoteStart of the previous target
  let previousEnd = -1; // end of the previous target (with its qualifier)
  for (const t of targets) {
    const at = t.quoteStart;
    const limit = Math.max(0, at - MAX_SENTENCE);
    // Back to the sentence start, or to the previous quantity when it lies in the same sentence.
    const stop = previous >= limit && previous < at ? previous : limit;
    let start = stop;
    let newSentence = stop === limit;
    for (let i = at - 1; i >= stop; i--) {
      if (codes[text.charCodeAt(i)] === 1) {
        start = i + 1;
        newSentence = true;
        break;
      }
    }
    if (newSentence) cues = { firmness: undefined, year: null, direction: undefined };
    const stretch = text.slice(start, at);
    cues.firmness = findFirmnessWord(stretch) ?? cues.firmness;
    if (stretch.includes('年')) cues.year = readNamedYear(stretch) ?? cues.year;
    const clause = sliceLastClause(stretch);
    // After a 、 the verb before the list still governs: 增长9.4%、10.2%; 分别下降1.5%、10.6%.
    const listed = clause.length < stretch.length && stretch[stretch.length - clause.length - 1] === '、';
    // A gap that ends in 至/到 leads to the level the same thing reaches (`增加多5,000個過渡性房屋至2萬個`):
    // the verb before the first figure still governs.
    const gap = previousEnd > start && previousEnd < at ? text.slice(previousEnd, at) : '';
    const renamed =
      clause.length === stretch.length && !newSentence && gap !== ''
        ? namesNewIndicator(gap) && !/[至到]\s*$/.test(gap)
        : false;
    cues.direction =
      (clause.length < stretch.length && !listed) || renamed
        ? findDirectionCue(renamed ? text.slice(previousEnd, at) : clause)
        : (findDirectionCue(clause) ?? cues.direction);
    previous = at;
    previousEnd = t.end;

    const metricKey = `${t.unit}\u0000${t.indicator}`;
    let metric = metrics.get(metricKey);
    if (metric === undefined) {
      metric = matchMetric(t.indicator, t.unit);
      metrics.set(metricKey, metric);
    }
    t.metric = metric;
    t.direction = cues.direction === undefined || cues.direction === 'level' ? null : cues.direction;
    // CPI figures and the growth metrics in % are rates of increase (居民消费价格涨幅3%左右, GDP 6%).
    // Not after a level verb: `占全省比重达31.8%` is a level whatever indicator it names.
    if (cues.direction === undefined && t.unit === '%' && (metric === 'cpi' || metric?.endsWith('_growth')))
      t.direction = 'up';
    // A figure that is itself a rate of increase, whatever verb reaches it: `GDP增速…分别达到10.7%`,
    // `增长目标为5%左右`, `6.5%-7%的增速`.
    if (
      t.direction === null &&
      t.unit === '%' &&
      (RATE_NOUN.test(t.indicator) || RATE_AFTER.test(text.slice(t.end, t.end + 4)))
    )
      t.direction = 'up';
    t.firmness = t.kind === 'target' ? (cues.firmness ?? readQualifierFirmness(t.text, t.qualifier)) : null;
    let sectionYear = sectionYears.get(t.section);
    if (sectionYear === undefined) {
      sectionYear = readSectionYear(t.section);
      sectionYears.set(t.section, sectionYear);
    }
    t.year = cues.year ?? sectionYear;
  }
}

/** The year named in the innermost section title that names one (`一、2025年工作回顾` → 2025). */
function readSectionYear(section: string): number | null {
  if (section === '') return null;
  const titles = section.split(' > ');
  for (let i = titles.length - 1; i >= 0; i--) {
    const year = readNamedYear(titles[i]!);
    if (year !== null) return year;
  }
  return null;
}
