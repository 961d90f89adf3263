import { findIndicator } from './indicator';
import { createKindLookup } from './kind';
import { CN_NUMERAL_CHARS, MAGNITUDES, findMagnitude, parseNumber, roundValue } from './numerals';
import {
  CLAUSE_BREAK_CHARS,
  matchClauseQualifier,
  matchPostQualifier,
  matchPreQualifier,
} from './qualifiers';
import { createSectionLookup } from './sections';
import type { Target, TargetKind } from './target';
import { CLASS_UNITS, COUNT_CLASSIFIERS, matchUnit } from './units';

/**
 * Numeric targets in normalised plan text, per ../../tests/fixtures/numeric-targets.md.
 *
 * @module
 */

/** Digits with `,` thousands, or with a space between groups of three as Hong Kong writes them (`330 000个`). */
const ARABIC = String.raw`(?:\d{1,3}(?: \d{3}(?!\d))+|\d+(?:,\d{3})*)(?:\.\d+)?`;
// ○ (Taiwan's 〇) and a `.` point only inside a numeral: `六九○○萬元`, `一七.六八億元`.
const CN = `[${CN_NUMERAL_CHARS}○]+(?:[点點.][零〇○一二三四五六七八九]+)?`;
const MAG = MAGNITUDES.map(([w]) => w).join('|');
const APPROX = '[多余餘]';

/**
 * A number as written: `百分之五`; Arabic digits with an optional 多/余 and magnitude word
 * (`53亿多`, `5000余万`, `1.4兆`); or a Chinese numeral likewise (`两千万`, `三千多万`, `萬`). Every
 * part is a plain character class or bounded alternation, so matching is linear.
 */
const NUMBER_PERCENT = new RegExp(`百分之(${ARABIC}|${CN})`, 'y');
/** The Arabic and Chinese forms of a number, each: digits, 多/余, magnitude word, 多/余. */
const NUMBER_ARABIC = new RegExp(`(${ARABIC})(${APPROX})?(${MAG})?(${APPROX})?`, 'y');
const NUMBER_CN = new RegExp(`(${CN})(${APPROX})?(${MAG})?(${APPROX})?`, 'y');
/** One Chinese numeral character. */
const CN_CHAR = new RegExp(`[${CN_NUMERAL_CHARS}]`);

/** Connectors of a range: `4.5%—5%`, `4.5%至5%`, `5%-6%` (a set: tested on one character per number). */
const RANGE_CONNECTOR: ReadonlySet<string> = new Set('—–-~～至到');
/** Before a number, these make `从60%到65%` a change, not a range. */
const CHANGE_FROM: ReadonlySet<string> = new Set('从從由');
/** Sentences end here; quantities are scanned one sentence at a time. */
const SENTENCE_END = /[。；;！？!?\n]/g;
/**
 * A noun that counts people shortly after a bare magnitude gives the unit 人 (`157万贫困人口`,
 * `600多万群众`, `81.2万参加城乡居民医保的居民`, `18万城镇新增就业`); see the corpus README's rule.
 */
const PEOPLE_AFTER = /^[^，,；;。、:：\n]{0,9}?(?:人|群众|群眾|居民|就业|就業|职工|職工|劳动力|勞動力)/;
/** Characters that make the number part of a code or name (`PM2.5`, `C919`, `G331`, `2023-01-18`). */
const CODE_BEFORE: ReadonlySet<string> = new Set(
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-/:',
);
/** A region-wide scope before a people count marks the population itself. */
const WHOLE_POPULATION = /全[区區国國省市]$/;
/** Policy words: `40条配套政策`, `优化营商环境181条…政策包` count the articles of a named package. */
const POLICY_WORDS = /政策|措施|举措|舉措|意见|意見/;
/** Generic classifiers that, right before another quantity, describe what it measures (`6类项目3000万千瓦`). */
const DESCRIPTOR_UNITS = new Set(['类', '類', '个', '個', '项', '項', '种', '種']);

/**
 * Counts of the document's own items (31项指标, 110項KPI, 10件实事, 10件民生實事, 十一个方面, 6項重點任務,
 * 34项具体内容): not
 * quantities of work. A count of 民生实事项目 counts projects, which are (LABELLING-r3.md).
 */
const OWN_ITEMS_AFTER =
  /^(?:主要|重点|重點)?(?:指标|指標|KPI|方面|举措|舉措|任务|任務)|^(?:民生)?(?:实事|實事)(?!项目|項目)|^(?:具体|具體)(?:内容|內容)/;
const ITEM_UNITS: ReadonlySet<string> = new Set(['项', '項', '件', '个', '個', '条', '條']);
/** Counts of jurisdictions in a round-up or ranking: 31个省区市, 9个省份GDP实际增幅. */
const JURISDICTIONS_AFTER = /^(?:省区市|省區市|省市区|省市區|省份|省区|省區|省市|地区|地區)/;
/** Delegates at a congress session: 应出席代表2953人, 出席2900人, 缺席53人, 代表名额为338名. */
const ATTENDANCE = /出席|缺席|列席|名额|名額|实有代表|實有代表/;
const PEOPLE_UNITS: ReadonlySet<string> = new Set(['人', '名', '位']);

/**
 * What may follow a bare magnitude that ends its clause (`减少1109万，`, `减少1000萬以上，`, `吞吐量突破200万大关`):
 * a break, 大关 (the figure is the threshold itself), or 相较 (`與104年228億相較`: a base compared with).
 */
const BARE_END = /^(?:[，,；;。、！!？?\s]|大关|大關|相较|相較|相比|$)/;

/** After a bare magnitude: the exact figure follows (`百亿元大关,达109亿元`), so the milestone is no figure. */
const MILESTONE_THEN_FIGURE = /^(?:大关|大關)?[，,、]?(?:达到|達到|达|達|为|為|至)[0-9０-９]/;

/** Words before a figure that make 年 a duration measured (`受教育年限提高到11.7年`, `轮候时间为5.1年`). */
const DURATION_BEFORE = /年限|时间|時間|缩短|縮短|等待|等候|轮候|輪候|工期/;
/**
 * Words after 年 (or 天) that make it a date, a span used as a date (`5年来`, `3年内`, `2年前`) or a
 * population descriptor (`轮候传统公屋三年或以上人士`).
 */
const DATE_AFTER_YEAR = /^[来來内內间間前后後底末度初级級份代中里以或]/;
/** Words after 成 that make it part of a word (`一成不变`, `五成功`), not tenths. */
const WORD_AFTER_TENTHS = /^[\u4e00-\u9fff](?<![的以左至到多半])/;

/**
 * Units that count only in context, since the same character more often names a date, an age or a
 * word: 年 for a duration measured (a figure of at most two digits after a word of waiting or
 * schooling time, never `2026年`), 岁 for a life expectancy (never `60岁以上老年人`), 天 for a count
 * of days (`优良天数增加76天`), 成 for tenths after a Chinese digit (`上升四成`, `六成`, not `一成不变`).
 * Returns the unit, or '' when the context does not make it one.
 */
function matchContextUnit(text: string, num: NumberRead): string {
  const unit = text[num.end] ?? '';
  const head = text.slice(Math.max(0, num.start - 12), num.start);
  const small = num.value < 100 && !num.hasMagnitude;
  switch (unit) {
    case '年':
      return small &&
        DURATION_BEFORE.test(head) &&
        !DATE_AFTER_YEAR.test(text.slice(num.end + 1, num.end + 2))
        ? unit
        : '';
    case '岁':
    case '歲':
      return small && /寿命|壽命/.test(head) ? unit : '';
    case '天':
      return small && /天数|天數/.test(head) && !DATE_AFTER_YEAR.test(text.slice(num.end + 1, num.end + 2))
        ? unit
        : '';
    case '成':
      return num.chinese &&
        /^[一二两兩三四五六七八九]$/.test(text.slice(num.start, num.end)) &&
        !WORD_AFTER_TENTHS.test(text.slice(num.end + 1, num.end + 2))
        ? unit
        : '';
    default:
      return '';
  }
}

/** What makes 个 a span of time rather than a count: 个月, 个工作日, 个小时. */
const DURATION_AFTER_CLASSIFIER = /^(?:月|工作日|小时|小時|星期|季度|学期|學期)/;

/**
 * A quoted target (`为“年均增长10%左右”`): a rate right after its verb is a quantity even inside
 * “…”, which otherwise holds slogans and names (`“六个100”`, `“1571”`).
 */
const QUOTED_RATE = /(?:增长|增長|增速|下降|降低|提高)[“「]?$/;

/**
 * A news dateline run on to a headline that ends in a bound (`GDP增长6%以上新华社北京3月5日电`):
 * the bound ends the headline, it classifies no noun.
 */
const DATELINE =
  /^(?:新华社|新華社|中新社|中新网|中新網|人民网|人民網|央视|央視|本报|本報|记者|記者|来源|來源)/;

/** Classifiers that only count the noun after them (个, 家, 所 …), unlike 户, 人 or 亿元, which measure it. */
const GENERIC_CLASSIFIERS: ReadonlySet<string> = new Set(
  '个個家所座项項件处處条條栋棟台臺套艘架辆輛张張间間',
);

/** A Han character right after 以上/以下 that starts the noun the threshold classifies (not 的, 和 …). */
/**
 * People after a count of people with 以上 are the people counted (`为8000名以上符合条件的就业困难人员`),
 * not a class sized by it (`100名以上员工的企业`).
 */
const COUNTED_PEOPLE =
  /^[^，,；;。、]{0,10}?(?:人员|人員|群众|群眾|居民|学生|學生|职工|職工|老人|长者|長者|儿童|兒童|农户|農戶)(?![^，,；;。、]{0,4}的)/;
const THRESHOLD_NOUN = /[\u4e00-\u9fff](?<![的和及与與并並或且])/;

/** Bounds a goal is written with: with no cue in its sentence, such a quantity is a target. */
const GOAL_QUALIFIERS: ReadonlySet<string> = new Set([
  '左右',
  '以上',
  '以内',
  '以內',
  '以下',
  '不低于',
  '不低於',
  '不少于',
  '不少於',
  '不超过',
  '不超過',
  '控制在',
  '力争',
  '力爭',
  '争取',
  '爭取',
]);

/** Longest clause read around a quantity (for indicators, 力争, policy words). */
const MAX_CLAUSE = 120;
/** Per UTF-16 code: 1 for a clause break (CLAUSE_BREAK_CHARS), 2 for 、. Built on first use. */
let clauseCodes: Uint8Array | undefined;
const CLAUSE_BREAK = 1;
const ENUMERATION_COMMA = 2;

/** The table behind the clause scans: a load per character instead of a Set lookup of a new string. */
function getClauseCodes(): Uint8Array {
  if (clauseCodes) return clauseCodes;
  const codes = new Uint8Array(0x10000);
  for (const ch of CLAUSE_BREAK_CHARS) codes[ch.charCodeAt(0)] = CLAUSE_BREAK;
  codes['、'.charCodeAt(0)] = ENUMERATION_COMMA;
  clauseCodes = codes;
  return codes;
}

/** Chinese digits proper (not places or magnitudes). */
const CN_DIGIT = /[零〇○一二两兩三四五六七八九]/;
/** Units that after a Chinese numeral count occasions or sessions (五次会议), never a target. */
const CN_ORDINAL_UNITS = new Set(['次', '场', '場', '届', '期']);

/** One number read at a position: its span, value and parts. */
interface NumberRead {
  start: number;
  /** End of the digits and magnitude (before the unit). */
  end: number;
  value: number;
  chinese: boolean;
  /** 多/余 written inside the number (`53亿多吨`). */
  approx: string;
  hasMagnitude: boolean;
  /** Multiplier of a magnitude word written after Arabic digits (`5000万` → 1e4), else 1. */
  scale: number;
  /** A bare place or magnitude with no digit (`百`, `萬`, `千億`). */
  bare: boolean;
  percentWord: boolean;
}

/** A quantity found in a sentence, before indicators are bound. */
interface Found {
  target: Target;
  /** Where the quantity and any qualifier before it start. */
  before: number;
  /** Where the quantity and any qualifier after it end. */
  after: number;
  postQualifier: string;
  /** Where the quantity's clause starts (after ，；。： or a line break). */
  clauseStart: number;
}

/** A quantity read at a position, before its section, kind and indicator are known. */
interface QuantityRead extends Omit<Found, 'target' | 'clauseStart'> {
  quoteStart: number;
  quoteEnd: number;
  value: number;
  /** Upper bound of a range, else undefined (always present: one object shape). */
  valueMax: number | undefined;
  unit: string;
  qualifier: string;
}

/** Reads a number at exactly `pos`, or null. */
function readNumber(text: string, pos: number): NumberRead | null {
  // The first character picks the form (as alternatives of one RegExp would, more cheaply): a
  // digit starts an Arabic number; 百 may start 百分之; any other numeral a Chinese number.
  const first = getNumeralCodes()[text.charCodeAt(pos)];
  if (first === undefined || first === 0) return null;
  if (first === CN_NUMERAL && text.charCodeAt(pos) === 0x767e /* 百 */) {
    NUMBER_PERCENT.lastIndex = pos;
    const p = NUMBER_PERCENT.exec(text);
    if (p) {
      const value = parseNumber(p[1]!);
      if (Number.isNaN(value)) return null;
      return {
        start: pos,
        end: pos + p[0].length,
        value,
        chinese: !/^\d/.test(p[1]!),
        approx: '',
        hasMagnitude: false,
        scale: 1,
        bare: false,
        percentWord: true,
      };
    }
  }
  const chinese = first === CN_NUMERAL;
  const pattern = chinese ? NUMBER_CN : NUMBER_ARABIC;
  pattern.lastIndex = pos;
  const m = pattern.exec(text);
  if (!m) return null;
  let digits = m[1]!;
  const approx = m[2] ?? m[4] ?? '';
  const magnitude = m[3] ?? '';
  let end = pos + m[0].length;
  // 两千万千瓦: the numeral must stop before a 千-/百-initial unit.
  if (chinese && magnitude === '' && approx === '' && /[千百]$/.test(digits) && digits.length > 1) {
    const unit = matchUnit(text, end - 1);
    if (unit.length > 1) {
      digits = digits.slice(0, -1);
      end -= 1;
    }
  }
  const value = parseNumber(digits, magnitude);
  if (Number.isNaN(value)) return null;
  return {
    start: pos,
    end,
    value,
    chinese,
    approx,
    hasMagnitude: magnitude !== '' || (chinese && /[万萬亿億兆]/.test(digits)),
    scale: chinese ? 1 : findMagnitude(magnitude),
    // 十萬個單位 is ten 萬, not a bare magnitude; 数十万 and 几十万 are not a number.
    bare:
      chinese &&
      !CN_DIGIT.test(digits) &&
      !(/^十[万萬亿億]/.test(digits) && !/[数數几幾上]/.test(text[pos - 1] ?? '')),
    percentWord: false,
  };
}

/**
 * Tracks whether a position lies inside “…” or 《…》 (slogans, titles) as a sentence is scanned
 * left to right, so each character is read once whatever the number of quantities. A position
 * counts as quoted only when a closing mark follows before the sentence ends (`sentenceEnd`): a
 * stray “ (mojibake such as `Ã¥Å“°`, a quotation a CMS left open) opens nothing, or it would
 * swallow the targets after it (line breaks are gone by then, so whole paragraphs went).
 */
function createQuoteTracker(
  text: string,
  sentenceStart: number,
  sentenceEnd: number,
): (pos: number) => boolean {
  // Where the last closing mark of the sentence is: a quote still open after it never closes.
  let lastClose = -1;
  for (let k = sentenceEnd - 1; k >= sentenceStart; k--) {
    const ch = text[k];
    if (ch === '”' || ch === '》') {
      lastClose = k;
      break;
    }
  }
  let scanned = sentenceStart;
  let depth = 0;
  return (pos: number) => {
    for (; scanned < pos; scanned++) {
      const ch = text[scanned];
      if (ch === '“' || ch === '《') depth++;
      else if ((ch === '”' || ch === '》') && depth > 0) depth--;
    }
    return depth > 0 && pos < lastClose;
  };
}

/** Offset where the clause holding `pos` starts: after ，；。：、 or a line break, not before `floor`. */
function findClauseStart(text: string, pos: number, floor: number, withEnumeration: boolean): number {
  // A clause longer than MAX_CLAUSE is cut: lookbacks stay bounded on text without punctuation.
  const limit = Math.max(floor, pos - MAX_CLAUSE);
  const codes = getClauseCodes();
  const stop = withEnumeration ? ENUMERATION_COMMA : CLAUSE_BREAK;
  for (let i = pos - 1; i >= limit; i--) {
    const c = codes[text.charCodeAt(i)]!;
    if (c !== 0 && c <= stop) return i + 1;
  }
  return limit;
}

/** Offset where the clause holding `pos` ends (its ，；。、 or line break), not after `ceiling`. */
function findClauseEnd(text: string, pos: number, ceiling: number, withEnumeration = true): number {
  const limit = Math.min(ceiling, pos + MAX_CLAUSE);
  const codes = getClauseCodes();
  const stop = withEnumeration ? ENUMERATION_COMMA : CLAUSE_BREAK;
  for (let i = pos; i < limit; i++) {
    const c = codes[text.charCodeAt(i)]!;
    if (c !== 0 && c <= stop) return i;
  }
  return limit;
}

/**
 * Reads the quantity whose number `num` was read: number, unit, range, qualifiers. Returns null
 * when what is there is not a quantity per the spec (no unit, a date, a code, an ordinal, a slogan).
 */
function readQuantity(
  text: string,
  num: NumberRead,
  sentenceEnd: number,
  previousEnd: number,
): QuantityRead | null {
  const pos = num.start;
  if (num.end > sentenceEnd) return null;
  const prev = text[pos - 1] ?? '';
  if (CODE_BEFORE.has(prev) || prev === '第') return null;
  if (num.chinese && !num.percentWord) {
    const digits = text.slice(num.start, num.end);
    // 一 alone before anything but a measure is the article (一批, 一系列, 一体推进).
    if (
      (digits === '一' || digits === '壹') &&
      !/^(?:个百分点|個百分點|百分点|百分點|倍)/.test(text.slice(num.end, num.end + 4)) &&
      matchContextUnit(text, num) === ''
    ) {
      return null;
    }
  }
  let unit = num.percentWord ? '%' : matchUnit(text, num.end) || matchContextUnit(text, num);
  let quoteEnd = num.percentWord ? num.end : num.end + unit.length;
  let value = num.value;
  // 四年半, 1年半: a half year more.
  if ((unit === '年' || unit === '个月' || unit === '個月') && text[quoteEnd] === '半') {
    value += 0.5;
    quoteEnd++;
  }
  let valueMax: number | undefined;
  // A range: 4.5%—5%, 4.5%至5%, 5-6% (the first number may leave out the unit).
  // 从60%到65% is a change, not a range.
  if (RANGE_CONNECTOR.has(text[quoteEnd] ?? '') && !CHANGE_FROM.has(text[pos - 1] ?? '')) {
    const second = readNumber(text, quoteEnd + 1);
    if (second && !second.percentWord) {
      const secondUnit = matchUnit(text, second.end) || matchContextUnit(text, second);
      if (secondUnit !== '' && (unit === '' || unit === secondUnit)) {
        // 3000-5000万千瓦: the magnitude written once applies to both ends.
        if (unit === '' && !num.hasMagnitude) value = roundValue(value * second.scale);
        valueMax = second.value;
        unit = secondUnit;
        quoteEnd = second.end + secondUnit.length;
      }
    }
  }
  // A bare magnitude at the end of a clause is a quantity counted in its indicator's own terms:
  // 农村贫困人口减少1109万，玉龙机场旅客吞吐量200万。
  if (
    unit === '' &&
    num.hasMagnitude &&
    !num.chinese &&
    BARE_END.test(text.slice(quoteEnd + matchPostQualifier(text, quoteEnd).length, quoteEnd + 8))
  ) {
    unit = '';
  } else if (unit === '') {
    // A bare magnitude about people: 157万贫困人口, 600多万群众.
    if (!num.hasMagnitude || !PEOPLE_AFTER.test(text.slice(num.end, Math.min(sentenceEnd, num.end + 12))))
      return null;
    // 全区2400多万各族人民: the whole population, a descriptor rather than a result or goal.
    if (WHOLE_POPULATION.test(text.slice(Math.max(0, pos - 2), pos))) return null;
    unit = '人';
    quoteEnd = num.end;
  }
  if (num.chinese && !num.percentWord) {
    if (CN_ORDINAL_UNITS.has(unit)) return null;
    // A single Chinese digit with a counting classifier counts rhetorically (两个轮子, 抓好四件事,
    // 八项规定): plans write the counts they commit to in Arabic digits. Measures stay (两个百分点).
    if (/^[一二两兩三四五六七八九]$/.test(text.slice(num.start, num.end)) && COUNT_CLASSIFIERS.has(unit))
      return null;
    // 千家万户, 百团千场, 一湖两海: numerals paired in a set phrase.
    if (CN_CHAR.test(text[quoteEnd] ?? '')) return null;
  }
  // 500千伏输变电工程: a voltage naming a class of equipment.
  if (
    CLASS_UNITS.has(unit) &&
    /[\u4e00-\u9fff]/.test(text[quoteEnd] ?? '') &&
    matchPostQualifier(text, quoteEnd) === ''
  ) {
    return null;
  }
  // 稳经济40条配套政策: the articles of a policy package are its name, not a quantity of work.
  if (
    (unit === '条' || unit === '條') &&
    POLICY_WORDS.test(
      text.slice(findClauseStart(text, pos, 0, false), findClauseEnd(text, quoteEnd, sentenceEnd, false)),
    )
  ) {
    return null;
  }
  // 首200萬元利得稅率: the first so much of a thing names the class the rate applies to (t003), like
  // a threshold inside an indicator's name.
  if (text[pos - 1] === '首' && /[\u4e00-\u9fff]/.test(text[quoteEnd] ?? '')) return null;
  // 12个月, 3个工作日: a span of time, like 年, not a count.
  if (
    (unit === '个' || unit === '個') &&
    DURATION_AFTER_CLASSIFIER.test(text.slice(quoteEnd, quoteEnd + 3))
  ) {
    return null;
  }
  const following = text.slice(quoteEnd, quoteEnd + 6);
  if (ITEM_UNITS.has(unit) && (OWN_ITEMS_AFTER.test(following) || JURISDICTIONS_AFTER.test(following)))
    return null;
  // 前10位, 上升3位, 3位数: a rank or a count of digits, not people.
  if (
    (unit === '位' && /(?:前|后|後|升|降|升了|降了)$/.test(text.slice(Math.max(0, pos - 2), pos))) ||
    (unit === '位' && /^[数數]/.test(text.slice(quoteEnd, quoteEnd + 1)))
  )
    return null;
  // A short window, not the clause: the check runs on every count of people.
  if (PEOPLE_UNITS.has(unit) && ATTENDANCE.test(text.slice(Math.max(0, pos - 10), quoteEnd + 6))) return null;
  // 20个500千伏…: a spec right after a counted quantity describes the thing counted; the people of
  // counted households are counted too (`易地扶贫搬迁1646户6680人`).
  if (previousEnd === pos && !PEOPLE_UNITS.has(unit)) return null;
  let after = quoteEnd;
  let postQualifier = matchPostQualifier(text, quoteEnd);
  if (
    postQualifier !== '' &&
    num.approx !== '' &&
    (postQualifier === '多' || postQualifier === '余' || postQualifier === '餘')
  )
    postQualifier = '';
  after += postQualifier.length;
  // 10亿元以上项目, 5000万株以上育苗中心: a threshold naming a class of things, like 60岁以上老年人.
  // A generic classifier counts the things after it (`建成100個以上美麗鄉村精品村`): no class;
  // 户, 人, 岁 measure each thing's size (`20戶以上自然村`).
  if (
    (postQualifier === '以上' || postQualifier === '以下') &&
    THRESHOLD_NOUN.test(text[after] ?? '') &&
    !GENERIC_CLASSIFIERS.has(unit) &&
    !(PEOPLE_UNITS.has(unit) && COUNTED_PEOPLE.test(text.slice(after, after + 14))) &&
    !DATELINE.test(text.slice(after, after + 4))
  )
    return null;
  // 全省首个超百亿元水利工程: a digit-less magnitude before a noun names a class (突破千億元大關 stays).
  if (num.bare && /^(?!大关|大關)[\u4e00-\u9fff]/.test(following) && postQualifier === '') return null;
  const preQualifier = matchPreQualifier(text, pos);
  // A bare 百/萬/千億 is a quantity only when qualified (近百家, 突破千億元: the seed gold and the
  // spec's Chinese numerals); unqualified it names an order of magnitude (LABELLING-r3.md).
  if (num.bare && preQualifier === '') return null;
  // 突破百亿元大关,达109亿元: a milestone passed on the way to the figure the clause then gives.
  if (num.bare && MILESTONE_THEN_FIGURE.test(text.slice(after, after + 8))) return null;
  const before = pos - preQualifier.length;
  const qualifier = postQualifier || preQualifier || num.approx;
  return {
    before,
    after,
    postQualifier,
    quoteStart: pos,
    quoteEnd,
    value,
    valueMax,
    unit,
    qualifier,
  };
}

/**
 * Extracts numeric targets from normalised text (see lib/text/normalize), in document order.
 *
 * Works one sentence at a time. A quantity is a number (Arabic, full-width after normalising,
 * Chinese, 百分之…) with a unit (see units.ts); a bare magnitude counts only with a people noun
 * after it (`157万贫困人口` → 人). Excluded: numbers without a unit (years, dates, document
 * numbers, slogans such as 1571), numbers inside codes (`PM2.5`, `C919`), ordinals (`第十四届`,
 * `五次会议`), anything inside “…” or 《…》, 一 as an article (`一批`), paired set phrases
 * (`千家万户`), voltage classes (`500千伏输变电工程`), and quantities in a numbered title line.
 * Each target carries its qualifier (after > right before > 力争/争取 in the clause > 多/余 in the
 * number), indicator, section path and kind. `分别…和…` binds each value to its own indicator.
 */
export function extractTargets(text: string): Target[] {
  const sectionAt = createSectionLookup(text);
  const kindAt = createKindLookup(text);
  const out: Target[] = [];
  let sentenceStart = 0;
  // Where the next number may start, found once and reused across the sentences without one:
  // searching from each sentence start again would rescan the same stretch of numberless text.
  let nextNumber = findNumberStart(text, 0);
  SENTENCE_END.lastIndex = 0;
  while (sentenceStart < text.length && nextNumber >= 0) {
    const endMatch = SENTENCE_END.exec(text);
    const sentenceEnd = endMatch ? endMatch.index + 1 : text.length;
    if (nextNumber < sentenceEnd) {
      nextNumber = extractSentence(text, sentenceStart, sentenceEnd, nextNumber, sectionAt, kindAt, out);
    }
    sentenceStart = sentenceEnd;
    if (!endMatch) break;
  }
  return out;
}

/** Per UTF-16 code: {@link ASCII_DIGIT}, {@link CN_NUMERAL} or 0. Built on first use. */
let numeralCodes: Uint8Array | undefined;
const ASCII_DIGIT = 1;
const CN_NUMERAL = 2;

/**
 * The table of characters a number may start with. A lookup per character is several times
 * faster than a RegExp over a class of scattered Han characters, which the scan runs on every
 * character of the text.
 */
function getNumeralCodes(): Uint8Array {
  if (numeralCodes) return numeralCodes;
  const codes = new Uint8Array(0x10000);
  for (let code = 0x30; code <= 0x39; code++) codes[code] = ASCII_DIGIT;
  for (const ch of CN_NUMERAL_CHARS) codes[ch.charCodeAt(0)] = CN_NUMERAL;
  numeralCodes = codes;
  return codes;
}

/** Offset of the first character at or after `from` that may start a number (a digit or a Chinese numeral), or -1. */
function findNumberStart(text: string, from: number): number {
  const codes = getNumeralCodes();
  for (let i = from; i < text.length; i++) if (codes[text.charCodeAt(i)] !== 0) return i;
  return -1;
}

/**
 * Extracts the quantities of one sentence `[start, end)`, whose first possible number starts at
 * `first`, into `out`. Returns where the first possible number after the sentence starts, or -1.
 */
function extractSentence(
  text: string,
  start: number,
  end: number,
  first: number,
  sectionAt: ReturnType<typeof createSectionLookup>,
  kindAt: ReturnType<typeof createKindLookup>,
  out: Target[],
): number {
  const codes = getNumeralCodes();
  const found: Found[] = [];
  const insideQuotes = createQuoteTracker(text, start, end);
  let previousEnd = -1;
  let resume = first; // where the scan for the next number goes on
  let pos = first;
  for (; pos >= 0 && pos < end; pos = findNumberStart(text, resume)) {
    resume = pos + 1;
    // Only the first character of a numeral run can start a number.
    if (pos > start) {
      const previous = codes[text.charCodeAt(pos - 1)]!;
      if (previous === ASCII_DIGIT || (previous === CN_NUMERAL && codes[text.charCodeAt(pos)] === CN_NUMERAL))
        continue;
    }
    const num = readNumber(text, pos);
    if (!num) continue;
    const q = readQuantity(text, num, end, previousEnd);
    if (!q) {
      previousEnd = -1;
      resume = Math.max(num.end, pos + 1);
      continue;
    }
    previousEnd = q.quoteEnd;
    resume = q.after;
    const section = sectionAt(pos);
    if (
      section.inHeadingLine ||
      (insideQuotes(pos) && !QUOTED_RATE.test(text.slice(Math.max(start, pos - 6), pos)))
    )
      continue;
    // In a review section only the quantity's own sentence may say otherwise; elsewhere the tense
    // the sentences (and headings) before it set carries on until a cue says otherwise.
    const sentenceFloor = Math.max(start, q.quoteStart - MAX_CLAUSE);
    const goalQualified = GOAL_QUALIFIERS.has(q.qualifier);
    const floor = section.review ? sentenceFloor : 0;
    let kind: TargetKind = readsAsResult(text, q.after, end)
      ? 'achieved'
      : readsAsGoal(text, q.after, end)
        ? 'target'
        : kindAt(floor, sentenceFloor, q.quoteEnd, section.review, goalQualified);
    // A bound alone (左右, 以内) does not turn a list of results into a goal: the figure just before,
    // in the same sentence or one joined by ；, is a result and the tense carried says past
    // (`…增长9.4%、10.2%；城镇登记失业率在2.85%以内；`).
    if (kind === 'target' && goalQualified) {
      const previous = found.length > 0 ? found[found.length - 1]!.target : out[out.length - 1];
      if (
        previous?.kind === 'achieved' &&
        !/[。！？!?\n]/.test(text.slice(previous.end, q.before)) &&
        kindAt(floor, sentenceFloor, q.quoteEnd, section.review, false) === 'achieved'
      )
        kind = 'achieved';
    }
    found.push({
      clauseStart: findClauseStart(text, q.before, start, false),
      before: q.before,
      after: q.after,
      postQualifier: q.postQualifier,
      target: createTarget(text, q, kind, section.path),
    });
  }
  const kept = dropDescriptors(text, found);
  bindIndicators(text, start, end, kept);
  bindClauseQualifiers(text, start, kept);
  bindRespectively(text, start, kept);
  for (const f of kept) out.push(f.target);
  // The last search started inside the sentence, so it found the first number after it too.
  return resume <= end ? pos : findNumberStart(text, end);
}

/**
 * Words right after a figure that only a result takes: work done (`新建幼儿园10所，已全部完工`), a record,
 * a rank, a plan beaten.
 */
const RESULT_AFTER =
  /已(?:经|經)?(?:全部|全面|基本)?(?:完成|完工|建成|投用|投入使用|竣工|落成|开通|開通|通车|通車|交付)|全部完工|全部建成|均已|创历史新高|創歷史新高|创历史最高|創歷史最高|居全[国國省市]|位居|排名全|排全[国國省市]|全[国國省市]第[一二三四五六七八九十\d]|比原计划|比原計劃|超额完成|超額完成|提前完成/;
/** Characters after a figure in which {@link RESULT_AFTER} is looked for. */
const RESULT_SPAN = 12;

/**
 * Whether the words right after a figure (before the next number, within {@link RESULT_SPAN}
 * characters and the sentence) mark it as a result: `粮食产量达到25亿斤以上，创历史新高`.
 */
function readsAsResult(text: string, after: number, end: number): boolean {
  let stop = Math.min(end, after + RESULT_SPAN);
  for (let i = after; i < stop; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x30 && code <= 0x39) stop = i;
  }
  return RESULT_AFTER.test(text.slice(after, stop));
}

/** Words right after a figure that put it in the future: `23 300個單位將於2015-16年度完工`. */
const GOAL_AFTER = /^[^，,；;。！？!?\d]{0,8}?(?:将于|將於|将在|將在|将会|將會|计划于|計劃於|预计于|預計於)/;

/** Whether the words right after a figure, within its clause, mark it as a goal ({@link GOAL_AFTER}). */
function readsAsGoal(text: string, after: number, end: number): boolean {
  return GOAL_AFTER.test(text.slice(after, Math.min(end, after + 16)));
}

/**
 * The target for quantity `q`, indicator still empty. `valueMax` is present only for a range; two
 * literals rather than a conditional spread, which V8 builds property by property on a slow path.
 */
function createTarget(text: string, q: QuantityRead, kind: TargetKind, section: string): Target {
  const quote = text.slice(q.quoteStart, q.quoteEnd);
  const written = text.slice(q.quoteStart, q.after);
  const { quoteStart, quoteEnd, after } = q;
  return q.valueMax === undefined
    ? {
        quote,
        text: written,
        value: q.value,
        unit: q.unit,
        qualifier: q.qualifier,
        indicator: '',
        kind,
        section,
        start: quoteStart,
        end: after,
        quoteStart,
        quoteEnd,
        // Set by describeTargets; present from the start so every target has one shape.
        metric: null,
        year: null,
        direction: null,
        firmness: null,
      }
    : {
        quote,
        text: written,
        value: q.value,
        valueMax: q.valueMax,
        unit: q.unit,
        qualifier: q.qualifier,
        indicator: '',
        kind,
        section,
        start: quoteStart,
        end: after,
        quoteStart,
        quoteEnd,
        // Set by describeTargets; present from the start so every target has one shape.
        metric: null,
        year: null,
        direction: null,
        firmness: null,
      };
}

/** What a count of kinds groups when it names a list's items: `30類民生事項`, `13类民生实事`. */
const GROUPED_ITEMS = /^(?:民生)?(?:事项|事項|实事|實事)/;

/** The end of the words between a count and the level it reaches (`增至`, `增加到`, `至`). */
const LEVEL_REACHED = /(?:至|到)$/;

/**
 * `建设6类市场化应用场景项目3000多万千瓦`: a bare count of kinds or items followed, in the same clause,
 * by another quantity describes the thing that quantity measures; only the measured one is kept.
 */
function dropDescriptors(text: string, found: Found[]): Found[] {
  return found.filter((f, k) => {
    const next = found[k + 1];
    if (f.target.unit === '类' || f.target.unit === '類') {
      // `确定以下八类11个项目`, `成都將實施30類,、533個重大民生項目`, `30類民生事項`: the kinds group a
      // list's items, which are the quantity (LABELLING-r3.md); `承接15类自贸港“首单”业务` counts a result.
      if (next && /^[，,、\s]*$/.test(text.slice(f.after, next.before))) return false;
      if (GROUPED_ITEMS.test(text.slice(f.after, f.after + 4))) return false;
    }
    if (!next || !DESCRIPTOR_UNITS.has(f.target.unit) || f.target.qualifier !== '') return true;
    const between = text.slice(f.after, Math.min(next.before, f.after + MAX_CLAUSE + 1));
    // `由原先的6,300個增至8,700個`, `多5,000個過渡性房屋至2萬個`: the next figure is the level the same
    // thing reaches, not the thing this count describes.
    if (next.target.unit === f.target.unit && LEVEL_REACHED.test(between)) return true;
    return between.length === 0 || between.length > MAX_CLAUSE || /[，,；;。、：:和及与與（(]/.test(between);
  });
}

/** Fills each quantity's indicator: backward in its clause, else forward, else the previous one's. */
function bindIndicators(text: string, start: number, end: number, found: Found[]): void {
  for (let k = 0; k < found.length; k++) {
    const f = found[k]!;
    const prev = found[k - 1];
    let clauseStart = f.clauseStart;
    if (prev && prev.after > clauseStart) {
      // After a quantity in the same clause, a 、 starts the next item: 350项…“免证办”、115项….
      let item = f.before - 1;
      while (item >= prev.after && text[item] !== '、') item--;
      clauseStart = item >= prev.after ? item + 1 : prev.after;
    }
    const next = found[k + 1];
    const forwardEnd = Math.min(findClauseEnd(text, f.after, end), next ? next.before : end);
    let indicator = findIndicator(text, clauseStart, f.before, f.after, forwardEnd);
    if (indicator === '' && prev) indicator = prev.target.indicator;
    else if (indicator === '' && clauseStart > start + 1) {
      // The sentence's first figure with a head of its own that names nothing: the clause before it
      // names the thing (`实施中小学校“示范食堂”建设行动，2024年完成1000家以上`).
      // Up to a number it holds (`空气质量优良天数增加76天，同比上升20.8%`).
      const previousClause = findClauseStart(text, clauseStart - 1, start, false);
      // A year is no figure: `2016年贵州GDP增速继续保持两位数，分别达到10.7%和10.5%`.
      // A list marker (`1.一般公共预算收入：完成123.4亿元`) is no figure either.
      const head = /^(?:\d{1,2}[.．、](?!\d))?(?:\d{4}年|[^\d])*/.exec(
        text.slice(previousClause, clauseStart - 1),
      )!;
      const headEnd = previousClause + head[0].length;
      indicator = findIndicator(text, previousClause, headEnd, headEnd, headEnd);
    }
    // The sentence right after a short numbered title names nothing of its own: the title is the
    // indicator (`（一）地区生产总值。预计全年完成2345亿元`).
    if (indicator === '' && !prev) indicator = readTitleBefore(text, start);
    f.target.indicator = indicator;
  }
}

/** A short numbered title ending right before `sentenceStart` on the same line: `（一）地区生产总值。`. */
const TITLE_BEFORE =
  /(?:^|\n)[^\S\n]*(?:[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、](?!\d))([^。；;，,：:\n\d]{2,16})[。：:]$/;

/** The title of {@link TITLE_BEFORE} before `sentenceStart`, or ''. */
function readTitleBefore(text: string, sentenceStart: number): string {
  const m = TITLE_BEFORE.exec(text.slice(Math.max(0, sentenceStart - 24), sentenceStart));
  return m ? m[1]!.trim() : '';
}

/** A quantity with no qualifier of its own takes 力争/争取 from the head of its clause. */
function bindClauseQualifiers(text: string, start: number, found: Found[]): void {
  for (const f of found) {
    if (f.target.qualifier !== '') continue;
    f.target.qualifier = matchClauseQualifier(text, f.clauseStart, f.before);
  }
}

/** Clause breaks a 分别 list does not cross (a 、 or 和 between its figures does not break it). */
const LIST_BREAK = /[，,；;。！？!?\n]/;
/** Intent and time words before a 分别 list's items, not part of the first item. */
const LIST_LEAD = /^(?:力争|力爭|争取|爭取|确保|確保|全年|今年|预计|預計|其中)+/;
/** A clause head that names nothing of its own: only rate and linking words (`，年均增长9.1%和10.4%`). */
const BARE_LIST_HEAD =
  /^(?:同口径|同口徑|同比|年均|分别|分別|增长|增長|增加|提高|下降|降低|减少|減少|分别为|分別為|为|為|达到|達到|达|達|到|至)*$/;

/**
 * Items of a 分别 head, read as the labels read them: `城镇、农村居民人均可支配收入` share the last
 * item's head noun; `城乡居民…` and `城、乡居民…` are the urban and the rural figure.
 */
function splitListItems(head: string, count: number): string[] {
  // In the page's own script: 城乡 → 城镇 and 农村, 城鄉 → 城鎮 and 農村.
  const both = /^城([乡鄉])(.+)$/.exec(head);
  // 、 always separates items; 和/及/与 only when 、 alone does not give one item per figure
  // (普及率、数控化率: the 及 of 普及 is no list word).
  let items = both ? ['城', both[1]! + both[2]!] : head.split(/、|以及/).filter((item) => item !== '');
  if (!both && (items.length < 2 || count % items.length !== 0))
    items = head.split(/[、和及与與]/).filter((item) => item !== '');
  if (items.length === 2 && items[0] === '城' && /^[乡鄉]/.test(items[1]!)) {
    const rest = items[1]!.slice(1);
    return items[1]![0] === '鄉' ? [`城鎮${rest}`, `農村${rest}`] : [`城镇${rest}`, `农村${rest}`];
  }
  if (items.length < 2) return items;
  const first = items[0]!;
  const last = items[items.length - 1]!;
  // The last item's head noun is shared when the first lacks one (育肥牛、育肥羊出栏数), not when both
  // end alike (普及率、数控化率).
  // A share of a whole (`…零售总额占全省比重`) is shared from 占 on.
  const share = last.search(/[占佔]/);
  const shared =
    share > 0 && !/[占佔]/.test(first)
      ? last.slice(share)
      : last.length > first.length && first.at(-1) !== last.at(-1)
        ? last.slice(first.length)
        : '';
  if (share > 0 && shared !== '')
    return items.map((item, i) => (i < items.length - 1 ? item + shared : item));
  return items.map((item, i) => (i < items.length - 1 ? item + shared : item));
}

/** Whether the figures of `group` follow each other with only a 、 between them. */
function isEnumeration(text: string, group: readonly Found[]): boolean {
  for (let i = 1; i < group.length; i++)
    if (!/^\s*、\s*$/.test(text.slice(group[i - 1]!.after, group[i]!.before))) return false;
  return true;
}

/**
 * `育肥牛、育肥羊出栏数分别达到180万头和4000万只以上`: the quantities after 分别 in one clause take
 * the listed indicators in order (sharing the last item's head noun, 出栏数) and the qualifier
 * written after the last one. A list of figures twice as long takes them in turn
 * (`城乡居民人均可支配收入分别由17979元和4931元增加到27763元和8076元`); a 分别 with no items of its own
 * takes the indicators of the figures just before it (`城镇…39363元，农村…17573元，分别增长8.3%和7.7%`),
 * and a bare list right after a 分别 list takes its items again (`…分别为3.6万元、2.1万元，增长9.4%、10.2%`).
 */
function bindRespectively(text: string, start: number, found: Found[]): void {
  let lastItems: string[] = [];
  for (let k = 0; k < found.length; k++) {
    // The group: this quantity and those after it with no clause break in between.
    const group = [found[k]!];
    while (k + group.length < found.length) {
      const next = found[k + group.length]!;
      if (LIST_BREAK.test(text.slice(group[group.length - 1]!.after, next.before))) break;
      group.push(next);
    }
    let clauseStart = found[k]!.before;
    while (clauseStart > start && !LIST_BREAK.test(text[clauseStart - 1]!)) clauseStart--;
    const head = text.slice(clauseStart, found[k]!.before);
    const at = head.search(/分别|分別/);
    let items: string[] = [];
    if (at >= 0 && /^[占佔]/.test(head.slice(at + 2))) {
      // `分別占全國新增、改造任務的77.6%、87%`: shares of a whole measure the share, not the figures
      // before them; each keeps the share phrase its own head gives.
    } else if (at >= 0) {
      items = splitListItems(head.slice(0, at).replace(LIST_LEAD, ''), group.length);
      if (items.length === 0 || (items.length === 1 && BARE_LIST_HEAD.test(items[0]!))) {
        // No items of its own: the figures just before name them, one each.
        const before = found.slice(Math.max(0, k - group.length), k);
        items = before.length === group.length ? before.map((f) => f.target.indicator) : [];
      }
    } else if (group.length === lastItems.length && BARE_LIST_HEAD.test(head.replace(/\s/g, ''))) {
      items = lastItems;
    } else if (group.length >= 2 && isEnumeration(text, group)) {
      // Without 分别, figures listed with 、 after as many indicators listed with 、 take them in
      // turn: `地区生产总值、固定资产投资、社会消费品零售总额占全省比重达31.8%、34.6%、42.3%`.
      const own = found[k]!.target.indicator;
      if (own.split('、').length === group.length) items = splitListItems(own, group.length);
    }
    if (items.length > 1 && group.length % items.length === 0 && items.every((item) => item !== '')) {
      group.forEach((g, i) => {
        g.target.indicator = items[i % items.length]!;
      });
      lastItems = items;
      const lastQualifier = group[group.length - 1]!.postQualifier;
      if (lastQualifier !== '' && group.length === items.length)
        for (const g of group) g.target.qualifier = lastQualifier;
    }
    k += group.length - 1;
  }
}
