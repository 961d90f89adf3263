import { describe, expect, it } from 'vitest';
import type { MetricId } from '../targets/metric';
import type { Direction } from '../targets/target';
import { compareLedger, isTargetMet } from './compare';
import type { LedgerRow } from './ledger-rows';

/** A row with the fields comparison reads; the rest are fixed. */
function row(
  kind: LedgerRow['kind'],
  metric: MetricId,
  value: number,
  qualifier = '',
  direction: Direction | null = null,
  valueMax: number | null = null,
  unit = '%',
): LedgerRow {
  return {
    jurisdiction: '内蒙古自治区',
    level: 'province',
    year: 2025,
    metric,
    kind,
    value,
    valueMax,
    unit,
    qualifier,
    direction,
    firmness: null,
    quote: `${value}${unit}`,
    title: '',
    source: '',
  };
}

describe('isTargetMet', () => {
  it.each<[string, LedgerRow, LedgerRow, boolean | null]>([
    [
      '增长5.5%左右 → 增长5.6%',
      row('target', 'gdp_growth', 5.5, '左右', 'up'),
      row('achieved', 'gdp_growth', 5.6, '', 'up'),
      true,
    ],
    [
      '增长5.5%左右 → 增长5.4%',
      row('target', 'gdp_growth', 5.5, '左右', 'up'),
      row('achieved', 'gdp_growth', 5.4, '', 'up'),
      false,
    ],
    [
      '增长6%左右 → 增长4%以上',
      row('target', 'gdp_growth', 6, '左右', 'up'),
      row('achieved', 'gdp_growth', 4, '以上', 'up'),
      false,
    ],
    [
      '增长5%—6% → 增长5.2%',
      row('target', 'gdp_growth', 5, '', 'up', 6),
      row('achieved', 'gdp_growth', 5.2, '', 'up'),
      true,
    ],
    [
      '增长3% → 下降1%',
      row('target', 'foreign_trade_growth', 3, '', 'up'),
      row('achieved', 'foreign_trade_growth', 1, '', 'down'),
      false,
    ],
    [
      '失业率控制在5.5%以内 → 5.2%',
      row('target', 'urban_unemployment', 5.5, '以内'),
      row('achieved', 'urban_unemployment', 5.2),
      true,
    ],
    [
      '失业率5.5%左右 → 5.6%',
      row('target', 'urban_unemployment', 5.5, '左右'),
      row('achieved', 'urban_unemployment', 5.6),
      false,
    ],
    [
      '物价涨幅3%左右 → 上涨0.3%',
      row('target', 'cpi', 3, '左右'),
      row('achieved', 'cpi', 0.3, '', 'up'),
      true,
    ],
    [
      '能耗降低3% → 降低2.5%',
      row('target', 'energy_intensity', 3, '', 'down'),
      row('achieved', 'energy_intensity', 2.5, '', 'down'),
      false,
    ],
    [
      '能耗降低3% → 降低3.2%',
      row('target', 'energy_intensity', 3, '', 'down'),
      row('achieved', 'energy_intensity', 3.2, '', 'down'),
      true,
    ],
    [
      '新增就业18万人以上 → 19.6万人',
      row('target', 'urban_new_jobs', 180000, '以上', null, null, '人'),
      row('achieved', 'urban_new_jobs', 196000, '', null, null, '人'),
      true,
    ],
    [
      '粮食产量超过840亿斤 → 843.2亿斤',
      row('target', 'grain_output', 84e9, '超过', null, null, '斤'),
      row('achieved', 'grain_output', 84.32e9, '', null, null, '斤'),
      true,
    ],
    [
      '粮食 斤 against 吨: not comparable',
      row('target', 'grain_output', 84e9, '', null, null, '斤'),
      row('achieved', 'grain_output', 4e7, '', null, null, '吨'),
      null,
    ],
  ])('%s', (_, target, achieved, met) => {
    expect(isTargetMet(target, achieved)).toBe(met);
  });
});

describe('compareLedger', () => {
  it('pairs target and achieved per (jurisdiction, year, metric) and leaves a lone side unmet', () => {
    const target = row('target', 'gdp_growth', 5, '左右', 'up');
    const achieved = row('achieved', 'gdp_growth', 5.6, '', 'up');
    const lone = row('target', 'cpi', 2, '左右');
    expect(compareLedger([target, achieved, lone])).toEqual([
      { jurisdiction: '内蒙古自治区', year: 2025, metric: 'gdp_growth', target, achieved, met: true },
      { jurisdiction: '内蒙古自治区', year: 2025, metric: 'cpi', target: lone, achieved: null, met: null },
    ]);
  });
});
