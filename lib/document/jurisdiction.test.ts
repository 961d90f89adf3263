import { describe, expect, it } from 'vitest';
import { findJurisdiction, readLevel } from './jurisdiction';

describe('findJurisdiction', () => {
  it.each([
    ['内蒙古自治区人民政府关于下达2026年自治区国民经济和社会发展计划的通知', '内蒙古自治区'],
    ['四川省人民政府关于印发四川省2025年稳经济行动方案的通知', '四川省'],
    ['呼和浩特市人民政府关于印发…的通知', '呼和浩特市'],
    ['内蒙古自治区呼和浩特市人民政府办公室', '呼和浩特市'],
    ['2024年呼和浩特市政府工作报告', '呼和浩特市'],
    ['鄂尔多斯市第五届人民代表大会', '鄂尔多斯市'],
    ['国务院关于印发“十四五”节能减排综合工作方案的通知', '国务院'],
    ['第十四届全国人民代表大会第二次会议', '国务院'],
    ['北京市国民经济和社会发展第十五个五年规划纲要', '北京市'],
    ['香港特别行政区政府', '香港特别行政区'],
    ['內蒙古:加快大型風光基地', null], // traditional: callers fold first
    ['内蒙古:加快大型风光基地和源网荷储项目建设', '内蒙古自治区'],
    ['新疆维吾尔自治区人民政府', '新疆维吾尔自治区'],
    ['自治区人民政府发布通知', null], // "the region" names nobody
    ['政府工作报告', null],
    // A bare name: a provincial one is known by its full name; a prefecture's is not taken, since
    // nothing lists prefecture names and headings of the same shape are common in plans.
    ['内蒙古自治区', '内蒙古自治区'],
    ['北京市', '北京市'],
    ['呼和浩特市', null],
    ['海绵城市', null],
    ['国家生态文明先行示范区', null],
  ])('%s → %s', (text, jurisdiction) => {
    expect(findJurisdiction(text)).toBe(jurisdiction);
  });
});

describe('readLevel', () => {
  it.each([
    ['国务院', 'national'],
    ['北京市', 'province'],
    ['重庆市', 'province'],
    ['内蒙古自治区', 'province'],
    ['澳门特别行政区', 'province'],
    ['呼和浩特市', 'city'],
    ['锡林郭勒盟', 'city'],
    ['延边朝鲜族自治州', 'city'],
    ['托克托县', 'county'],
    ['鄂托克前旗', 'county'],
    ['赛罕区', 'county'],
    ['某某', null],
  ])('%s → %s', (jurisdiction, level) => {
    expect(readLevel(jurisdiction)).toBe(level);
  });
});
