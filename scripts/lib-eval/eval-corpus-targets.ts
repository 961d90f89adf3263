/**
 * Extraction scores on the labelled pages of the real-page corpus (`tests/corpus/`), split into
 * `dev` (rules may be tuned on these) and `test` (held out, by site; see corpus.ts): precision,
 * recall, kind, indicator and direction accuracy, in total and per page type and script.
 *
 * Indicator accuracy is measured after {@link foldIndicator} (simplified script, no inline pinyin,
 * no whitespace, punctuation or trailing rate word) with a suffix rule: an extracted indicator counts when it equals the
 * label, or when one of the two ends with the other and the shorter holds at least two characters.
 * Why a suffix rule: what the reader needs is that the phrase ends where the indicator ends (never
 * `地区生产总值刚刚`); where it starts is a matter of scope words the labels keep or drop by no
 * single rule (`全市地区生产总值` vs `地区生产总值`, `城乡居民人均可支配收入` vs `人均可支配收入`).
 * Exact agreement after folding is printed beside it for information.
 *
 * @module
 */
import { getT2s } from '../../lib/anchor/t2s';
import { analyzeText, type AnalyzeOptions } from '../../lib/targets/analyze';
import { foldCue } from '../../lib/targets/fold-cue';
import type { Target } from '../../lib/targets/target';
import { alignQuantities } from './align';
import { loadCorpus, type CorpusPage } from './corpus';

/** One corpus label (a line of `tests/corpus/labels/<id>.jsonl`). */
interface CorpusLabel {
  quote: string;
  value: number;
  valueMax?: number | null;
  unit: string;
  qualifier: string;
  indicator: string;
  kind: 'target' | 'achieved';
  metric: string | null;
  direction: 'up' | 'down' | null;
  year: number | null;
}

/** Required on the held-out (`test`) split. */
export const CORPUS_THRESHOLDS = {
  precision: 0.95,
  recall: 0.95,
  kind: 0.95,
  indicator: 0.9,
  direction: 0.95,
} as const;

/** Counts summed over pages; ratios are taken at print time. */
export interface Tally {
  pages: number;
  found: number;
  gold: number;
  matched: number;
  kindOk: number;
  indicatorOk: number;
  indicatorExact: number;
  directionOk: number;
}

/** One page's tally and its mismatches (for `--dev-diff`). */
interface PageResult {
  page: CorpusPage;
  tally: Tally;
  lines: string[];
}

function createTally(): Tally {
  return {
    pages: 0,
    found: 0,
    gold: 0,
    matched: 0,
    kindOk: 0,
    indicatorOk: 0,
    indicatorExact: 0,
    directionOk: 0,
  };
}

function addTally(into: Tally, t: Tally): void {
  for (const key of Object.keys(into) as Array<keyof Tally>) into[key] += t[key];
}

/**
 * The form indicators are compared in: simplified script (OpenCC, every character), no inline
 * pinyin, no Latin acronym in brackets (`国内生产总值(GDP)`), no whitespace or punctuation (quotation
 * marks of either script included: `「公屋综合轮候时间」`), and no trailing rate word
 * (增长, 增速, 增幅, 涨幅, 下降, and the other verbs of a change: 增加, 提高, 提升, 上升, 降低, 减少,
 * 缩短): `地区生产总值增长` and `地区生产总值`, `手术室增加` and `手术室` name one indicator, and which
 * way it moves is scored as `direction`. Labels and output are folded alike, so neither script
 * is favoured.
 */
export function foldIndicator(indicator: string): string {
  // foldCue drops inline pinyin; OpenCC then folds every traditional character, not only the
  // ones the cue rules use, so a label and an output in different scripts compare alike.
  return getT2s()(foldCue(indicator))
    .replace(/[(（][A-Za-z]{2,8}[)）]/g, '')
    .replace(/[\s()（）“”"'‘’《》〈〉「」『』【】、，,.。:：·—-]/g, '')
    .replace(/(?:增长|增速|增幅|涨幅|下降|增加|提高|提升|上升|降低|减少|缩短|縮短)$/, '');
}

/** Whether an extracted indicator counts as the labelled one (see the module comment). */
export function isSameIndicator(found: string, gold: string): boolean {
  const a = foldIndicator(found);
  const b = foldIndicator(gold);
  if (a === b) return true;
  const shorter = a.length < b.length ? a : b;
  const longer = a.length < b.length ? b : a;
  return shorter.length >= 2 && longer.endsWith(shorter);
}

/** Options for analysing a corpus page: a statistics bulletin is read as all achieved. */
function optionsFor(page: CorpusPage): AnalyzeOptions {
  return page.meta.type === 'statistics-bulletin' ? { documentType: 'statistics-bulletin' } : {};
}

/** Scores one labelled page. */
function scorePage(page: CorpusPage): PageResult {
  const gold = page
    .labels!.split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as CorpusLabel);
  const found = analyzeText(page.text, optionsFor(page));
  const pairs = alignQuantities(found, gold);
  const tally = createTally();
  tally.pages = 1;
  tally.found = found.length;
  tally.gold = gold.length;
  tally.matched = pairs.length;
  const lines: string[] = [];
  const show = (t: Target) => `${t.quote} [${t.indicator}]`;
  for (const [f, g] of pairs) {
    const t = found[f]!;
    const l = gold[g]!;
    const problems: string[] = [];
    if (t.kind === l.kind) tally.kindOk++;
    else problems.push(`kind ${t.kind}≠${l.kind}`);
    if (isSameIndicator(t.indicator, l.indicator)) tally.indicatorOk++;
    else problems.push(`indicator [${t.indicator}]≠[${l.indicator}]`);
    if (foldIndicator(t.indicator) === foldIndicator(l.indicator)) tally.indicatorExact++;
    if (t.direction === l.direction) tally.directionOk++;
    else problems.push(`direction ${t.direction}≠${l.direction}`);
    if (problems.length > 0)
      lines.push(`  ${l.quote}: ${problems.join('; ')} | ${contextOf(page.text, t.quoteStart)}`);
  }
  const foundHit = new Set(pairs.map(([f]) => f));
  const goldHit = new Set(pairs.map(([, g]) => g));
  found.forEach((t, i) => {
    if (!foundHit.has(i))
      lines.push(`  FP ${show(t)} ${t.value} ${t.unit} | ${contextOf(page.text, t.quoteStart)}`);
  });
  gold.forEach((l, i) => {
    if (!goldHit.has(i)) lines.push(`  FN ${l.quote} [${l.indicator}] ${l.value} ${l.unit}`);
  });
  return { page, tally, lines };
}

/** A short stretch of the page around an offset, on one line. */
function contextOf(text: string, at: number): string {
  return text.slice(Math.max(0, at - 30), at + 12).replace(/\s+/g, ' ');
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);

/** The five required ratios of a tally. */
export function computeRatios(t: Tally): Record<keyof typeof CORPUS_THRESHOLDS, number> {
  return {
    precision: ratio(t.matched, t.found),
    recall: ratio(t.matched, t.gold),
    kind: ratio(t.kindOk, t.matched),
    indicator: ratio(t.indicatorOk, t.matched),
    direction: ratio(t.directionOk, t.matched),
  };
}

function formatRow(name: string, t: Tally): string {
  const r = computeRatios(t);
  return (
    `${name.padEnd(34)}${String(t.pages).padStart(5)}${String(t.gold).padStart(6)}${String(t.found).padStart(6)}  ` +
    `${r.precision.toFixed(3)}  ${r.recall.toFixed(3)}  ${r.kind.toFixed(3)}  ${r.indicator.toFixed(3)}  ` +
    `${ratio(t.indicatorExact, t.matched).toFixed(3)}  ${r.direction.toFixed(3)}`
  );
}

/** Prints the table of one split: total, then per type and per script. */
function printSplit(results: readonly PageResult[], split: string, print: (line: string) => void): Tally {
  print(`-- corpus extraction, ${split} split --`);
  print(`${'group'.padEnd(34)}pages  gold found  prec   recall kind   ind    ind=   dir`);
  const total = createTally();
  const groups = new Map<string, Tally>();
  for (const r of results) {
    addTally(total, r.tally);
    for (const key of [`type ${r.page.meta.type}`, `script ${r.page.meta.script}`]) {
      const g = groups.get(key) ?? createTally();
      addTally(g, r.tally);
      groups.set(key, g);
    }
  }
  print(formatRow('TOTAL', total));
  for (const key of [...groups.keys()].sort()) print(formatRow(`  ${key}`, groups.get(key)!));
  return total;
}

/**
 * Scores every labelled corpus page under `root`, prints the `dev` and held-out `test` tables and
 * whether each held-out requirement is met, or, with `devDiff`, the `dev` table and every mismatch on
 * `dev` pages and nothing of the `test` split (not looked at while tuning; returns true). Returns whether all requirements are met.
 */
export async function reportCorpusTargets(
  root: string,
  print: (line: string) => void,
  devDiff: boolean,
): Promise<boolean> {
  const pages = (await loadCorpus(root)).filter((p) => p.labels !== null);
  const results = pages.map(scorePage);
  printSplit(
    results.filter((r) => r.page.split === 'dev'),
    'dev (tuned on)',
    print,
  );
  if (devDiff) {
    // While tuning, the held-out split is not even printed: only `npm run eval` without the flag shows it.
    for (const r of results) {
      if (r.page.split !== 'dev' || r.lines.length === 0) continue;
      print(`DEV ${r.page.meta.id}`);
      for (const line of r.lines) print(line);
    }
    return true;
  }
  const held = printSplit(
    results.filter((r) => r.page.split === 'test'),
    'test (held out)',
    print,
  );
  const ratios = computeRatios(held);
  let ok = true;
  for (const [name, min] of Object.entries(CORPUS_THRESHOLDS) as Array<
    [keyof typeof CORPUS_THRESHOLDS, number]
  >) {
    const met = ratios[name] >= min;
    ok &&= met;
    print(
      `held-out ${name.padEnd(10)} ${ratios[name].toFixed(3)} ${met ? '≥' : '<'} ${min}  ${met ? 'MET' : 'NOT MET'}`,
    );
  }
  return ok;
}
