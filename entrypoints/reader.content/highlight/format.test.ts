import { describe, expect, it } from 'vitest';
import { formatQuantity } from './format';

describe('formatQuantity', () => {
  it.each([
    // 城镇新增就业22万人以上 (seed 000)
    [{ value: 220000, unit: '人' }, '220000 人', '22万人'],
    // 地区生产总值增长6%左右 (seed 000)
    [{ value: 6, unit: '%' }, '6%', '6%'],
    // 煤制气产能达到25.3亿立方米 (seed 000)
    [{ value: 2530000000, unit: '立方米' }, '2530000000 立方米', '25.3亿立方米'],
    // 中欧班列争取开行260列 (seed 000)
    [{ value: 260, unit: '列' }, '260 列', '260列'],
    // 增长4.5%—5% (a range)
    [{ value: 4.5, valueMax: 5, unit: '%' }, '4.5–5%', '4.5–5%'],
    // 150万吨 with float noise in the value
    [{ value: 1500000.0000001, unit: '吨' }, '1500000 吨', '150万吨'],
    // A count with no unit
    [{ value: 12, unit: '' }, '12', '12'],
  ])('writes %o as %s and %s', (target, plain, chinese) => {
    expect(formatQuantity(target)).toEqual({ plain, chinese });
  });
});
