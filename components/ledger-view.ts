/**
 * The Ledger tab's model, without React: the filters' choices, the filtered cells (target beside
 * achieved, met or not) and the chart's series, from the library's ledger rows. Pure, so the
 * benchmark and tests measure exactly what the tab computes.
 *
 * @module
 */
import { compareLedger, type LedgerComparison } from '../lib/ledger/compare';
import { compareJurisdictionNames, type AnchoredLedgerRow, type LedgerRow } from '../lib/ledger/ledger-rows';
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
  cells: readonly LedgerComparison<AnchoredLedgerRow>[];
  /** How many cells there are without the filter. */
  total: number;
  /** The rows behind `cells` (target and achieved), for the export. */
  rows: readonly AnchoredLedgerRow[];
  /** The filter's jurisdiction and metric, else those of the first cell; null when there are no cells. */
  chart: LedgerChart | null;
}

/** A row's value signed by its direction (a fall of 2.5% is −2.5). */
function signed(row: Pick<LedgerRow, 'direction'>, value: number): number {
  return row.direction === 'down' ? -value : value;
}

/** Whether a cell passes the filter. */
function passes(
  cell: { jurisdiction: string; metric: MetricId; year: number },
  filter: LedgerFilter,
): boolean {
  return (
    (filter.jurisdiction === '' || cell.jurisdiction === filter.jurisdiction) &&
    (filter.metric === '' || cell.metric === filter.metric) &&
    (filter.year === 0 || cell.year === filter.year)
  );
}

/**
 * Everything about the rows that does not depend on the filter, built once per rows array: the
 * paired cells, the filters' choices, the cells of each jurisdiction, metric and year (in the
 * cells' order), and the charts built so far.
 */
export interface LedgerIndex {
  cells: readonly LedgerComparison<AnchoredLedgerRow>[];
  jurisdictions: string[];
  metrics: MetricId[];
  years: number[];
  byJurisdiction: ReadonlyMap<string, readonly LedgerComparison<AnchoredLedgerRow>[]>;
  byMetric: ReadonlyMap<MetricId, readonly LedgerComparison<AnchoredLedgerRow>[]>;
  byYear: ReadonlyMap<number, readonly LedgerComparison<AnchoredLedgerRow>[]>;
  /** Charts by `jurisdiction\u0000metric`, built on first need. */
  charts: Map<string, LedgerChart | null>;
}

const indexes = new WeakMap<readonly AnchoredLedgerRow[], LedgerIndex>();

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The {@link LedgerIndex} of `rows`, built in one pass over the paired cells and kept for as long as
 * the same array is alive: a filter change re-reads the index instead of pairing and scanning the
 * rows again. The rows must not be changed once indexed (the library hands out a new array on
 * every change).
 */
export function indexLedger(rows: readonly AnchoredLedgerRow[]): LedgerIndex {
  const held = indexes.get(rows);
  if (held) return held;
  const cells = compareLedger(rows);
  const byJurisdiction = new Map<string, LedgerComparison<AnchoredLedgerRow>[]>();
  const byMetric = new Map<MetricId, LedgerComparison<AnchoredLedgerRow>[]>();
  const byYear = new Map<number, LedgerComparison<AnchoredLedgerRow>[]>();
  for (const cell of cells) {
    pushTo(byJurisdiction, cell.jurisdiction, cell);
    pushTo(byMetric, cell.metric, cell);
    pushTo(byYear, cell.year, cell);
  }
  const index: LedgerIndex = {
    cells,
    jurisdictions: [...byJurisdiction.keys()].sort(compareJurisdictionNames),
    metrics: METRIC_IDS.filter((m) => byMetric.has(m)),
    years: [...byYear.keys()].sort((a, b) => a - b),
    byJurisdiction,
    byMetric,
    byYear,
    charts: new Map(),
  };
  indexes.set(rows, index);
  return index;
}

/**
 * The chart's points for `metric` in `jurisdiction`, oldest year first, from every cell of the
 * jurisdiction (not only the filtered year): the target's bounds and the achieved figure, signed by
 * direction. The unit is the first figure's; figures in another unit (斤 against 吨) are left out.
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

/** The chart of `metric` in `jurisdiction` from the index, built once. */
function chartOf(index: LedgerIndex, jurisdiction: string, metric: MetricId): LedgerChart | null {
  const key = `${jurisdiction}\u0000${metric}`;
  if (!index.charts.has(key)) {
    index.charts.set(key, buildChart(index.byJurisdiction.get(jurisdiction) ?? [], jurisdiction, metric));
  }
  return index.charts.get(key)!;
}

/**
 * The tab's model for `rows` (the library's ledger rows, sorted) under `filter`: the choices of
 * each filter (all values in the rows, whatever is filtered), the filtered cells and their rows
 * (target first, then achieved, cell by cell: the rows' own order when they are sorted), and the
 * chart. The rows are paired and indexed once ({@link indexLedger}); a filter then reads only the
 * smallest of its jurisdiction's, metric's or year's cells, and without a filter nothing is copied.
 */
export function buildLedgerView(rows: readonly AnchoredLedgerRow[], filter: LedgerFilter): LedgerView {
  const index = indexLedger(rows);
  const lists: (readonly LedgerComparison<AnchoredLedgerRow>[])[] = [];
  if (filter.jurisdiction !== '') lists.push(index.byJurisdiction.get(filter.jurisdiction) ?? []);
  if (filter.metric !== '') lists.push(index.byMetric.get(filter.metric) ?? []);
  if (filter.year !== 0) lists.push(index.byYear.get(filter.year) ?? []);
  let cells: readonly LedgerComparison<AnchoredLedgerRow>[] = index.cells;
  let shownRows: readonly AnchoredLedgerRow[] = rows;
  if (lists.length > 0) {
    const smallest = lists.reduce((a, b) => (b.length < a.length ? b : a));
    cells = lists.length === 1 ? smallest : smallest.filter((c) => passes(c, filter));
    shownRows = cells.flatMap((c) =>
      c.target && c.achieved ? [c.target, c.achieved] : [(c.target ?? c.achieved)!],
    );
  }
  const first = cells[0];
  const chartJurisdiction = filter.jurisdiction || first?.jurisdiction;
  const chartMetric = filter.metric || first?.metric;
  return {
    jurisdictions: index.jurisdictions,
    metrics: index.metrics,
    years: index.years,
    cells,
    total: index.cells.length,
    rows: shownRows,
    chart: chartJurisdiction && chartMetric ? chartOf(index, chartJurisdiction, chartMetric) : null,
  };
}
