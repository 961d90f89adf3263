/**
 * Is this a plan page? A pure, cheap check over a bounded sample of the page.
 *
 * Scoring: each signal below adds (or subtracts) a weight; a page matches when the total reaches
 * {@link MATCH_THRESHOLD} AND the signals of one kind (plan, report or policy) sum to at least
 * {@link MIN_KIND_SCORE}, so generic signals (a gov.cn host, a document number, 左右/以上 wording)
 * can support but never make a match on their own, nor can a lone mention of 政府工作报告. The kind is the one whose signals weigh most (ties: plan, report, policy).
 *
 * | signal                                                         | kind   | weight |
 * | -------------------------------------------------------------- | ------ | -----: |
 * | title/heading names 国民经济和社会发展计划/规划, 计划执行情况     | plan   |      6 |
 * | text names it (only when the title does not)                   | plan   |      3 |
 * | 下达…计划的通知                                                  | plan   |      2 |
 * | heading 主要预期目标 (text: 2)                                    | plan   |      3 |
 * | title/heading 政府工作报告                                        | report |      6 |
 * | a line that is only the title 政府工作报告                         | report |      4 |
 * | ——…在…人民代表大会…会议上 (delivery line)                        | report |      3 |
 * | 各位代表： / 向大会报告工作                                       | report |   2 + 2 |
 * | text mentions 政府工作报告                                        | report |      1 |
 * | title 关于…的通知/意见/决定, 实施方案… (unless plan/report title) | policy |      3 |
 * | 发文字号 (内政发〔2026〕5号)                                       | —      |      2 |
 * | gov.cn host                                                    | —      |      1 |
 * | target wording: numbers followed by 左右/以上/以内 (≥2: 1, ≥5: 2) | —      |   1–2 |
 * | title/heading 统计公报/统计月报 or 招生计划/招生简章/招聘计划       | —      |    −10 |
 * | mostly links: over half of a 300+ character sample is link text  | —      |     −6 |
 *
 * @module
 */
import { foldForDetection, foldPieces } from './fold-text';

/** What the detector reads: never the whole DOM. */
export interface PageSample {
  url: string;
  title: string;
  /** Text of h1–h3 (and title-like elements), in order. */
  headings: string[];
  /** The first part of the visible text (bounded by the caller, e.g. 6,000 characters). */
  text: string;
  /**
   * How many characters of `text` sit inside links, when the sampler knows. Lets the detector
   * discount index and list pages whose link titles name a plan.
   */
  linkText?: number;
}

/** The page kinds PlanLens recognises. */
export type PlanKind = 'plan' | 'report' | 'policy';

/** The verdict, with human-readable reasons. */
export interface Detection {
  match: boolean;
  kind: PlanKind | null;
  score: number;
  signals: string[];
}

/** The total a page needs to be a plan page (see the module table). */
export const MATCH_THRESHOLD = 5;
/** What the signals of the winning kind must sum to, whatever the total. */
export const MIN_KIND_SCORE = 3;

/** Longest sample text read, whatever the caller passes: keeps the gate's cost bounded. */
const MAX_TEXT = 20_000;
/** Lines of the text checked for title-only lines (the document's own title comes early). */
const MAX_TITLE_LINES = 60;

const PLAN_DOCUMENT =
  /国民经济和社会发展(?:第[一二三四五六七八九十]+个五年)?(?:年度)?(?:计划|规划)|计划执行情况|五年规划纲要/;
const PLAN_NOTICE = /下达.{0,40}?计划的通知/;
const REPORT_DELIVERY_LINE = /^——.{0,40}?在.{0,40}?人民代表大会.{0,30}?会议上/;
const REPORT_ADDRESS = /各位代表[：:，,]/;
const REPORT_TO_CONGRESS = /向大会报告.{0,4}?工作/;
const POLICY_TITLE =
  /关于.{1,60}?的(?:通知|意见|决定|批复)|实施方案|行动方案|若干措施|管理办法|实施意见|实施细则/;
const DOCUMENT_NUMBER = /[\u4e00-\u9fff]{2,6}[〔［【[(（]\s*(?:19|20)\d\d\s*[〕］】\])）]\s*\d{1,4}\s*号/;
const TARGET_WORDING = /\d[\d.]*\s*(?:%|[万亿千百]?[\u4e00-\u9fff]{0,4}?)(?:左右|以上|以内)/g;
/** Share of the sample in links above which the page is an index or list, not a document. */
const MAX_LINK_SHARE = 0.5;
const MIN_TEXT_FOR_LINK_SHARE = 300;

/** Accumulates weighted signals per kind. */
class Tally {
  readonly signals: string[] = [];
  readonly byKind: Record<PlanKind, number> = { plan: 0, report: 0, policy: 0 };
  generic = 0;

  add(kind: PlanKind | null, weight: number, signal: string): void {
    if (kind) this.byKind[kind] += weight;
    else this.generic += weight;
    this.signals.push(weight < 0 ? `${signal} (${weight})` : signal);
  }
}

function readHost(url: string): string {
  // Parsing a URL costs ~0.1 ms cold. Parsing only lower-cases ASCII, so an ASCII URL without `%`
  // (percent-decoding) that lacks gov.cn in any case cannot have a gov.cn host name.
  if (isPlainAscii(url) && !url.toLowerCase().includes('gov.cn')) return '';
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** Printable ASCII without `%`: what URL parsing can map to gov.cn only by lower-casing. */
function isPlainAscii(text: string): boolean {
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    if (code < 0x21 || code > 0x7e || code === 0x25) return false;
  }
  return true;
}

/** Any Han character (CJK unified ideographs and extension A). */
const HAN = /[\u3400-\u9fff]/;

/** The first match of `pattern` in `text`, shortened for a signal message. */
function findQuote(pattern: RegExp, text: string): string | null {
  const match = pattern.exec(text);
  return match ? match[0].slice(0, 30) : null;
}

/*
 * Why the literal checks below: the gate runs on every page, and there the cost of a pattern is
 * compiling it on first use (0.03–0.1 ms each), not running it. Each pattern is asked only when
 * a literal it cannot match without occurs (`includes` compiles nothing), so a page pays only for
 * the patterns that may fire: identical results, most patterns never compiled.
 */

/** Whether any of `words` occurs in `text`. */
function includesAny(text: string, words: readonly string[]): boolean {
  return words.some((word) => text.includes(word));
}

/** What `/a|b|c/.exec(text)` finds for literal alternatives: the leftmost, ties to the first listed. */
function findLiteral(text: string, words: readonly string[]): string | null {
  let found: string | null = null;
  let at = Infinity;
  for (const word of words) {
    const index = text.indexOf(word);
    if (index !== -1 && index < at) {
      found = word;
      at = index;
    }
  }
  return found;
}

/** {@link findQuote}, run only when one of `words` (which every match contains) occurs. */
function findGated(pattern: RegExp, words: readonly string[], text: string): string | null {
  return includesAny(text, words) ? findQuote(pattern, text) : null;
}

/** What a match of PLAN_DOCUMENT contains. */
const PLAN_DOCUMENT_WORDS = ['国民经济和社会发展', '计划执行情况', '五年规划纲要'];
const PLAN_NOTICE_WORDS = ['计划的通知'];
const TARGETS_HEADING_WORDS = ['主要预期目标', '主要目标和任务', '预期性指标'];
const WORK_REPORT_WORDS = '政府工作报告';
const POLICY_TITLE_WORDS = ['关于', '实施方案', '行动方案', '若干措施', '管理办法', '实施意见', '实施细则'];
const TARGET_WORDING_WORDS = ['左右', '以上', '以内'];
const STATISTICS_TITLE_WORDS = ['统计公报', '统计月报', '统计快报'];
const ADMISSIONS_TITLE_WORDS = ['招生计划', '招生简章', '招生章程', '招聘计划', '招录计划', '录取分数'];
/** Characters every document number holds (its closing bracket, then 号). */
const DOCUMENT_NUMBER_CLOSERS = ['〕', '］', '】', ']', ')', '）'];

/** Whether a folded line could be a document number's (with 号 and a closing bracket). */
function mayHoldDocumentNumber(text: string): boolean {
  return text.includes('号') && includesAny(text, DOCUMENT_NUMBER_CLOSERS);
}

/**
 * `text.split(/[\n\t]/)` without a pattern. Table cells count as lines:
 * `发文字号\t内政发〔2026〕5号` must not fold into one word.
 */
function splitLines(text: string): string[] {
  return text.replaceAll('\t', '\n').split('\n');
}
/** Characters of the text read as lines (the document's own title and number come early). */
const MAX_LINE_CHARS = 4000;

/**
 * The folded, non-empty lines (and table cells) of the text's first {@link MAX_LINE_CHARS}
 * characters, at most {@link MAX_TITLE_LINES}: the lines `segments` already folded as
 * `foldedSegments`, only the one the limit cuts folded again.
 */
function readLines(segments: readonly string[], foldedSegments: readonly string[]): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let k = 0; k < segments.length && start <= MAX_LINE_CHARS && lines.length < MAX_TITLE_LINES; k++) {
    const segment = segments[k]!;
    const kept = MAX_LINE_CHARS - start;
    const line = segment.length <= kept ? foldedSegments[k]! : foldForDetection(segment.slice(0, kept));
    if (line) lines.push(line);
    start += segment.length + 1;
  }
  return lines;
}

/**
 * The first line's document number, in one run of the pattern over the candidate lines joined by
 * a character no part of it matches (a pattern's later runs cost a native compile).
 */
function findDocumentNumberInLines(lines: readonly string[]): string | null {
  const candidates = lines.filter(mayHoldDocumentNumber);
  if (candidates.length === 0) return null;
  if (candidates.some((line) => line.includes(LINE_JOIN))) {
    return candidates.map((line) => findQuote(DOCUMENT_NUMBER, line)).find(Boolean) ?? null;
  }
  return findQuote(DOCUMENT_NUMBER, candidates.join(LINE_JOIN));
}
const LINE_JOIN = '\u0000';

/** REPORT_TITLE_LINE without a pattern: the line ends with 政府工作报告 after ≤ 16 non-punctuation characters. */
function isReportTitleLine(line: string): boolean {
  if (!line.endsWith(WORK_REPORT_WORDS)) return false;
  const before = line.slice(0, line.length - WORK_REPORT_WORDS.length);
  return before.length <= 16 && !includesAny(before, TITLE_LINE_PUNCTUATION);
}
const TITLE_LINE_PUNCTUATION = ['，', '。', ',', '；', '：', ':'];

/** REPORT_DELIVERY_LINE, asked only of lines that start with —— and name 人民代表大会. */
function isDeliveryLine(line: string): boolean {
  return line.startsWith('——') && line.includes('人民代表大会') && REPORT_DELIVERY_LINE.test(line);
}

/**
 * Decides whether `sample` is a plan page (国民经济和社会发展计划 / 政府工作报告 / policy notice).
 *
 * Works on simplified, traditional and pinyin-laced text (`政府工作報(bào)告`) and on PDF text with
 * spaces and line breaks inside words. Rejects number-heavy pages without plan wording (scores,
 * rankings, company results), statistics bulletins (统计公报), admissions plans (招生计划), news
 * that only mentions a report once, and index pages whose links name plans (when the sample
 * carries `linkText`). Reads at most 20,000 characters of `text`. Pure and cheap:
 * literal checks over the folded sample, and a pattern only where its literal part occurs.
 */
export function detectPlanPage(sample: PageSample): Detection {
  // Most pages a browser opens have no Chinese at all; one scan that stops at the first Han
  // character lets the gate return at once there instead of folding and matching the sample.
  if (!HAN.test(sample.title) && !HAN.test(sample.text.slice(0, MAX_TEXT))) {
    return { match: false, kind: null, score: 0, signals: ['no Chinese text'] };
  }
  const rawText = sample.text.slice(0, MAX_TEXT);
  // One fold for title, headings and every line of the text (see foldPieces).
  const segments = splitLines(rawText);
  const folded = foldPieces([sample.title, ...sample.headings, ...segments]);
  const title = folded[0]!;
  const headings = folded.slice(1, 1 + sample.headings.length).join('\n');
  const foldedSegments = folded.slice(1 + sample.headings.length);
  const text = foldedSegments.join('');
  const lines = readLines(segments, foldedSegments);
  const heads = `${title}\n${headings}`;
  const tally = new Tally();

  // Plan: the annual 国民经济和社会发展计划 (and five-year 规划).
  const planTitle = findGated(PLAN_DOCUMENT, PLAN_DOCUMENT_WORDS, heads);
  const planText = planTitle ? null : findGated(PLAN_DOCUMENT, PLAN_DOCUMENT_WORDS, text);
  if (planTitle) tally.add('plan', 6, `title matches ${planTitle}`);
  else if (planText) tally.add('plan', 3, `text mentions ${planText}`);
  const notice =
    findGated(PLAN_NOTICE, PLAN_NOTICE_WORDS, heads) ?? findGated(PLAN_NOTICE, PLAN_NOTICE_WORDS, text);
  if (notice) tally.add('plan', 2, `notice ${notice}`);
  const targetsHeading = findLiteral(headings, TARGETS_HEADING_WORDS);
  const targetsText = targetsHeading ? null : findLiteral(text, TARGETS_HEADING_WORDS);
  if (targetsHeading) tally.add('plan', 3, `heading ${targetsHeading}`);
  else if (targetsText) tally.add('plan', 2, `text ${targetsText}`);

  // Report: 政府工作报告, as a title, a title line of a reprint, or the speech's own wording.
  const reportTitle = heads.includes(WORK_REPORT_WORDS);
  const reportText = text.includes(WORK_REPORT_WORDS);
  if (reportTitle) tally.add('report', 6, 'title matches 政府工作报告');
  else if (reportText && lines.some(isReportTitleLine)) tally.add('report', 4, 'title line 政府工作报告');
  else if (reportText) tally.add('report', 1, 'text mentions 政府工作报告');
  if (text.includes('人民代表大会') && lines.some(isDeliveryLine))
    tally.add('report', 3, 'delivered at 人民代表大会');
  if (findGated(REPORT_ADDRESS, ['各位代表'], text)) tally.add('report', 2, 'address 各位代表');
  if (findGated(REPORT_TO_CONGRESS, ['向大会报告'], text)) tally.add('report', 2, '向大会报告工作');

  // Policy notices and documents (通知, 意见, 实施方案…).
  // Plan notices are 关于下达…的通知 too; count them as policy only when nothing more specific fired.
  const policy = planTitle || reportTitle ? null : findGated(POLICY_TITLE, POLICY_TITLE_WORDS, heads);
  if (policy) tally.add('policy', 3, `policy title ${policy}`);

  // Generic support.
  // Per line: with whitespace folded away, the previous line's characters would join the issuer.
  const documentNumber =
    (mayHoldDocumentNumber(heads) ? findQuote(DOCUMENT_NUMBER, heads) : null) ??
    findDocumentNumberInLines(lines);
  if (documentNumber) tally.add(null, 2, `发文字号 ${documentNumber}`);
  const host = readHost(sample.url);
  if (host === 'gov.cn' || host.endsWith('.gov.cn')) tally.add(null, 1, 'gov.cn host');
  const wording = includesAny(text, TARGET_WORDING_WORDS) ? (text.match(TARGET_WORDING)?.length ?? 0) : 0;
  if (wording >= 2) tally.add(null, wording >= 5 ? 2 : 1, `target wording ×${wording} (左右/以上/以内)`);

  // Look-alikes that are not plans.
  const statistics = findLiteral(heads, STATISTICS_TITLE_WORDS);
  if (statistics) tally.add(null, -10, `statistics bulletin ${statistics}`);
  const admissions = findLiteral(heads, ADMISSIONS_TITLE_WORDS);
  if (admissions) tally.add(null, -10, `admissions ${admissions}`);
  if (sample.linkText !== undefined && rawText.length >= MIN_TEXT_FOR_LINK_SHARE) {
    const share = sample.linkText / rawText.length;
    if (share > MAX_LINK_SHARE) tally.add(null, -6, `mostly links (${Math.round(share * 100)}% of the text)`);
  }

  return decideKind(tally);
}

/** The verdict from the tally: kind by weight (ties: plan, report, policy), match by both thresholds. */
function decideKind(tally: Tally): Detection {
  const { plan, report, policy } = tally.byKind;
  const score = plan + report + policy + tally.generic;
  let kind: PlanKind = 'plan';
  if (report > plan) kind = 'report';
  if (policy > Math.max(plan, report)) kind = 'policy';
  const specific = Math.max(plan, report, policy);
  const match = score >= MATCH_THRESHOLD && specific >= MIN_KIND_SCORE;
  return { match, kind: match ? kind : null, score, signals: tally.signals };
}
