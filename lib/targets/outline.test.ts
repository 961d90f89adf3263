import { describe, expect, it } from 'vitest';
import { analyzeText } from './analyze';
import { buildOutline } from './outline';

const REPORT = [
  '关于2025年国民经济和社会发展计划执行情况与2026年计划草案的报告',
  '一、2025年工作回顾',
  '全年地区生产总值增长5.2%，城镇新增就业20万人。',
  '二、2026年经济社会发展的主要目标',
  '（一）主要预期目标',
  '地区生产总值增长5%左右，城镇调查失业率5.5%左右。',
  '1.稳就业',
  '城镇新增就业18万人以上。',
  '（二）约束性指标',
  '单位国内生产总值能耗降低2.5%左右。',
].join('\n');

describe('buildOutline', () => {
  it('lists the sections with counts that include their subsections', () => {
    const targets = analyzeText(REPORT);
    const outline = buildOutline(REPORT, targets).map((s) => [s.level, s.title, s.targets, s.achieved]);
    expect(outline).toEqual([
      [1, '一、2025年工作回顾', 0, 2],
      [1, '二、2026年经济社会发展的主要目标', 4, 0],
      [2, '（一）主要预期目标', 3, 0],
      [3, '1.稳就业', 1, 0],
      [2, '（二）约束性指标', 1, 0],
    ]);
  });

  it('points each section at its heading and ignores quantities before the first one', () => {
    const text = '全年增长6%。\n一、目标\n增长5%左右。';
    const outline = buildOutline(text, [
      { start: text.indexOf('6%'), kind: 'achieved' },
      { start: text.indexOf('5%'), kind: 'target' },
    ]);
    expect(outline).toEqual([
      { level: 1, title: '一、目标', start: text.indexOf('一、'), targets: 1, achieved: 0 },
    ]);
  });

  it('a 1. straight under 一、 counts for it; no headings, no sections', () => {
    const text = '一、目标\n1.就业\n新增就业10万人以上。';
    expect(
      buildOutline(text, [{ start: text.indexOf('10万'), kind: 'target' }]).map((s) => s.targets),
    ).toEqual([1, 1]);
    expect(buildOutline('增长5%。', [{ start: 2, kind: 'target' }])).toEqual([]);
  });
});
