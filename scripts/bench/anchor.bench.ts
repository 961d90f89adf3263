/**
 * Anchoring benchmark: 1,000 notes on the seed 002 page (the traditional reprint with inline pinyin,
 * 81 kB) and on all four seeds joined (~75,000 characters), once with every quote exact and once
 * with 10 % of the quotes edited (~15 % of their characters). Budgets: ≤ 100 ms exact, ≤ 1 s edited,
 * no slice over 50 ms. Ratios are against a plain `indexOf` pass over the same quotes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  anchorMany,
  foldPage,
  foldQuote,
  type AnchorOutcome,
  type FoldedPage,
  type FoldedQuote,
} from '../../lib/anchor/match';
import { describeQuote } from '../../lib/anchor/selectors';
import { foldText } from '../../lib/anchor/fold';
import { getT2s } from '../../lib/anchor/t2s';

const SEEDS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../tests/fixtures/seeds');
const NOTES = 1000;

function seed(name: string): string {
  return readFileSync(path.join(SEEDS, name), 'utf8');
}

/** Deterministic PRNG (mulberry32), so every run measures the same notes. */
function random(seedValue: number): () => number {
  let a = seedValue;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Case {
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
}

function makeNotes(text: string, rand: () => number): Case[] {
  const notes: Case[] = [];
  while (notes.length < NOTES) {
    const length = 10 + Math.floor(rand() * 50);
    const start = Math.floor(rand() * (text.length - length));
    const exact = text.slice(start, start + length);
    if (exact.includes('\n') || !/\p{Script=Han}{4}/u.test(exact)) continue;
    const q = describeQuote(text, start, start + length);
    notes.push({ start, end: start + length, exact: q.exact, prefix: q.prefix, suffix: q.suffix });
  }
  return notes;
}

/** Replaces ~15 % of a quote's Han characters with others (a clause edited since the note). */
function edit(exact: string, rand: () => number): string {
  const chars = [...exact];
  // Only Han characters change: a revised clause keeps its printed pinyin annotations well-formed.
  const han = chars.flatMap((c, i) => (/\p{Script=Han}/u.test(c) ? [i] : []));
  const edits = Math.max(1, Math.round(han.length * 0.15));
  for (let k = 0; k < edits; k++) chars[han[Math.floor(rand() * han.length)]!] = '改';
  return chars.join('');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function measure(label: string, text: string): Promise<void> {
  const rand = random(20260213);
  const t2s = getT2s();
  const foldStart = performance.now();
  const page = foldPage(text, t2s);
  const foldMs = performance.now() - foldStart;
  const notes = makeNotes(text, rand);
  const editedIdx = new Set<number>();
  while (editedIdx.size < NOTES / 10) editedIdx.add(Math.floor(rand() * NOTES));
  const editedNotes = notes.map((n, i) => (editedIdx.has(i) ? { ...n, exact: edit(n.exact, rand) } : n));

  // Baseline: what a plain exact search of the same quotes costs.
  const baseline: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t = performance.now();
    let found = 0;
    for (const n of notes) if (text.indexOf(n.exact) >= 0) found++;
    baseline.push(performance.now() - t);
    if (found !== NOTES) throw new Error('baseline lost quotes');
  }
  const base = median(baseline);

  // Stored quotes are folded once per note (the reader caches them), not on every anchoring pass.
  const foldStartQuotes = performance.now();
  const folded = notes.map((n) => foldQuote(n, t2s, n.start));
  const foldQuotesMs = performance.now() - foldStartQuotes;
  const foldedEdited = editedNotes.map((n, i) =>
    editedIdx.has(i) ? foldQuote(n, t2s, n.start) : folded[i]!,
  );
  const run = async (quotes: FoldedQuote[]) => {
    const slices: number[] = [];
    const fresh: FoldedPage = { source: page.source, folded: page.folded }; // no trigram index yet
    const t = performance.now();
    const outcomes = await anchorMany(fresh, quotes, { onSlice: (ms) => slices.push(ms) });
    return { ms: performance.now() - t, outcomes, maxSlice: Math.max(...slices) };
  };
  const score = (outcomes: AnchorOutcome[]) => {
    let right = 0;
    let wrong = 0;
    let orphan = 0;
    outcomes.forEach((o, i) => {
      const n = notes[i]!;
      if (o.status === 'orphan') {
        orphan++;
        if (process.env.PLANLENS_BENCH_DEBUG)
          console.log('orphan', o, n.exact, '→', editedNotes[i]!.exact, n.prefix.length, n.suffix.length);
      }
      // Right: overlaps most of the true span or of the found one (a quote cut inside an inline
      // pinyin annotation maps to its Han characters only), or the very same text elsewhere (a
      // repeated phrase: both places are the quote).
      else if (
        Math.min(o.end, n.end) - Math.max(o.start, n.start) >=
        Math.min(n.end - n.start, o.end - o.start) / 2
      )
        right++;
      else if (text.slice(o.start, o.end) === n.exact) right++;
      else {
        wrong++;
        if (process.env.PLANLENS_BENCH_DEBUG) console.log('wrong', o, n, text.slice(o.start, o.end));
      }
    });
    return { right, wrong, orphan };
  };

  await run(folded); // warm-up (JIT)
  await run(foldedEdited);
  const exactRuns = [];
  for (let r = 0; r < 5; r++) exactRuns.push(await run(folded));
  const exact = exactRuns.sort((a, b) => a.ms - b.ms)[2]!;
  const editedRuns = [];
  for (let r = 0; r < 5; r++) editedRuns.push(await run(foldedEdited));
  const edited = editedRuns.sort((a, b) => a.ms - b.ms)[2]!;
  const e = score(edited.outcomes);
  const x = score(exact.outcomes);
  // Deleted clauses: cut 100 notes' spans out of the page; their notes must orphan, never move.
  const cut = [...editedIdx].map((i) => notes[i]!).sort((a, b) => b.start - a.start);
  let shorter = text;
  let lastStart = Infinity;
  const removed = new Set<Case>();
  for (const n of cut) {
    if (n.end > lastStart) continue; // overlapping notes: keep one
    shorter = shorter.slice(0, n.start) + shorter.slice(n.end);
    lastStart = n.start;
    removed.add(n);
  }
  const afterCut = await anchorMany(foldPage(shorter, t2s), folded);
  let cutOrphan = 0;
  let cutPlaced = 0;
  notes.forEach((n, i) => {
    if (!removed.has(n)) return;
    const o = afterCut[i]!;
    // Placed counts only when the text it landed on is not the quote itself (a repeat elsewhere,
    // compared folded: the same clause in the PDF copy or with different pinyin is the same).
    if (o.status === 'orphan') cutOrphan++;
    else if (!folded[i]!.exact.includes(foldText(shorter.slice(o.start, o.end), { t2s }).text)) {
      cutPlaced++;
      if (process.env.PLANLENS_BENCH_DEBUG)
        console.log('cut placed', o, n.exact, '→', shorter.slice(o.start, o.end));
    }
  });

  console.log(`\n### ${label}: ${text.length} characters, ${NOTES} notes`);
  console.log(`fold page (t2s + NFKC + pinyin)   ${foldMs.toFixed(1)} ms`);
  console.log(`fold ${NOTES} stored quotes (once)  ${foldQuotesMs.toFixed(1)} ms`);
  console.log(`baseline indexOf ×${NOTES}          ${base.toFixed(2)} ms`);
  console.log(
    `exact quotes      ${exact.ms.toFixed(1)} ms  (${(exact.ms / base).toFixed(1)}× baseline; budget 100 ms) ` +
      `max slice ${exact.maxSlice.toFixed(1)} ms; right ${x.right}, wrong ${x.wrong}, orphan ${x.orphan}`,
  );
  console.log(
    `10 % edited       ${edited.ms.toFixed(1)} ms  (${(edited.ms / base).toFixed(1)}× baseline; budget 1000 ms) ` +
      `max slice ${edited.maxSlice.toFixed(1)} ms (budget 50); right ${e.right}, wrong ${e.wrong}, orphan ${e.orphan}`,
  );
  console.log(
    `${removed.size} clauses deleted: ${cutOrphan} orphaned, ${cutPlaced} placed on other text ` +
      `(changed/wrong), ${removed.size - cutOrphan - cutPlaced} found as an identical repeat`,
  );
}

/** Runs the anchoring benchmark and prints the figures. */
export async function run(): Promise<void> {
  const t = performance.now();
  getT2s()('測試');
  console.log(`build t2s converter  ${(performance.now() - t).toFixed(1)} ms (once per page, lazily)`);
  const reprint = seed('002_2e0490dc36b0060a.txt');
  await measure('seed 002 (traditional reprint, 81 kB)', reprint);
  const joined = [
    '002_2e0490dc36b0060a.txt',
    '003_29900545c6a00a71.txt',
    '000_2116d4bac5eff305.txt',
    '001_3671b968aed7ce7c.txt',
  ]
    .map(seed)
    .join('\n');
  await measure('all four seeds joined', joined);
}
