import { describe, expect, it } from 'vitest';
import { foldRadicals } from './radicals';

describe('foldRadicals', () => {
  it.each([
    // Lines of the 2026 plan as Chromium's print to PDF maps them back.
    ['城镇新增就业18万⼈以上', '城镇新增就业18万人以上'],
    [
      '居⺠消费价格涨幅2%左右；居⺠收⼊增⻓与经济增⻓同步',
      '居民消费价格涨幅2%左右；居民收入增长与经济增长同步',
    ],
    ['粮⻝产量超过840亿⽄', '粮食产量超过840亿斤'],
    ['持续防范化解重点领域⻛险', '持续防范化解重点领域风险'],
    ['阝⻖竹⺮', '阝⻖竹⺮'],
    ['地区生产总值增长5%左右', '地区生产总值增长5%左右'],
  ])('%s', (pdf, expected) => {
    const folded = foldRadicals(pdf);
    expect(folded).toBe(expected);
    expect(folded).toHaveLength(pdf.length);
  });
});
