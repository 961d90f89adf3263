import { describe, expect, it } from 'vitest';
import { createSectionLookup, findHeadings } from './sections';

const REPORT = [
  '政府工作報告',
  '一、過去五年工作回顧',
  '累計造林3700多萬畝。',
  '二、關于今后五年發展',
  '三、2023年重點工作任務',
  '（一）努力實現“開門穩、開門紅”。去年一季度全區經濟增長5.8%。',
  '附件',
  '一、促進群眾就業增收7件',
  '1. 實施離校未就業高校畢業生實名制幫扶行動，確保年末就業率達到90%以上。',
].join('\n');

describe('findHeadings', () => {
  it('finds 一、 / （一） / 1. headings with their levels and titles', () => {
    expect(findHeadings(REPORT).map((h) => [h.level, h.title])).toEqual([
      [1, '一、過去五年工作回顧'],
      [1, '二、關于今后五年發展'],
      [1, '三、2023年重點工作任務'],
      [2, '（一）努力實現“開門穩、開門紅”'],
      [1, '一、促進群眾就業增收7件'],
      [3, '1. 實施離校未就業高校畢業生實名制幫扶行動，確保年末就業率達到90%以上'],
    ]);
  });

  it.each([
    ['ideographic spaces', '\u3000\u3000（二）持续扩大有效需求', 2, 2],
    ['a tab and spaces', '\t 2、加快建设农牧业强区', 3, 2],
    ['blank and whitespace-only lines before it', '\n \n\u3000\n 一、主要预期目标', 1, 6],
  ])('finds a heading after indentation (%s), starting at its marker', (_name, text, level, start) => {
    expect(findHeadings(text).map((h) => [h.level, h.start])).toEqual([[level, start]]);
  });

  it.each(['3.5%左右；居民收入', '2020年是全面建成小康社会', '十四届人大五次会议'])(
    'does not take %j for a heading',
    (line) => {
      expect(findHeadings(line)).toEqual([]);
    },
  );
});

describe('createSectionLookup', () => {
  const sectionAt = createSectionLookup(REPORT);
  it.each([
    ['3700', '一、過去五年工作回顧', true],
    ['5.8%', '三、2023年重點工作任務 > （一）努力實現“開門穩、開門紅”', false],
    [
      '90%',
      '一、促進群眾就業增收7件 > 1. 實施離校未就業高校畢業生實名制幫扶行動，確保年末就業率達到90%以上',
      false,
    ],
  ])('%s lies in %s (review: %s)', (needle, path, review) => {
    const info = sectionAt(REPORT.indexOf(needle));
    expect(info.path).toBe(path);
    expect(info.review).toBe(review);
    expect(info.inHeadingLine).toBe(false);
  });

  it('marks a number inside a title-only top-level heading line', () => {
    expect(sectionAt(REPORT.indexOf('7件')).inHeadingLine).toBe(true);
  });

  it('gives an empty path before the first heading', () => {
    expect(sectionAt(0)).toEqual({ path: '', review: false, inHeadingLine: false });
  });
});

describe('a plan-execution report', () => {
  const PLAN = [
    '关于2022年国民经济和社会发展计划执行情况与2023年国民经济和社会发展计划草案的报告',
    '一、2022年国民经济和社会发展计划执行情况',
    '全年实现地区生产总值增长5.9%。',
    '二、2023年国民经济和社会发展计划草案',
    '地区生产总值增长6%左右。',
    '三、2023年计划执行情况的预期目标',
    '城镇新增就业2万人。',
  ].join('\n');
  const sectionAt = createSectionLookup(PLAN);

  it.each([
    ['5.9%', true],
    ['6%', false],
    ['2万人', false],
  ])('%s lies in a review: %s', (needle, review) => {
    expect(sectionAt(PLAN.indexOf(needle)).review).toBe(review);
  });
});
