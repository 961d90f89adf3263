import { describe, expect, it } from 'vitest';
import { alignQuantities, isSameQuantity } from './align';
import { scoreTargets, type GoldLabel } from './score';

const q = (value: number, unit: string) => ({ value, unit });
const gold = (value: number, unit: string, kind: 'target' | 'achieved' = 'target'): GoldLabel => ({
  quote: `${value}${unit}`,
  value,
  unit,
  qualifier: '',
  indicator: '',
  kind,
});

describe('isSameQuantity', () => {
  it.each([
    [q(155000000, '平方米'), q(1.55 * 1e8, '平方米'), true],
    [q(5, '%'), q(5, '个百分点'), false],
    [q(5, '%'), q(5.1, '%'), false],
  ])('%j vs %j → %s', (a, b, same) => {
    expect(isSameQuantity(a, b)).toBe(same);
  });
});

describe('alignQuantities', () => {
  it('aligns in document order (longest common subsequence)', () => {
    const found = [q(5, '%'), q(18, '万'), q(180000, '人'), q(2, '%')];
    const labels = [q(5, '%'), q(180000, '人'), q(840, '斤'), q(2, '%')];
    expect(alignQuantities(found, labels)).toEqual([
      [0, 0],
      [2, 1],
      [3, 3],
    ]);
  });

  it('does not cross-match out of order', () => {
    expect(alignQuantities([q(1, '个'), q(2, '个')], [q(2, '个'), q(1, '个')])).toHaveLength(1);
  });
});

describe('scoreTargets', () => {
  it('computes precision, recall and kind accuracy over aligned pairs', () => {
    const found = [
      { quote: '5%', value: 5, unit: '%', kind: 'target' as const },
      { quote: '9件', value: 9, unit: '件', kind: 'target' as const },
      { quote: '2%', value: 2, unit: '%', kind: 'target' as const },
    ];
    const s = scoreTargets(found, [gold(5, '%'), gold(2, '%', 'achieved'), gold(840, '斤')]);
    expect(s).toMatchObject({ matched: 2, precision: 2 / 3, recall: 2 / 3, kindAccuracy: 0.5 });
    expect(s.falsePositives.map((t) => t.quote)).toEqual(['9件']);
    expect(s.falseNegatives.map((g) => g.quote)).toEqual(['840斤']);
  });
});
