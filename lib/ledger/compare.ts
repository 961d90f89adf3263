/**
 * Targets beside outcomes: for each (jurisdiction, year, metric), the target row and the achieved
 * row, and whether the target was met.
 *
 * @module
 */
import { METRIC_IDS, type MetricId } from '../targets/metric';
import type { LedgerRow } from './ledger-rows';

/** One cell of the side-by-side ledger. */
export interface LedgerComparison<R extends LedgerRow = LedgerRow> {
  jurisdiction: string;
  year: number;
  metric: MetricId;
  target: R | null;
  achieved: R | null;
  /** `null` when either side is missing or they cannot be compared (different units). */
  met: boolean | null;
}

/** Metrics where less is better: a level is a ceiling even when written 左右 (失业率5.5%左右). */
const LOWER_IS_BETTER: ReadonlySet<MetricId> = new Set([
  'urban_unemployment',
  'urban_registered_unemployment',
  'cpi',
]);

/** Qualifiers that make a target a ceiling. */
const CEILING = /以内|以內|以下|不超过|不超過|不高于|不高於|控制在|最多|最高|≤/;

/**
 * Whether `achieved` meets `target` (same metric, same unit), or `null` when the units differ.
 *
 * Values are signed by direction (a fall of 2.5% is −2.5). A target is a ceiling — the achieved
 * figure must be at most it (the range's top for a range) — when it is a fall (能耗降低3%: at
 * least 3% down, so 2.5% down is not met), when its qualifier is one (控制在5.5%以内: 5.2% is met),
 * or when less is better for its metric (unemployment, CPI, even with 左右); otherwise it is a floor,
 * the achieved figure must be at least it (the range's bottom), 左右 included (增长5.5%左右: 5.6% is
 * met, 5.4% is not). An achieved `增长4%以上` counts as 4.
 */
export function isTargetMet(target: LedgerRow, achieved: LedgerRow): boolean | null {
  if (target.unit !== achieved.unit) return null;
  const sign = (row: LedgerRow) => (row.direction === 'down' ? -1 : 1);
  const actual = sign(achieved) * achieved.value;
  const low = sign(target) * target.value;
  const high = sign(target) * (target.valueMax ?? target.value);
  const ceiling =
    target.direction === 'down' || CEILING.test(target.qualifier) || LOWER_IS_BETTER.has(target.metric);
  // For a fall the signed range runs from −value down to −valueMax: its "top" is the smaller.
  return ceiling ? actual <= Math.max(low, high) : actual >= Math.min(low, high);
}

/**
 * Pairs the rows of {@link buildLedgerRows} by (jurisdiction, year, metric), in the rows' order,
 * with whether each target was met.
 */
export function compareLedger<R extends LedgerRow>(rows: readonly R[]): LedgerComparison<R>[] {
  // Per jurisdiction, cells by a number for (year, metric): no string key per row. Sorted rows
  // (buildLedgerRows's order) put a cell's target and achieved rows next to each other, so the
  // previous cell is tried first.
  const byJurisdiction = new Map<string, Map<number, LedgerComparison<R>>>();
  const cells: LedgerComparison<R>[] = [];
  let previous: LedgerComparison<R> | undefined;
  for (const row of rows) {
    let cell =
      previous &&
      previous.jurisdiction === row.jurisdiction &&
      previous.year === row.year &&
      previous.metric === row.metric
        ? previous
        : undefined;
    if (!cell) {
      let inJurisdiction = byJurisdiction.get(row.jurisdiction);
      if (!inJurisdiction) byJurisdiction.set(row.jurisdiction, (inJurisdiction = new Map()));
      const key = row.year * METRIC_IDS.length + METRIC_ORDER.get(row.metric)!;
      cell = inJurisdiction.get(key);
      if (!cell) {
        cell = {
          jurisdiction: row.jurisdiction,
          year: row.year,
          metric: row.metric,
          target: null,
          achieved: null,
          met: null,
        };
        inJurisdiction.set(key, cell);
        cells.push(cell);
      }
    }
    cell[row.kind] = row;
    previous = cell;
  }
  for (const cell of cells) {
    cell.met = cell.target && cell.achieved ? isTargetMet(cell.target, cell.achieved) : null;
  }
  return cells;
}

const METRIC_ORDER = new Map<string, number>(METRIC_IDS.map((id, i) => [id, i]));
