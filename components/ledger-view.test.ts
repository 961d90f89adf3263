import { describe, expect, it } from 'vitest';
import type { AnchoredLedgerRow } from '../lib/ledger/ledger-rows';
import { buildLedgerView, indexLedger, type LedgerFilter } from './ledger-view';

/** A row with the fields the view reads. */
function row(
  jurisdiction: string,
  year: number,
  metric: AnchoredLedgerRow['metric'],
  kind: AnchoredLedgerRow['kind'],
  value: number,
  extra: Partial<AnchoredLedgerRow> = {},
): AnchoredLedgerRow {
  return {
    jurisdiction,
    level: 'province',
    year,
    metric,
    kind,
    value,
    valueMax: null,
    unit: '%',
    qualifier: kind === 'target' ? '左右' : '',
    direction: 'up',
    firmness: kind === 'target' ? 'soft' : null,
    quote: `${value}%`,
    title: '',
    source: 'https://example.gov.cn/',
    at: { start: 0, text: `${value}%` },
    ...extra,
  };
}

const ROWS = [
  row('四川省', 2024, 'gdp_growth', 'target', 6),
  row('四川省', 2024, 'gdp_growth', 'achieved', 5.7),
  row('四川省', 2025, 'gdp_growth', 'target', 5.5, { valueMax: 6 }),
  row('四川省', 2025, 'energy_intensity', 'target', 2.5, { direction: 'down', qualifier: '' }),
  row('内蒙古自治区', 2025, 'gdp_growth', 'achieved', 5.6),
];

describe('buildLedgerView', () => {
  it('lists every choice, pairs the cells and charts the first cell’s jurisdiction and metric', () => {
    const view = buildLedgerView(ROWS, { jurisdiction: '', metric: '', year: 0 });
    expect(view.jurisdictions).toEqual(['内蒙古自治区', '四川省']);
    expect(view.metrics).toEqual(['gdp_growth', 'energy_intensity']);
    expect(view.years).toEqual([2024, 2025]);
    expect(view.cells.map((c) => `${c.jurisdiction} ${c.year} ${c.metric} ${c.met}`)).toEqual([
      '四川省 2024 gdp_growth false',
      '四川省 2025 gdp_growth null',
      '四川省 2025 energy_intensity null',
      '内蒙古自治区 2025 gdp_growth null',
    ]);
    expect(view.chart).toEqual({
      jurisdiction: '四川省',
      metric: 'gdp_growth',
      unit: '%',
      points: [
        { year: 2024, target: { low: 6, high: 6 }, achieved: 5.7 },
        { year: 2025, target: { low: 5.5, high: 6 }, achieved: null },
      ],
    });
  });

  it('filters cells and export rows, keeps the choices, and charts a fall below zero', () => {
    const view = buildLedgerView(ROWS, { jurisdiction: '四川省', metric: 'energy_intensity', year: 0 });
    expect(view.jurisdictions).toHaveLength(2);
    expect(view.cells).toHaveLength(1);
    expect(view.rows.map((r) => r.quote)).toEqual(['2.5%']);
    expect(view.chart?.points).toEqual([{ year: 2025, target: { low: -2.5, high: -2.5 }, achieved: null }]);
    expect(buildLedgerView(ROWS, { jurisdiction: '', metric: '', year: 2030 })).toMatchObject({
      cells: [],
      rows: [],
      chart: null,
    });
  });

  it('pairs and indexes the rows once per rows array, whatever the filter', () => {
    const rows = [...ROWS];
    const index = indexLedger(rows);
    expect(indexLedger(rows)).toBe(index);
    expect(indexLedger([...ROWS])).not.toBe(index);
    const all = buildLedgerView(rows, { jurisdiction: '', metric: '', year: 0 });
    expect(all.cells).toBe(index.cells);
    expect(all.rows).toBe(rows);
    expect(all.total).toBe(4);
    // The chart of a jurisdiction and metric is built once, then read again.
    const filtered = buildLedgerView(rows, { jurisdiction: '四川省', metric: 'gdp_growth', year: 0 });
    expect(buildLedgerView(rows, { jurisdiction: '四川省', metric: 'gdp_growth', year: 2024 }).chart).toBe(
      filtered.chart,
    );
  });

  it('filters through the index exactly as a scan of every cell would', () => {
    const index = indexLedger(ROWS);
    const filters: LedgerFilter[] = [];
    for (const jurisdiction of ['', '四川省', '内蒙古自治区', '北京市'])
      for (const metric of ['', 'gdp_growth', 'energy_intensity', 'cpi'] as const)
        for (const year of [0, 2024, 2025, 2019]) filters.push({ jurisdiction, metric, year });
    for (const filter of filters) {
      const view = buildLedgerView(ROWS, filter);
      const scanned = index.cells.filter(
        (c) =>
          (!filter.jurisdiction || c.jurisdiction === filter.jurisdiction) &&
          (!filter.metric || c.metric === filter.metric) &&
          (!filter.year || c.year === filter.year),
      );
      expect(view.cells, JSON.stringify(filter)).toEqual(scanned);
      const passes = (r: AnchoredLedgerRow) =>
        (!filter.jurisdiction || r.jurisdiction === filter.jurisdiction) &&
        (!filter.metric || r.metric === filter.metric) &&
        (!filter.year || r.year === filter.year);
      expect(view.rows, JSON.stringify(filter)).toEqual(ROWS.filter(passes));
    }
  });
});
