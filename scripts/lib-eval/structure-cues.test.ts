import { describe, expect, it } from 'vitest';
import { isListLine, isSectionLine, readStructure, STRUCTURE_IDS } from './structure-cues';

describe('isSectionLine', () => {
  it.each([
    ['一、2024年工作回顾', true],
    ['十二、着力加强政府自身建设', true],
    ['（一）经济运行稳中有进', true],
    ['(二)采取有效措施稳经济保就业保民生', true],
    ['第三章 主要目标', true],
    ['一年来,我们全力攻坚打硬仗', false],
    ['二是改革开放迈出新步伐', false],
    ['2019年是信陽發展史上具有里程碑意義的一年', false],
  ])('%s → %s', (line, expected) => {
    expect(isSectionLine(line)).toBe(expected);
  });
});

describe('isListLine', () => {
  it.each([
    ['1. 該計畫共訂定250項施政目標及471項關鍵績效指標', true],
    ['2、推进消费升级', true],
    ['①城镇新增就业1200万人左右', true],
    ['2020年上海将全面推进三项新的重大战略任务', false],
  ])('%s → %s', (line, expected) => {
    expect(isListLine(line)).toBe(expected);
  });
});

describe('readStructure', () => {
  it('measures sections, enumerations, the first target and the share of target sentences', () => {
    const text = [
      '一、今年主要预期目标',
      '地区生产总值增长5%左右。城镇新增就业1200万人以上。',
      '二、重点工作',
      '一是扩大内需,二是稳定外需。',
    ].join('\n');
    const values = readStructure(text);
    expect(values).toHaveLength(STRUCTURE_IDS.length);
    expect(values[0]).toBeCloseTo(Math.log2(3), 6); // two section lines
    expect(values[1]).toBeCloseTo(Math.log2(3), 6); // 一是, 二是
    expect(values[2]).toBeGreaterThan(0.9); // a target within the first 50 characters
    // Folding drops line breaks, so a heading joins the sentence after it: 2 of 3 sentences.
    expect(values[3]).toBeCloseTo((3 * 2) / 3, 6);
  });

  it('gives zeros to a text without structure or targets', () => {
    expect(readStructure('人大代表们分组审议了政府工作报告')).toEqual([0, 0, 0, 0, 0]);
  });
});
