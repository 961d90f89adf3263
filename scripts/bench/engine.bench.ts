/**
 * Engine throughput: characters per millisecond of analyzeText (normalise + extract + map back) on
 * the largest seed (002, traditional with inline pinyin), next to bare passes over the same string
 * that only read it (a char-code sum and a digit regex scan), plus a same-length text of dense
 * quantities with no punctuation (the worst case for clause lookbacks; it must stay linear), and
 * the text in 4,000-character chunks as the reader and the background analyse it. Printed as
 * ratios, so the figure holds across machines; warm runs, median of CPU time (the machine is often
 * shared, and wall time then counts other processes' turns). The first chunked pass is also
 * printed on its own: the engine runs from cold code on each page load, before any warm-up.
 *
 * @module
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { normalizeForAnalysis } from '../../lib/text/normalize';
import { analyzeText } from '../../lib/targets/analyze';
import { analyzeInChunks } from '../../lib/targets/analyze-in-chunks';
import { extractTargets } from '../../lib/targets/extract';
import type { Target } from '../../lib/targets/target';

const SEED = fileURLToPath(new URL('../../tests/fixtures/seeds/002_2e0490dc36b0060a.txt', import.meta.url));
const WARMUP = 10;
const RUNS = 41;

/** CPU time in ms of one call of `fn` (user + system, this process). */
function measureCpuMs(fn: () => unknown): number {
  const before = process.cpuUsage();
  fn();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/** Median CPU time in ms of `fn` over RUNS runs after WARMUP unmeasured ones. */
function measureMedianMs(fn: () => unknown): number {
  for (let i = 0; i < WARMUP; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(measureCpuMs(fn));
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** Analyses `text` chunk by chunk, as the reader and the background do. */
function analyzeChunked(text: string): Target[] {
  const out: Target[] = [];
  for (const _ of analyzeInChunks(text, out));
  return out;
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
  // First, before anything has run: the cost a page load pays (one sample, so only indicative).
  const cold = measureCpuMs(() => analyzeChunked(text));
  const normalised = normalizeForAnalysis(text).text;
  const rows: Array<[string, number]> = [
    ['char-code sum (baseline)', measureMedianMs(() => sumCharCodes(text))],
    ['digit regex scan', measureMedianMs(() => scanDigits(text))],
    ['normalizeForAnalysis', measureMedianMs(() => normalizeForAnalysis(text))],
    ['extractTargets (normalised text)', measureMedianMs(() => extractTargets(normalised))],
    ['analyzeText (whole engine)', measureMedianMs(() => analyzeText(text))],
    ['analyzeInChunks (4,000-char chunks)', measureMedianMs(() => analyzeChunked(text))],
    ['analyzeInChunks, first pass (cold)', cold],
  ];
  // Worst case for lookbacks: as many quantities, no punctuation at all, same length.
  const dense = '新建1个改造2万亩“项目3家'.repeat(Math.ceil(text.length / 14)).slice(0, text.length);
  rows.push(['analyzeText, no punctuation (dense)', measureMedianMs(() => analyzeText(dense))]);
  const baseline = rows[0]![1];
  console.log(
    `seed 002: ${text.length} characters, ${analyzeText(text).length} targets; median CPU time of ${RUNS} warm runs`,
  );
  for (const [name, ms] of rows) {
    const perMs = text.length / ms;
    console.log(
      `${name.padEnd(37)} ${ms.toFixed(3).padStart(9)} ms  ${perMs.toFixed(0).padStart(9)} chars/ms  ` +
        `×${(ms / baseline).toFixed(1)} baseline time`,
    );
  }
}
