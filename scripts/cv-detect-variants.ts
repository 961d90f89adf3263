/**
 * `npx tsx scripts/cv-detect-variants.ts [name…]`: the detector's model variants measured side by
 * side on the same 5-fold cross-validation by site over the corpus's `dev` pages ONLY (as
 * `npm run cv:detect`: never a `test` page). Each variant changes one thing against the shipped
 * model — the phrase table's size, its n-grams, its windows, the regularisation, extra structure
 * cues, a fuller traditional fold — so that a change is kept only when this table says it pays
 * (lib/detect/README.md, fifth round). Prints one line per variant: AUC, errors at even odds, and
 * recall at ≤ 2% false positives. `shipped` is the model as it ships (its table size, its fold);
 * `char-fold` and `full-fold` map the text before the shipped fold (since the fifth round the
 * shipped fold is itself OpenCC's character table, so `char-fold` is then the same but for 畫).
 * The bigram-only variants hash as phrasing.ts does; n-grams of other orders use a hash of their
 * own. Usage: `npx tsx scripts/cv-detect-variants.ts [name…]` (no name: every variant, slowly).
 *
 * @module
 */
import { fileURLToPath } from 'node:url';
import { foldSample, readFeatures, FEATURE_IDS } from '../lib/detect/features';
import { PHRASE_BITS } from '../lib/detect/phrasing';
import { foldOf, siteOf } from './lib-eval/corpus';
import { FEATURE_SIGNS, FIT_OPTIONS, loadDetectionRows, type DetectionRow } from './lib-eval/detection-data';
import { fitLogistic, predictLogit, sigmoid, type FitOptions } from './lib-eval/logistic';
import { auc, recallAtFalsePositives } from './lib-eval/ranking';
import { getT2s } from '../lib/anchor/t2s';
import tsCharacters from 'opencc-js/dict/TSCharacters';
import { readStructure, STRUCTURE_IDS } from './lib-eval/structure-cues';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FOLDS = 5;

/** How a variant turns a page into a row. */
interface Variant {
  name: string;
  bits?: number;
  /** n-gram orders hashed into the table. */
  orders?: number[];
  leadChars?: number;
  textChars?: number;
  /** Map the sample through OpenCC t→cn before folding. */
  fullFold?: boolean;
  /** Map every character through OpenCC's TSCharacters table (first candidate), no phrases. */
  charFold?: boolean;
  /** Extra dense cues: `structure` (lib-eval/structure-cues.ts), `cross` (targets × opinion). */
  extra?: Array<'structure' | 'cross'>;
  fit?: Partial<FitOptions>;
  /** Choose bucketL2 × l2 by inner 4-fold CV by site on each outer training set. */
  nested?: boolean;
}

const VARIANTS: Variant[] = [
  { name: 'shipped' },
  { name: 'buckets-4096', bits: 12 },
  { name: 'buckets-8192', bits: 13 },
  { name: 'buckets-16384', bits: 14 },
  { name: 'uni+bigrams', orders: [1, 2] },
  { name: 'bi+trigrams', orders: [2, 3] },
  { name: 'bi+trigrams-8192', orders: [2, 3], bits: 13 },
  { name: 'text-1500', textChars: 1500 },
  { name: 'text-3000-8192', textChars: 3000, bits: 13 },
  { name: 'lead-300', leadChars: 300 },
  { name: 'full-fold', fullFold: true },
  { name: 'structure', extra: ['structure'] },
  { name: 'cross', extra: ['cross'] },
  { name: 'bucketL2-0.02', fit: { bucketL2: 0.02 } },
  { name: 'bucketL2-0.1', fit: { bucketL2: 0.1 } },
  { name: 'bucketL2-0.2', fit: { bucketL2: 0.2 } },
  { name: 'l2-0.01', fit: { l2: 0.01 } },
  { name: 'l2-0.001', fit: { l2: 0.001 } },
  { name: 'nested-l2', nested: true },
  { name: 'char-fold', charFold: true },
  { name: 'buckets-32768', bits: 15 },
  { name: 'buckets-65536', bits: 16 },
  { name: 'b14+char-fold', bits: 14, charFold: true },
  { name: 'b14+text-3000', bits: 14, textChars: 3000 },
  { name: 'b14+text-3000+char-fold', bits: 14, textChars: 3000, charFold: true },
  { name: 'b14+char-fold+structure', bits: 14, charFold: true, extra: ['structure'] },
  { name: 'b14+char-fold+nested', bits: 14, charFold: true, nested: true },
  { name: 'b16+char-fold', bits: 16, charFold: true },
  { name: 'b15+char-fold', bits: 15, charFold: true },
  { name: 'b13+char-fold', bits: 13, charFold: true },
  { name: 'b14+char-fold+cross', bits: 14, charFold: true, extra: ['cross'] },
  { name: 'b14+char-fold+lead-300', bits: 14, charFold: true, leadChars: 300 },
  { name: 'b14+char-fold+text-1500', bits: 14, charFold: true, textChars: 1500 },
  { name: 'b14+char-fold+bi+tri', bits: 14, charFold: true, orders: [2, 3] },
  { name: 'b14+char-fold+bucketL2-0.1', bits: 14, charFold: true, fit: { bucketL2: 0.1 } },
  { name: 'b14+char-fold+bucketL2-0.02', bits: 14, charFold: true, fit: { bucketL2: 0.02 } },
];

const CHAR_TABLE = new Map(
  tsCharacters.split('|').map((entry) => {
    const [from, to] = entry.split(' ');
    return [from!, to!] as const;
  }),
);
function foldChars(text: string): string {
  return Array.from(text, (c) => CHAR_TABLE.get(c) ?? c).join('');
}

function classOf(code: number): number {
  if ((code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19)) return 0x30;
  if ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) return 0x61;
  return code;
}

/** Buckets of the n-grams of `text` (first `limit` characters) for each order, seeded by `seed`. */
function markGrams(
  text: string,
  limit: number,
  seed: number,
  orders: number[],
  bits: number,
  seen: Set<number>,
) {
  const codes = Array.from(text.slice(0, limit), (c) => classOf(c.charCodeAt(0)));
  for (const n of orders) {
    for (let k = 0; k + n <= codes.length; k++) {
      if (n === 2) {
        // The shipped hash (phrasing.ts), so that the bigram-only variants match the shipped model.
        seen.add(
          (Math.imul(codes[k]! ^ seed, 0x9e3779b1) ^ Math.imul(codes[k + 1]!, 0x85ebca6b)) >>> (32 - bits),
        );
        continue;
      }
      let h = Math.imul(seed ^ (n * 0x27d4eb2d), 0x9e3779b1);
      for (let j = 0; j < n; j++) h = Math.imul(h ^ codes[k + j]!, 0x85ebca6b) ^ (h >>> 13);
      seen.add(h >>> (32 - bits));
    }
  }
}

function rowOf(base: DetectionRow, v: Variant): DetectionRow {
  const sample = v.charFold
    ? { ...base.sample, title: foldChars(base.sample.title), text: foldChars(base.sample.text) }
    : v.fullFold
      ? { ...base.sample, title: getT2s()(base.sample.title), text: getT2s()(base.sample.text) }
      : base.sample;
  const folded = foldSample(sample);
  const features = readFeatures(folded);
  let x = FEATURE_IDS.map((id) => features[id]);
  if (v.extra?.includes('structure')) x = [...x, ...readStructure(sample.text)];
  if (v.extra?.includes('cross')) x = [...x, features['numeric-targets'] * features['opinion-wording']];
  const bits = v.bits ?? PHRASE_BITS;
  const leadChars = v.leadChars ?? 120;
  const phraseLead = v.leadChars
    ? `${folded.lead.split('\n').slice(0, 2).join('\n')}\n${folded.text.slice(0, leadChars)}`
    : folded.phraseLead;
  const seen = new Set<number>();
  const orders = v.orders ?? [2];
  markGrams(phraseLead, phraseLead.length, 0x1b873593, orders, bits, seen);
  markGrams(folded.text, v.textChars ?? 700, 0x2c1b3c6d, orders, bits, seen);
  return { ...base, x, buckets: [...seen].sort((a, b) => a - b) };
}

function signsOf(v: Variant, width: number): number[] {
  const signs: number[] = [...FEATURE_SIGNS];
  // Structure cues are fitted free; the cross speaks against (commentary quoting targets).
  if (v.extra?.includes('structure')) signs.push(...STRUCTURE_IDS.map(() => 0));
  if (v.extra?.includes('cross')) signs.push(-1);
  return signs.slice(0, width);
}

function fit(rows: DetectionRow[], v: Variant, options: Partial<FitOptions> = {}) {
  return fitLogistic(
    rows.map((r) => r.x),
    rows.map((r) => r.y),
    {
      ...FIT_OPTIONS,
      bucketCount: 1 << (v.bits ?? PHRASE_BITS),
      ...v.fit,
      ...options,
      signs: signsOf(v, rows[0]!.x.length),
    },
    rows.map((r) => r.buckets),
  );
}

/** A page's inner fold (0–3), by site, hashed apart from the outer folds. */
function innerFoldOf(row: DetectionRow): number {
  let hash = 0x811c9dc5;
  for (const c of `inner:${siteOf(row.meta)}`) hash = Math.imul(hash ^ c.charCodeAt(0), 0x01000193) >>> 0;
  return hash % 4;
}

/** Inner CV (4 folds by site, a different hash than the outer one) log loss of each grid point. */
function chooseByInnerCv(rows: DetectionRow[], v: Variant): Partial<FitOptions> {
  const grid: Array<Partial<FitOptions>> = [];
  for (const bucketL2 of [0.02, 0.05, 0.1])
    for (const l2 of [0.001, 0.003, 0.01]) grid.push({ bucketL2, l2 });
  let best = grid[0]!;
  let bestLoss = Infinity;
  for (const options of grid) {
    let loss = 0;
    for (let k = 0; k < 4; k++) {
      const inner = (r: DetectionRow) => innerFoldOf(r) === k;
      const model = fit(
        rows.filter((r) => !inner(r)),
        v,
        options,
      );
      for (const r of rows.filter(inner)) {
        const p = Math.min(1 - 1e-6, Math.max(1e-6, sigmoid(predictLogit(model, r.x, r.buckets))));
        loss -= r.y ? Math.log(p) : Math.log(1 - p);
      }
    }
    if (loss < bestLoss) {
      bestLoss = loss;
      best = options;
    }
  }
  return best;
}

const wanted = process.argv.slice(2);
const all = await loadDetectionRows(ROOT);
const baseDev = all.filter((r) => r.split === 'dev');
for (const v of VARIANTS) {
  if (wanted.length && !wanted.includes(v.name)) continue;
  const dev = baseDev.map((r) => rowOf(r, v));
  const scored: Array<{ y: number; z: number }> = [];
  const chosen: string[] = [];
  for (let k = 0; k < FOLDS; k++) {
    const inFold = (r: DetectionRow) => foldOf(r.meta, FOLDS) === k;
    const training = dev.filter((r) => !inFold(r));
    const options = v.nested ? chooseByInnerCv(training, v) : {};
    if (v.nested) chosen.push(`${options.bucketL2}/${options.l2}`);
    const model = fit(training, v, options);
    for (const row of dev.filter(inFold))
      scored.push({ y: row.y, z: predictLogit(model, row.x, row.buckets) });
  }
  const errors = scored.filter(({ y, z }) => z >= 0 !== (y === 1)).length;
  const missed = scored.filter(({ y, z }) => y === 1 && z < 0).length;
  process.stdout.write(
    `${v.name.padEnd(18)} AUC ${auc(scored).toFixed(3)}  errors ${String(errors).padStart(2)} (missed ${missed})  ` +
      `recall@2% ${recallAtFalsePositives(scored, 0.02).recall.toFixed(3)}${chosen.length ? `  chosen ${chosen.join(' ')}` : ''}\n`,
  );
}
