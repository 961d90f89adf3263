/**
 * `npm run cv:detect`: cross-validation by site over the corpus's `dev` pages ONLY — the figure to
 * decide cues, weights and thresholds on (held-out `test` pages are never read here, so choosing by
 * this figure cannot leak them). Prints the out-of-fold AUC, the errors at the match threshold,
 * recall and false-positive rate by script and by page type, and the recall left when the
 * threshold is raised until at most 2% of the dev others are taken for plans.
 *
 * `--ablate id,id` zeroes those features before fitting (what a cue is worth); `--json` prints one
 * JSON line instead of the table (for comparing runs).
 *
 * @module
 */
import { fileURLToPath } from 'node:url';
import { FEATURE_IDS } from '../lib/detect/features';
import { MATCH_THRESHOLD } from '../lib/detect/detect';
import { foldOf } from './lib-eval/corpus';
import { fitRows, loadDetectionRows, type DetectionRow } from './lib-eval/detection-data';
import { auc, recallAtFalsePositives } from './lib-eval/ranking';
import { predictLogit } from './lib-eval/logistic';
import { ratesOf, tally } from './lib-eval/eval-detection';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FOLDS = 5;

const args = process.argv.slice(2);
const ablateAt = args.indexOf('--ablate');
const ablated = new Set(ablateAt >= 0 ? (args[ablateAt + 1] ?? '').split(',') : []);
const asJson = args.includes('--json');

const all = await loadDetectionRows(ROOT);
const dev: DetectionRow[] = all
  .filter((r) => r.split === 'dev')
  .map((r) => ({ ...r, x: r.x.map((v, j) => (ablated.has(FEATURE_IDS[j]!) ? 0 : v)) }));
const scored: Array<{ row: DetectionRow; z: number }> = [];
for (let k = 0; k < FOLDS; k++) {
  const inFold = (r: DetectionRow) => foldOf(r.meta, FOLDS) === k;
  const model = fitRows(dev.filter((r) => !inFold(r)));
  for (const row of dev.filter(inFold)) scored.push({ row, z: predictLogit(model, row.x, row.buckets) });
}
const verdicts = scored.map(({ row, z }) => ({ row, match: z >= MATCH_THRESHOLD }));
const pairs = scored.map(({ row, z }) => ({ y: row.y, z }));
const areaUnder = auc(pairs);
const atTwoPercent = recallAtFalsePositives(pairs, 0.02);
const overall = tally(verdicts, () => 'every page').get('all')!;
const errors = overall.plans - overall.found + overall.falseAlarms;
const rates = ratesOf(overall);
if (asJson) {
  process.stdout.write(
    `${JSON.stringify({ pages: dev.length, auc: areaUnder, errors, ...rates, recallAt2: atTwoPercent.recall })}\n`,
  );
} else {
  const print = (line: string) => process.stdout.write(`${line}\n`);
  print(`dev cross-validation (${FOLDS} folds by site, ${dev.length} dev pages)`);
  print(
    `  AUC ${areaUnder.toFixed(3)}; errors at the threshold ${errors} ` +
      `(recall ${rates.recall?.toFixed(3)}, false positives ${rates.falsePositiveRate?.toFixed(3)}); ` +
      `at ≤ 2% false positives: recall ${atTwoPercent.recall.toFixed(3)} (log-odds ≥ ${atTwoPercent.threshold.toFixed(2)})`,
  );
  for (const keyOf of [
    (v: (typeof verdicts)[number]) => v.row.meta.script,
    (v: (typeof verdicts)[number]) => v.row.meta.type,
  ]) {
    for (const [key, g] of [...tally(verdicts, keyOf)].sort()) {
      if (key === 'all') continue;
      const r = ratesOf(g);
      print(
        `  ${key.padEnd(20)} plans ${String(g.found).padStart(3)}/${String(g.plans).padEnd(3)} ` +
          `${r.recall === undefined ? '     ' : r.recall.toFixed(3)}   others ${String(g.falseAlarms).padStart(3)}/${String(g.others).padEnd(3)} ` +
          `${r.falsePositiveRate === undefined ? '' : r.falsePositiveRate.toFixed(3)}`,
      );
    }
  }
  // Would a threshold of its own pay for one script? Errors (missed plans + false alarms) per script.
  for (const script of ['simplified', 'traditional', 'pinyin']) {
    const inScript = scored.filter((s) => s.row.meta.script === script);
    const cells = [-1, -0.5, -0.25, 0, 0.25, 0.5, 1].map((t) => {
      const wrong = inScript.filter(({ row, z }) => z >= t !== (row.y === 1)).length;
      return `${t}: ${wrong}`;
    });
    print(`  ${script.padEnd(12)} errors by threshold  ${cells.join('  ')}`);
  }
  for (const { row, z } of scored.sort((a, b) => a.z - b.z))
    if (z >= MATCH_THRESHOLD !== (row.y === 1))
      print(
        `  out-of-fold ${row.y ? 'FN' : 'FP'} ${z.toFixed(2).padStart(6)} ${row.meta.id} (${row.meta.type}, ${row.meta.script})`,
      );
}
