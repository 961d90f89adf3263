/**
 * The detection half of `npm run eval`: on the real-page corpus, detection recall (plan pages) and
 * false-positive rate (other pages) per page type and per script,
 * - held out: the shipped detector (weights fitted on `dev` pages only) on the `test` pages;
 * - cross-validated: for each of {@link FOLDS} folds by site, the model refitted on the other folds
 *   (all pages, dev and test) and run on the fold's pages.
 * Never a figure on pages the weights were fitted on alone.
 *
 * @module
 */
import { detectPlanPage, MATCH_THRESHOLD } from '../../lib/detect/detect';
import { foldOf } from './corpus';
import { fitRows, loadDetectionRows, type DetectionRow } from './detection-data';
import { predictLogit } from './logistic';

/** Cross-validation folds (by site). */
export const FOLDS = 5;
/** Required on held-out pages (issue #10). */
export const DETECTION_REQUIREMENTS = { recall: 0.95, falsePositiveRate: 0.02 } as const;

/** A page and the verdict it got. */
export interface Verdict {
  row: DetectionRow;
  match: boolean;
}

/** Counts of one group of pages. */
export interface GroupFigures {
  plans: number;
  found: number;
  others: number;
  falseAlarms: number;
}

/** Recall and false-positive rate of a group; undefined where the group has no such pages. */
export function ratesOf(g: GroupFigures): { recall?: number; falsePositiveRate?: number } {
  return {
    recall: g.plans ? g.found / g.plans : undefined,
    falsePositiveRate: g.others ? g.falseAlarms / g.others : undefined,
  };
}

/** Tallies verdicts by `keyOf` (plus `all`). */
export function tally(
  verdicts: readonly Verdict[],
  keyOf: (v: Verdict) => string,
): Map<string, GroupFigures> {
  const groups = new Map<string, GroupFigures>();
  for (const v of verdicts) {
    for (const key of ['all', keyOf(v)]) {
      const g = groups.get(key) ?? { plans: 0, found: 0, others: 0, falseAlarms: 0 };
      if (v.row.y) {
        g.plans++;
        if (v.match) g.found++;
      } else {
        g.others++;
        if (v.match) g.falseAlarms++;
      }
      groups.set(key, g);
    }
  }
  return groups;
}

/** The shipped detector's verdicts on the held-out `test` pages. */
export function judgeHeldOut(rows: readonly DetectionRow[]): Verdict[] {
  return rows
    .filter((r) => r.split === 'test')
    .map((row) => ({ row, match: detectPlanPage(row.sample).match }));
}

/** Out-of-fold verdicts for every page: each fold judged by a model fitted on the other folds. */
export function judgeCrossValidated(rows: readonly DetectionRow[], folds = FOLDS): Verdict[] {
  const verdicts: Verdict[] = [];
  for (let k = 0; k < folds; k++) {
    const inFold = (r: DetectionRow) => foldOf(r.meta, folds) === k;
    const model = fitRows(rows.filter((r) => !inFold(r)));
    for (const row of rows.filter(inFold))
      verdicts.push({ row, match: predictLogit(model, row.x, row.buckets) >= MATCH_THRESHOLD });
  }
  return verdicts;
}

function formatRate(value: number | undefined): string {
  return value === undefined ? '    -' : value.toFixed(3);
}

/** Prints one table (by type and by script) of `verdicts`. */
function printTable(
  title: string,
  verdicts: readonly Verdict[],
  print: (line: string) => void,
): GroupFigures {
  print(`${title}`);
  print(`  ${'group'.padEnd(28)}  plans  found  recall   others  false+  FP rate`);
  const byType = tally(verdicts, (v) => `type ${v.row.meta.type}`);
  const byScript = tally(verdicts, (v) => `script ${v.row.meta.script}`);
  const keys = [
    ...[...byType.keys()].filter((k) => k !== 'all').sort(),
    ...[...byScript.keys()].filter((k) => k !== 'all').sort(),
    'all',
  ];
  for (const key of keys) {
    const g = (byType.get(key) ?? byScript.get(key))!;
    const r = ratesOf(g);
    print(
      `  ${key.padEnd(28)}  ${String(g.plans).padStart(5)}  ${String(g.found).padStart(5)}  ${formatRate(r.recall)}   ` +
        `${String(g.others).padStart(6)}  ${String(g.falseAlarms).padStart(6)}  ${formatRate(r.falsePositiveRate)}`,
    );
  }
  return byType.get('all')!;
}

/** Whether `g` meets the requirements, and a line saying so. */
export function checkRequirements(label: string, g: GroupFigures): { met: boolean; line: string } {
  const { recall = 1, falsePositiveRate = 0 } = ratesOf(g);
  const recallOk = recall >= DETECTION_REQUIREMENTS.recall;
  const fpOk = falsePositiveRate <= DETECTION_REQUIREMENTS.falsePositiveRate;
  const line =
    `${label}: recall ${recall.toFixed(3)} ${recallOk ? '≥' : '<'} ${DETECTION_REQUIREMENTS.recall} ${recallOk ? 'MET' : 'NOT MET'}; ` +
    `false positives ${falsePositiveRate.toFixed(3)} ${fpOk ? '≤' : '>'} ${DETECTION_REQUIREMENTS.falsePositiveRate} ${fpOk ? 'MET' : 'NOT MET'}`;
  return { met: recallOk && fpOk, line };
}

/**
 * Runs and prints the corpus detection evaluation under `root`. Returns whether the held-out
 * requirements are met (on the `test` pages and by cross-validation).
 */
export async function runDetectionEval(root: string, print: (line: string) => void): Promise<boolean> {
  const rows = await loadDetectionRows(root);
  print('');
  print(
    `Detection on the real-page corpus (${rows.length} pages; ${rows.filter((r) => r.split === 'test').length} held out by site)`,
  );
  const heldOut = printTable(
    'held out (test pages, shipped weights fitted on dev pages only):',
    judgeHeldOut(rows),
    print,
  );
  const crossValidated = printTable(
    `cross-validated (${FOLDS} folds by site, all pages):`,
    judgeCrossValidated(rows),
    print,
  );
  const a = checkRequirements('held out (test)', heldOut);
  const b = checkRequirements(`cross-validated (${FOLDS} folds)`, crossValidated);
  print(a.line);
  print(b.line);
  return a.met && b.met;
}

/**
 * Whether a missed held-out requirement fails `npm run eval`. Off while the detector does not yet
 * meet them (the figures and the miss are printed plainly); turn on once it does, so that a
 * regression fails.
 */
export const ENFORCE_REQUIREMENTS = false;

/** {@link runDetectionEval}, as an exit code (1 only when enforced and missed). */
export async function reportCorpusDetection(root: string, print: (line: string) => void): Promise<number> {
  const met = await runDetectionEval(root, print);
  if (met) print('Held-out detection requirements met.');
  else if (!ENFORCE_REQUIREMENTS)
    print('Held-out detection requirements NOT MET (reported, not yet enforced).');
  return !met && ENFORCE_REQUIREMENTS ? 1 : 0;
}
