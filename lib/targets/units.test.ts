import { describe, expect, it } from 'vitest';
import { matchUnit } from './units';

describe('matchUnit', () => {
  it.each([
    ['新建20个500千伏输变电工程', '500', '千伏'],
    ['消纳新能源2000亿千瓦时以上', '2000亿', '千瓦时'],
    ['节能改造400万千瓦左右', '400万', '千瓦'],
    ['能耗下降2.5个百分点', '2.5', '个百分点'],
    ['城镇新增就业18万人以上', '18万', '人'],
    ['开展政府补贴性职业技能培训25萬人次', '25萬', '人次'],
    ['力争并网装机25GW以上', '25', 'GW'],
    ['发电2.9萬億度', '2.9萬億', '度'],
    ['煤炭产量12.2億噸', '12.2億', '噸'],
    ['新建改扩建牲畜棚圈500万平方米以上', '500万', '平方米'],
    ['新增煤制气产能25.3亿立方米', '25.3亿', '立方米'],
    ['制氢设备产能达到250臺套', '250', '臺套'],
    ['实施15條国省干线', '15', '條'],
    ['出栏数分别达到180万头', '180万', '头'],
    ['地区生产总值增长5%左右', '5', '%'],
  ])('%s: unit after %s is %s', (sentence, number, unit) => {
    const at = sentence.indexOf(number) + number.length;
    expect(matchUnit(sentence, at)).toBe(unit);
  });

  it.each([
    ['推进5G通信网络建设', '5'],
    ['2026年是“十五五”开局之年', '2026'],
    ['内政发〔2026〕5号', '5'],
    ['60岁以上老年人', '60'],
    ['地铁2号线', '2'],
  ])('%s: no unit after %s', (sentence, number) => {
    expect(matchUnit(sentence, sentence.indexOf(number) + number.length)).toBe('');
  });
});
