import { describe, expect, it } from 'vitest';
import { analyzeText } from './analyze';
import { formatNormalQuantity, formatNormalValue } from './normal-form';

describe('formatNormalValue', () => {
  it.each<[number, string]>([
    [84_000_000_000, '840亿'],
    [2_000_000_000_000, '2万亿'],
    [1602, '1,602'],
    [12_345, '12,345'], // 1.2345万 would need four decimals: digits read better
    [180_000, '18万'],
    [12_000_000, '1200万'], // never 0.12亿
    [2_530_000_000, '25.3亿'],
    [15_000_000_000_000, '15万亿'],
    [5.8, '5.8'],
    [0.1 + 0.2, '0.3'],
    [-2.5, '-2.5'],
    [-180_000, '-18万'],
    [Number.NaN, 'NaN'],
  ])('%d → %s', (value, expected) => {
    expect(formatNormalValue(value)).toBe(expected);
  });
});

describe('formatNormalQuantity on real sentences', () => {
  it.each<[string, string[]]>([
    ['社会消费品零售总额突破20000亿元，常住人口城镇化率提高到60%。', ['2万亿元', '60%']],
    ['城镇新增就业1200万人以上，全年进出口总额4.5%—5%。', ['1200万人', '4.5–5%']],
    ['粮食产量超过840亿斤。', ['840亿斤']],
  ])('%s', (sentence, expected) => {
    expect(analyzeText(sentence).map(formatNormalQuantity)).toEqual(expected);
  });

  it('writes a value in base units the way Chinese does, and equal range ends once', () => {
    expect(formatNormalQuantity({ value: 84_000_000_000, unit: '斤' })).toBe('840亿斤');
    expect(formatNormalQuantity({ value: 1602, unit: '个' })).toBe('1,602个');
    expect(formatNormalQuantity({ value: 5, valueMax: 5, unit: '%' })).toBe('5%');
    expect(formatNormalQuantity({ value: 3, unit: '' })).toBe('3');
  });
});
