import { describe, expect, it } from 'vitest';
import { foldIndicator, isSameIndicator } from './eval-corpus-targets';

describe('foldIndicator', () => {
  it.each([
    ['地區生產總值增長', '地区生产总值'],
    ['國(guó)內(nèi)生產總值', '国内生产总值'],
    ['国内生产总值(GDP)', '国内生产总值'],
    ['「公屋综合轮候时间」', '公屋综合轮候时间'],
    // A verb of change says which way the figure moves, which `direction` scores.
    ['手术室增加', '手术室'],
    ['較他上任時增加', '较他上任时'],
    ['公屋輪候時間縮短', '公屋轮候时间'],
    ['单位国内生产总值能耗降低', '单位国内生产总值能耗'],
  ])('%s → %s', (indicator, folded) => {
    expect(foldIndicator(indicator)).toBe(folded);
  });
});

describe('isSameIndicator', () => {
  it.each<[string, string, boolean]>([
    // Same script on both sides, or one traditional and one simplified: folded alike.
    ['地區生產總值', '地区生产总值增长', true],
    ['全市地区生产总值', '地区生产总值', true],
    ['手术室', '手术室增加', true],
    // The phrase must end where the indicator ends.
    ['地区生产总值刚刚', '地区生产总值', false],
    ['中心城区', '中心城区城中村', false],
    // A one-character tail is not an indicator.
    ['值', '地区生产总值', false],
  ])('%s vs %s → %s', (found, gold, same) => {
    expect(isSameIndicator(found, gold)).toBe(same);
  });
});
