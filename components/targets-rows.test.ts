import { describe, expect, it } from 'vitest';
import { getT2s } from '../lib/anchor/t2s';
import { analyzeText } from '../lib/targets/analyze';
import { buildRows, filterRows, listSections, sortRows } from './targets-rows';

const PLAN = [
  '一、2025年工作回顾',
  '全年地区生产总值增长5.2%，城镇新增就业20万人。',
  '二、2026年主要目标',
  '（一）预期性指标',
  '地区生产总值增长5%左右，城镇新增就业18万人以上。',
  '（二）约束性指标',
  '单位国内生产总值能耗降低2.5%左右，社会消费品零售总额突破20000亿元。',
].join('\n');

const rows = buildRows(analyzeText(PLAN));
const t2s = getT2s();
const quotes = (list: { target: { quote: string } }[]) => list.map((r) => r.target.quote);

describe('filterRows', () => {
  it.each<[string, Parameters<typeof filterRows>[1], string[]]>([
    ['kind', { kind: 'achieved', section: '', text: '' }, ['5.2%', '20万人']],
    [
      'section and its subsections',
      { kind: '', section: '二、2026年主要目标', text: '' },
      ['5%', '18万人', '2.5%', '20000亿元'],
    ],
    [
      'a subsection',
      { kind: '', section: '二、2026年主要目标 > （二）约束性指标', text: '' },
      ['2.5%', '20000亿元'],
    ],
    [
      'traditional text finds simplified',
      { kind: '', section: '', text: '城鎮新增就業' },
      ['20万人', '18万人'],
    ],
    ['normal form', { kind: '', section: '', text: '2万亿' }, ['20000亿元']],
    ['kind and text', { kind: 'target', section: '', text: '地區生產總值' }, ['5%']],
  ])('%s', (_, filter, expected) => {
    expect(quotes(filterRows(rows, filter, t2s))).toEqual(expected);
  });
});

describe('sortRows', () => {
  it('sorts by value, stable, and back to page order', () => {
    const byValue = sortRows(rows, { column: 'normal', descending: true });
    expect(quotes(byValue)).toEqual(['20000亿元', '20万人', '18万人', '5.2%', '5%', '2.5%']);
    expect(quotes(sortRows(byValue, { column: 'index', descending: false }))).toEqual(quotes(rows));
    const byKind = sortRows(rows, { column: 'kind', descending: false });
    expect(byKind.map((r) => r.target.kind)).toEqual([
      'achieved',
      'achieved',
      'target',
      'target',
      'target',
      'target',
    ]);
    expect(byKind.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('lists top-level sections once, in page order', () => {
    expect(listSections(rows)).toEqual(['一、2025年工作回顾', '二、2026年主要目标']);
  });
});
