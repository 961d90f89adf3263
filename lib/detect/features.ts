/**
 * The detector's features: a few cheap, readable measures of a page sample, each a number from 0
 * to about 3, that a logistic model (weights in `weights.generated.ts`, fitted on the corpus by
 * `npm run fit:detect`) turns into a verdict. Every measure is a literal search over the folded
 * sample (`includes` / `indexOf`, no pattern compiled), so the gate pays almost nothing for them.
 *
 * Where a cue is looked for:
 * - the LEAD: title, headings and the first {@link LEAD_CHARS} characters of text — where a page
 *   names itself, whether the name sits in `<title>`, an `<h1>` or the first line of a plain-text
 *   page (a browser gives a `.txt` file neither title nor headings);
 * - the TEXT: the folded sample text (the first ~6,000 characters the gate reads).
 *
 * @module
 */
import { foldPieces } from './fold-text';
import { PHRASE_LEAD_CHARS } from './phrasing';
import type { PageSample, PlanKind } from './sample';

/** Characters of the text's start that count as lead (a headline and its first lines). */
export const LEAD_CHARS = 300;
/** Longest sample text read, whatever the caller passes: keeps the gate's cost bounded. */
export const MAX_TEXT = 20_000;

/** The folded views of a sample the features read. */
export interface FoldedSample {
  lead: string;
  /** Title, headings and the text's first PHRASE_LEAD_CHARS characters: the lead the phrasing cue reads. */
  phraseLead: string;
  text: string;
  host: string;
  /** Share of the text in links, when the sampler knows, else 0. */
  linkShare: number;
}

/** Every feature id, in the order of the weight table. */
export const FEATURE_IDS = [
  'lead-work-report',
  'lead-annual-plan',
  'lead-outline',
  'lead-scheme',
  'lead-livelihood',
  'lead-policy-address',
  'text-work-report',
  'text-annual-plan',
  'text-outline',
  'text-scheme',
  'text-livelihood',
  'text-policy-address',
  'targets-heading',
  'target-wording',
  'growth-wording',
  'future-wording',
  'percent-figures',
  'speech-to-congress',
  'numeric-targets',
  'goal-words',
  'achieved-wording',
  'resolution-wording',
  'gov-host',
  'lead-statistics',
  'text-statistics',
  'lead-procedure',
  'procedure-wording',
  'word-count-commentary',
  'lead-commentary',
  'lead-numeric-targets',
  'named-with-targets',
  'named-speech',
  'lead-named-as-object',
  'named-as-object',
  'company-wording',
  'admissions-wording',
  'sports-wording',
  'budget-wording',
  'encyclopedia-wording',
  'rules-wording',
  'opinion-wording',
] as const;

/** One feature's id. */
export type FeatureId = (typeof FEATURE_IDS)[number];

/**
 * Cues against a plan page (their weights are fitted ≤ 0; every other cue's ≥ 0), so that a reason
 * the popup gives always points the way its words say.
 */
export const NEGATIVE_FEATURES: ReadonlySet<FeatureId> = new Set<FeatureId>([
  'lead-statistics',
  'text-statistics',
  'lead-procedure',
  'procedure-wording',
  'word-count-commentary',
  'lead-commentary',
  'company-wording',
  'admissions-wording',
  'sports-wording',
  'budget-wording',
  'encyclopedia-wording',
  'rules-wording',
  'achieved-wording',
  'resolution-wording',
  'lead-named-as-object',
  'named-as-object',
  'opinion-wording',
]);

/** The kind a type cue speaks for (the others speak for no kind). */
export const FEATURE_KIND: Partial<Record<FeatureId, PlanKind>> = {
  'lead-work-report': 'report',
  'lead-policy-address': 'report',
  'lead-annual-plan': 'plan',
  'lead-outline': 'plan',
  'lead-livelihood': 'plan',
  'lead-scheme': 'policy',
  'text-work-report': 'report',
  'text-policy-address': 'report',
  'text-annual-plan': 'plan',
  'text-outline': 'plan',
  'text-livelihood': 'plan',
  'text-scheme': 'policy',
  'speech-to-congress': 'report',
  'named-speech': 'report',
};

const WORK_REPORT = ['政府工作报告'];
const ANNUAL_PLAN = ['国民经济和社会发展计划', '社会发展计划', '计划执行情况', '年度计划', '计划草案'];
const OUTLINE = ['规划纲要', '五年规划', '五规划', '五”规划', '五"规划', '远景目标纲要'];
const SCHEME = ['行动方案', '实施方案', '工作方案', '行动计划', '攻坚行动', '三年行动'];
const LIVELIHOOD = [
  '民生实事',
  '办实事',
  '件实事',
  '惠民实事',
  '实事项目',
  '民生项目',
  '十件实事',
  '民生工程',
];
const POLICY_ADDRESS = ['施政报告', '施政方针', '施政目标', '施政计划', '施政纲领', '施政总报告'];
const TARGETS_HEADING = [
  '主要预期目标',
  '预期目标',
  '主要目标',
  '发展目标',
  '主要指标',
  '预期性指标',
  '约束性指标',
];
const TARGET_WORDING = [
  '左右',
  '以上',
  '以内',
  '不低于',
  '不少于',
  '不超过',
  '控制在',
  '力争',
  '确保',
  '达到',
];
const GROWTH_WORDING = ['增长', '提高', '降低', '下降'];
const FUTURE_WORDING = ['今年', '全年', '明年', '到20', '年底前', '将'];
const GOAL_WORDS = ['目标', '预期', '力争', '确保', '计划', '到2025年', '到2030年', '到2035年'];
const ACHIEVED_WORDING = [
  '同比',
  '初步核算',
  '比上年',
  '上半年',
  '一季度',
  '比去年',
  '累计',
  '前三季度',
  '环比',
];
const RESOLUTION_WORDING = ['决议', '批准', '通过了', '闭幕会'];
/**
 * Reported opinion: who says what about a target (`专家表示`, `委员认为`, `充满信心`). Commentary that
 * quotes one target and argues for it is written so; a plan or a summary of its targets is not.
 */
const OPINION = ['表示', '认为', '专家', '学者', '信心', '底气', '解读'];
/** Qualifiers that make a number a target when they follow it closely (`5%左右`, `1.2万人以上`). */
const NUMBER_QUALIFIERS = ['左右', '以上', '以内', '上下'];
/** Words that make a number a target when they come just before it (`不低于5%`, `达到100万`). */
const NUMBER_LEADS = [
  '不低于',
  '不少于',
  '不超过',
  '控制在',
  '力争',
  '达到',
  '提高到',
  '降低到',
  '突破',
  '目标为',
  '目标是',
];
/**
 * Words just before a plan's name that make it the object of someone else's act: the page reviews,
 * reads or comments on the document rather than being it (`审议了政府工作报告`, `读懂今年的政府工作报告`).
 */
const OBJECT_LEADS = [
  '审议',
  '审查',
  '听取',
  '讨论',
  '解读',
  '读懂',
  '点评',
  '热议',
  '聚焦',
  '学习',
  '从',
  '起草',
];
/** Words just after a plan's name that do the same (`关于政府工作报告的决议`, `从政府工作报告看`). */
const OBJECT_TAILS = [
  '的决议',
  '看',
  '解读',
  '热词',
  '关键词',
  '征求意见',
  '起草',
  '亮点',
  '看点',
  '说了',
  '透露',
];
/** Characters before a name searched for an {@link OBJECT_LEADS} word (`审议了今年的政府工作报告`). */
const OBJECT_LEAD_SPAN = 6;
/** A speech to a congress or, in Hong Kong and Macau, to the legislature (`主席、各位議員`). */
const SPEECH = ['各位代表', '向大会报告', '请予审议', '报告工作', '各位议员'];
const STATISTICS = ['统计公报'];
/** The names {@link countNamedAsObject} looks at: a page's own kind of document. */
const OBJECT_NAMES = [...WORK_REPORT, ...POLICY_ADDRESS, '规划纲要', '计划草案', '计划执行情况', '五年规划'];
const PROCEDURE = [
  '审议',
  '审查',
  '听取',
  '分组',
  '开幕',
  '闭幕',
  '表决',
  '列席',
  '主席团',
  '代表委员',
  '议程',
];
const WORD_COUNT = ['字数', '词频', '高频', '热词', '关键词', '个字', '提到', '提及', '舆情'];
const COMMENTARY = [
  '快评',
  '评论',
  '解读',
  '读懂',
  '看点',
  '专家',
  '为什么',
  '怎么看',
  '如何看',
  '前瞻',
  '即将发表',
  '将发表',
  '热议',
  '为何',
  '意味着',
  '背后',
  '深意',
  '维度',
  '图解',
];
const COMPANY = ['公司', '集团', '股份', '营收', '营业收入', '净利润', '股东', '财报'];
const ADMISSIONS = ['招生', '录取', '分数线', '考生'];
const SPORTS = [
  '比赛',
  '冠军',
  '联赛',
  '球队',
  '决赛',
  '奥运',
  '夺金',
  '赛季',
  '战报',
  '常规赛',
  '篮板',
  '进球',
];
const BUDGET = ['预算'];
const ENCYCLOPEDIA = ['百科', '词条', '是指', '意思', '释义'];
/**
 * Articles of a law or regulation (`第一条 为了…`, `本条例所称发展规划`): rules about how plans are
 * made are not plans, however often they name them.
 */
const RULES = ['第一条', '第二条', '第三条', '本条例', '本办法', '本规定', '本法', '施行'];

/** How many times any of `words` occurs in `text` (each word counted apart, overlaps allowed). */
export function countWords(text: string, words: readonly string[]): number {
  // Index loops, no iterators or callbacks, here and in the helpers below: the gate runs them once
  // per page before the JIT has compiled anything, where each iterator step or callback is a call.
  let count = 0;
  for (let k = 0; k < words.length; k++) {
    const word = words[k]!;
    for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + word.length)) count++;
  }
  return count;
}

/** Whether any of `words` occurs in `text`. */
function hasAny(text: string, words: readonly string[]): boolean {
  for (let k = 0; k < words.length; k++) if (text.includes(words[k]!)) return true;
  return false;
}

/** Whether a code unit is an ASCII or full-width digit. */
function isDigit(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19);
}

/**
 * How many numbers read as targets: a qualifier after a number (a digit within the 4 characters
 * before it: `5%左右`, `1.2万人以上`) or a target verb before one (a digit within 3 after it).
 */
export function countNumericTargets(text: string): number {
  let count = 0;
  for (let w = 0; w < NUMBER_QUALIFIERS.length; w++) {
    const word = NUMBER_QUALIFIERS[w]!;
    for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + word.length)) {
      for (let k = Math.max(0, at - 4); k < at; k++) {
        if (isDigit(text.charCodeAt(k))) {
          count++;
          break;
        }
      }
    }
  }
  for (let w = 0; w < NUMBER_LEADS.length; w++) {
    const word = NUMBER_LEADS[w]!;
    for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + word.length)) {
      const end = at + word.length;
      for (let k = end; k < Math.min(text.length, end + 3); k++) {
        if (isDigit(text.charCodeAt(k))) {
          count++;
          break;
        }
      }
    }
  }
  return count;
}

/**
 * How many times a plan's name (政府工作报告, 施政报告, 规划纲要, 计划草案, …) is the object of another
 * act: an {@link OBJECT_LEADS} word within {@link OBJECT_LEAD_SPAN} characters before it, or an
 * {@link OBJECT_TAILS} word right after it.
 */
export function countNamedAsObject(text: string): number {
  let count = 0;
  for (let n = 0; n < OBJECT_NAMES.length; n++) {
    const name = OBJECT_NAMES[n]!;
    for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + name.length)) {
      const before = text.slice(Math.max(0, at - OBJECT_LEAD_SPAN), at);
      const after = text.slice(at + name.length, at + name.length + 4);
      if (hasAny(before, OBJECT_LEADS) || startsWithAny(after, OBJECT_TAILS)) count++;
    }
  }
  return count;
}

/** Whether `text` starts with any of `words`. */
function startsWithAny(text: string, words: readonly string[]): boolean {
  for (let k = 0; k < words.length; k++) if (text.startsWith(words[k]!)) return true;
  return false;
}

/** `log2(1 + count)`, capped: a count's weight grows slowly and never dominates. */
function logCount(count: number, cap = 4): number {
  return Math.min(cap, Math.log2(1 + count));
}

/** Per 1,000 folded characters, as a 0–3 measure (short pages are not penalised for length). */
function density(count: number, length: number): number {
  return Math.min(3, (count * 1000) / Math.max(length, 500) / 5);
}

/** Host name of `url`, parsed only when it may be a government host (parsing costs ~0.1 ms cold). */
function readHost(url: string): string {
  // Parsing only lower-cases ASCII, so an ASCII URL without `%` (percent-decoding) that lacks `gov`
  // in any case cannot have a government host name.
  if (isPlainAscii(url) && !url.toLowerCase().includes('gov.')) return '';
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** Printable ASCII without `%`: what URL parsing can map to a gov host only by lower-casing. */
function isPlainAscii(text: string): boolean {
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    if (code < 0x21 || code > 0x7e || code === 0x25) return false;
  }
  return true;
}

/** Government hosts of the mainland, Hong Kong, Macau and Taiwan (`gov.cn`, `www.gov.hk`, …). */
function isGovernmentHost(host: string): boolean {
  return ['gov.cn', 'gov.hk', 'gov.mo', 'gov.tw'].some((name) => host === name || host.endsWith(`.${name}`));
}

/**
 * Folds `sample` once into the views the features read. Edge cases: text beyond
 * {@link MAX_TEXT} is ignored; `linkText` is counted only on samples of 300+ characters.
 */
export function foldSample(sample: PageSample): FoldedSample {
  const rawText = sample.text.slice(0, MAX_TEXT);
  const [title, headings, text] = foldPieces([sample.title, sample.headings.join('\n'), rawText]);
  const linkShare =
    sample.linkText !== undefined && rawText.length >= 300 ? sample.linkText / rawText.length : 0;
  return {
    lead: `${title}\n${headings}\n${text!.slice(0, LEAD_CHARS)}`,
    phraseLead: `${title}\n${headings}\n${text!.slice(0, PHRASE_LEAD_CHARS)}`,
    text: text!,
    host: readHost(sample.url),
    linkShare,
  };
}

/**
 * The feature values of a folded sample, in {@link FEATURE_IDS} order. Pure; every value is
 * between 0 and 4.
 */
export function readFeatures(folded: FoldedSample): Record<FeatureId, number> {
  const { lead, text } = folded;
  const length = text.length;
  const speech = countWords(text, SPEECH);
  const numericTargets = countNumericTargets(text);
  const named = [WORK_REPORT, ANNUAL_PLAN, OUTLINE, SCHEME, LIVELIHOOD, POLICY_ADDRESS].some((words) =>
    hasAny(lead, words),
  );
  return {
    'lead-work-report': +hasAny(lead, WORK_REPORT),
    'lead-annual-plan': +hasAny(lead, ANNUAL_PLAN),
    'lead-outline': +hasAny(lead, OUTLINE),
    'lead-scheme': +hasAny(lead, SCHEME),
    'lead-livelihood': +hasAny(lead, LIVELIHOOD),
    'lead-policy-address': +hasAny(lead, POLICY_ADDRESS),
    'text-work-report': logCount(countWords(text, WORK_REPORT), 2),
    'text-annual-plan': logCount(countWords(text, ANNUAL_PLAN), 2),
    'text-outline': logCount(countWords(text, OUTLINE), 2),
    'text-scheme': logCount(countWords(text, SCHEME), 2),
    'text-livelihood': logCount(countWords(text, LIVELIHOOD), 2),
    'text-policy-address': logCount(countWords(text, POLICY_ADDRESS), 2),
    'targets-heading': logCount(countWords(text, TARGETS_HEADING), 2),
    'target-wording': density(countWords(text, TARGET_WORDING), length),
    'growth-wording': density(countWords(text, GROWTH_WORDING), length),
    'future-wording': density(countWords(text, FUTURE_WORDING), length),
    'percent-figures': density(countWords(text, ['%', '％']), length),
    'speech-to-congress': logCount(speech, 2),
    'numeric-targets': logCount(numericTargets),
    'named-with-targets': named ? logCount(numericTargets, 2) : 0,
    // The page names a plan and its lead is the speech that delivers it (各位代表…向大会报告): the
    // address itself, where commentary and congress news name the report but quote no salutation.
    'named-speech': +(named && hasAny(lead, SPEECH)),
    'goal-words': density(countWords(text, GOAL_WORDS), length),
    'achieved-wording': density(countWords(text, ACHIEVED_WORDING), length),
    'resolution-wording': logCount(countWords(text, RESOLUTION_WORDING), 2),
    'gov-host': +isGovernmentHost(folded.host),
    'lead-statistics': +hasAny(lead, STATISTICS),
    'text-statistics': logCount(countWords(text, STATISTICS), 2),
    'lead-procedure': +hasAny(lead, PROCEDURE),
    'procedure-wording': density(countWords(text, PROCEDURE), length),
    'word-count-commentary': density(countWords(text, WORD_COUNT), length),
    'lead-commentary': +hasAny(folded.lead, COMMENTARY),
    'lead-numeric-targets': logCount(countNumericTargets(folded.lead), 2),
    'lead-named-as-object': +(countNamedAsObject(lead) > 0),
    'named-as-object': logCount(countNamedAsObject(text), 2),
    'company-wording': density(countWords(text, COMPANY), length),
    'admissions-wording': density(countWords(text, ADMISSIONS), length),
    'sports-wording': density(countWords(text, SPORTS), length),
    'budget-wording': density(countWords(text, BUDGET), length),
    'encyclopedia-wording': +hasAny(lead, ENCYCLOPEDIA),
    'rules-wording': logCount(countWords(text, RULES), 2),
    // Commentary that quotes a target reports who said what about it; a plan and a summary of
    // its targets do not (dev cross-validation: AUC 0.948 → 0.957, errors 43 → 35).
    'opinion-wording': density(countWords(text, OPINION), length),
  };
}
