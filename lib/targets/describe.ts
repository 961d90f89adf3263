/**
 * What a ledger needs to know about each target beyond the quantity: its canonical metric, whether
 * the figure is a rise or a fall, how firm the commitment is, and the year its own sentence names.
 * Computed from the source text around each target, after extraction.
 *
 * @module
 */
import { foldCue } from './fold-cue';
import { matchMetric } from './metric';
import type { Direction, Firmness, Target } from './target';

/** Characters read back from a quantity for its sentence: bounded, so cost stays per target. */
const MAX_SENTENCE = 160;

/** Ends of a sentence (the firmness and year cues reach back to one). */
const SENTENCE_END = /[。；;！？!?\n]/;
/** Ends of a clause (the direction verb is looked for inside the quantity's clause). */
const CLAUSE_END = /[。；;！？!?\n，,：:、]/;

/**
 * Rise and fall verbs. A verb followed by 到/至 (提高到60%) gives a level, not a change; 增加值 is a
 * noun. The last verb before the quantity wins: `分别增长6%和7%` reads 增长 for both.
 */
const DIRECTION_VERB =
  /(增长|增加(?!值)|提高|提升|上涨|上升|扩大|下降|降低|减少|下调|回落|压减|削减)(到|至)?/g;
const DOWN_VERBS = new Set(['下降', '降低', '减少', '下调', '回落', '压减', '削减']);

/** Commitment words before the quantity: the last one in the sentence wins. */
const FIRMNESS_WORD = /确保|必须|务必|力争|争取|努力/g;
const HARD_WORDS = new Set(['确保', '必须', '务必']);
/** Floors written with the quantity (超过 is 以上 wording): hard when no commitment word says otherwise. */
const HARD_QUALIFIER = /以上|不低于|不少于|至少|超过/;
const SOFT_QUALIFIER = /左右/;

/**
 * A year the sentence names for its figures: `到2027年`, `2025年`, `2026年经济社会发展的主要预期目标`;
 * not a comparison base (`比2020年`, `较2015年`, `从2021年`), a start (`2021年以来`, `2023年起`) or a
 * date (`2023年1月12日`).
 */
const NAMED_YEAR = /(比|较|从|由|自)?((?:19|20)\d{2})年(以来|起|开始|来|\d{1,2}月\d{1,2}日)?/g;

/** Offset where the sentence (or clause) holding `at` starts in `source`, reading back at most `limit`. */
function findStart(source: string, at: number, limit: number, end: RegExp): number {
  const from = Math.max(0, at - limit);
  for (let i = at - 1; i >= from; i--) if (end.test(source[i]!)) return i + 1;
  return from;
}

/**
 * `up` or `down` from the last rise/fall verb in the quantity's clause before it; `null` when there
 * is none (a level: 城镇调查失业率5.5%左右, 居民消费价格涨幅3%左右) or the verb reaches a level
 * (提高到60%, 从1.5万亿元增长到2.3万亿元).
 */
export function readDirection(clauseBefore: string): Direction | null {
  let verb: RegExpExecArray | null = null;
  DIRECTION_VERB.lastIndex = 0;
  for (let m = DIRECTION_VERB.exec(clauseBefore); m; m = DIRECTION_VERB.exec(clauseBefore)) verb = m;
  if (!verb || verb[2] !== undefined) return null;
  return DOWN_VERBS.has(verb[1]!) ? 'down' : 'up';
}

/**
 * `hard` or `soft` for a target: the last commitment word before it in its sentence (确保/必须/务必 →
 * hard; 力争/争取/努力 → soft) decides; without one, its qualifier (以上/不低于/不少于/至少/超过 → hard;
 * 左右 → soft); else `null` (以内, 控制在, a bare figure). `力争…1600亿元以上` is soft: the
 * commitment word governs the floor.
 */
export function readFirmness(sentenceBefore: string, written: string, qualifier: string): Firmness | null {
  let word: string | undefined;
  FIRMNESS_WORD.lastIndex = 0;
  for (let m = FIRMNESS_WORD.exec(sentenceBefore); m; m = FIRMNESS_WORD.exec(sentenceBefore)) word = m[0];
  if (word !== undefined) return HARD_WORDS.has(word) ? 'hard' : 'soft';
  const own = foldCue(`${qualifier}|${written}`);
  if (HARD_QUALIFIER.test(own)) return 'hard';
  if (SOFT_QUALIFIER.test(own)) return 'soft';
  return null;
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

/**
 * Fills `metric`, `direction`, `firmness` and `year` of each target in place, reading `source` (the
 * text the targets' offsets point into, traditional or pinyin-laced alike) around it.
 *
 * - `year` is the year the quantity's sentence names before it, else the year in its innermost
 *   section title (`三、2023年重点工作任务`), else `null` — the document's year is filled in later,
 *   by whoever knows the document (lib/ledger).
 * - `firmness` is `null` for achieved figures: `增长4%以上` reports a result, not a commitment.
 */
export function describeTargets(source: string, targets: Target[]): void {
  for (const t of targets) {
    const sentenceStart = findStart(source, t.quoteStart, MAX_SENTENCE, SENTENCE_END);
    const clauseStart = findStart(source, t.quoteStart, MAX_SENTENCE, CLAUSE_END);
    const sentenceBefore = foldCue(source.slice(sentenceStart, t.quoteStart));
    const clauseBefore = foldCue(source.slice(clauseStart, t.quoteStart));
    t.metric = matchMetric(t.indicator, t.unit);
    t.direction = readDirection(clauseBefore);
    t.firmness = t.kind === 'target' ? readFirmness(sentenceBefore, t.text, t.qualifier) : null;
    t.year = readNamedYear(sentenceBefore) ?? readSectionYear(t.section);
  }
}

/** The year named in the innermost section title that names one (`一、2025年工作回顾` → 2025). */
function readSectionYear(section: string): number | null {
  if (section === '') return null;
  const titles = section.split(' > ');
  for (let i = titles.length - 1; i >= 0; i--) {
    const year = readNamedYear(foldCue(titles[i]!));
    if (year !== null) return year;
  }
  return null;
}
