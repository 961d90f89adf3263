/**
 * The Ledger tab's model, without React: the filters' choices, the filtered cells (target beside
 * achieved, met or not) and the chart's series, from the library's ledger rows. Pure, so the
 * benchmark and tests measure exactly what the tab computes.
 *
 * @module
 */
import { compareLedger, type LedgerComparison } from '../lib/ledger/compare';
import type { AnchoredLedgerRow, LedgerRow } from '../lib/ledger/ledger-rows';
import { METRIC_IDS, type MetricId } from '../lib/targets/metric';

/** What the filters hold; '' (or 0 for the year) is "all". */
export interface LedgerFilter {
  jurisdiction: string;
  metric: MetricId | '';
  year: number;
}

/** One point of the chart: a year's target (a range's bounds) and achieved figure, signed by direction. */
export interface ChartPoint {
  year: number;
  target: { low: number; high: number } | null;
  achieved: number | null;
}

/** The chart of one metric for one jurisdiction. */
export interface LedgerChart {
  jurisdiction: string;
  metric: MetricId;
  unit: string;
  points: ChartPoint[];
}

/** Everything the tab renders. */
export interface LedgerView {
  jurisdictions: string[];
  metrics: MetricId[];
  years: number[];
  /** Cells passing the filter, in the rows' order (jurisdiction, year, metric). */
  cells: LedgerComparison<AnchoredLedgerRow>[];
  /** The rows behind `cells` (target and achieved), for the export. */
  rows: AnchoredLedgerRow[];
  /** The filter's jurisdiction and metric, else those of the first cell; null when there are no cells. */
  chart: LedgerChart | null;
}

/** A row's value signed by its direction (a fall of 2.5% is −2.5). */
function signed(row: Pick<LedgerRow, 'direction'>, value: number): number {
  return row.direction === 'down' ? -value : value;
}

/** Whether a row passes the filter. */
function passes(
  row: { jurisdiction: string; metric: MetricId; year: number },
  filter: LedgerFilter,
): boolean {
  return (
    (filter.jurisdiction === '' || row.jurisdiction === filter.jurisdiction) &&
    (filter.metric === '' || row.metric === filter.metric) &&
    (filter.year === 0 || row.year === filter.year)
  );
}

/**
 * The chart's points for `metric` in `jurisdiction`, oldest year first, from every cell (not only
 * the filtered year): the target's bounds and the achieved figure, signed by direction. The unit is
 * the first figure's; figures in another unit (斤 against 吨) are left out.
 */
function buildChart(
  cells: readonly LedgerComparison[],
  jurisdiction: string,
  metric: MetricId,
): LedgerChart | null {
  let unit: string | null = null;
  const points: ChartPoint[] = [];
  for (const cell of cells) {
    if (cell.jurisdiction !== jurisdiction || cell.metric !== metric) continue;
    unit ??= (cell.target ?? cell.achieved)!.unit;
    const target = cell.target?.unit === unit ? cell.target : null;
    const achieved = cell.achieved?.unit === unit ? cell.achieved : null;
    if (!target && !achieved) continue;
    const low = target ? signed(target, target.value) : 0;
    const high = target ? signed(target, target.valueMax ?? target.value) : 0;
    points.push({
      year: cell.year,
      target: target ? { low: Math.min(low, high), high: Math.max(low, high) } : null,
      achieved: achieved ? signed(achieved, achieved.value) : null,
    });
  }
  points.sort((a, b) => a.year - b.year);
  return unit === null ? null : { jurisdiction, metric, unit, points };
}

/**
 * The tab's model for `rows` (the library's ledger rows, sorted) under `filter`: the choices of
 * each filter (all values in the rows, whatever is filtered), the filtered cells and rows, and the
 * chart. Linear in the rows, plus sorting the choices.
 */
export function buildLedgerView(
  rows: readonly AnchoredLedgerRow[],
  filter: LedgerFilter,
  all: readonly LedgerComparison<AnchoredLedgerRow>[] = compareLedger(rows),
): LedgerView {
  const jurisdictions = new Set<string>();
  const metrics = new Set<MetricId>();
  const years = new Set<number>();
  for (const row of rows) {
    jurisdictions.add(row.jurisdiction);
    metrics.add(row.metric);
    years.add(row.year);
  }
  const cells = all.filter((c) => passes(c, filter));
  const first = cells[0];
  const chartJurisdiction = filter.jurisdiction || first?.jurisdiction;
  const chartMetric = filter.metric || first?.metric;
  return {
    jurisdictions: [...jurisdictions].sort(new Intl.Collator('zh').compare),
    metrics: METRIC_IDS.filter((m) => metrics.has(m)),
    years: [...years].sort((a, b) => a - b),
    cells,
    rows: rows.filter((r) => passes(r, filter)),
    chart: chartJurisdiction && chartMetric ? buildChart(all, chartJurisdiction, chartMetric) : null,
  };
}
