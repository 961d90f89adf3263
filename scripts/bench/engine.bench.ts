/**
 * Engine throughput: characters per millisecond of analyzeText (normalise + extract + map back) on
 * the largest seed (002, traditional with inline pinyin), next to bare passes over the same string
 * that only read it (a char-code sum and a digit regex scan), plus a same-length text of dense
 * quantities with no punctuation (the worst case for clause lookbacks; it must stay linear). Printed
 * as ratios, so the figure holds across machines; several warm runs, median.
 *
 * @module
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { normalizeForAnalysis } from '../../lib/text/normalize';
import { analyzeText } from '../../lib/targets/analyze';
import { extractTargets } from '../../lib/targets/extract';

const SEED = fileURLToPath(new URL('../../tests/fixtures/seeds/002_2e0490dc36b0060a.txt', import.meta.url));
const WARMUP = 5;
const RUNS = 21;

/** Median wall time in ms of `fn` over RUNS runs after WARMUP unmeasured ones. */
function measureMedianMs(fn: () => unknown): number {
  for (let i = 0; i < WARMUP; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** A pass that only reads every character: the floor any analysis pays. */
function sumCharCodes(text: string): number {
  let sum = 0;
  for (let i = 0; i < text.length; i++) sum = (sum + text.charCodeAt(i)) | 0;
  return sum;
}

/** The naive digit scan the research notes use as the floor to beat. */
function scanDigits(text: string): number {
  let count = 0;
  for (const _ of text.matchAll(/\d+(?:\.\d+)?/g)) count++;
  return count;
}

/** Measures and prints the engine against the bare passes on seed 002. */
export async function run(): Promise<void> {
  const text = await readFile(SEED, 'utf8');
  const normalised = normalizeForAnalysis(text).text;
  const rows: Array<[string, number]> = [
    ['char-code sum (baseline)', measureMedianMs(() => sumCharCodes(text))],
    ['digit regex scan', measureMedianMs(() => scanDigits(text))],
    ['normalizeForAnalysis', measureMedianMs(() => normalizeForAnalysis(text))],
    ['extractTargets (normalised text)', measureMedianMs(() => extractTargets(normalised))],
    ['analyzeText (whole engine)', measureMedianMs(() => analyzeText(text))],
  ];
  // Worst case for lookbacks: as many quantities, no punctuation at all, same length.
  const dense = '新建1个改造2万亩“项目3家'.repeat(Math.ceil(text.length / 14)).slice(0, text.length);
  rows.push(['analyzeText, no punctuation (dense)', measureMedianMs(() => analyzeText(dense))]);
  const baseline = rows[0]![1];
  console.log(
    `seed 002: ${text.length} characters, ${analyzeText(text).length} targets; median of ${RUNS} warm runs`,
  );
  for (const [name, ms] of rows) {
    const perMs = text.length / ms;
    console.log(
      `${name.padEnd(34)} ${ms.toFixed(3).padStart(9)} ms  ${perMs.toFixed(0).padStart(9)} chars/ms  ` +
        `×${(ms / baseline).toFixed(1)} baseline time`,
    );
  }
}
