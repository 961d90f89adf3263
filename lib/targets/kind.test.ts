import { describe, expect, it } from 'vitest';
import { classifyKind } from './kind';

describe('classifyKind', () => {
  it.each([
    ['地区生产总值增长5%', false, 'target'],
    ['力争口岸货运量达到1.4亿吨', false, 'target'],
    ['去年一季度全區經濟增長5.8%', false, 'achieved'],
    ['自治區已經下放了679項', false, 'achieved'],
    ['一年來,我們堅持育產業、換動能,建成全產業鏈項目140個', false, 'achieved'],
    ['主要指标比上年增长6%', false, 'target'],
    ['推進乳肉制品網絡銷售雙百億專項行動,力爭網絡零售額突破600億元', false, 'target'],
    ['累計造林3700多萬畝', true, 'achieved'],
    ['地區生產總值從1.5萬億元', true, 'achieved'],
    ['預計地區生產總值增長4%', true, 'achieved'],
    ['力争明年完成投资6300亿元', true, 'target'],
    ['圆满完成全年目标任务，地区生产总值增长5.5%', true, 'achieved'],
    ['预期今年增长6%', true, 'target'],
    ['全年粮食产量增长了3.2%', false, 'achieved'],
    ['将新建幼儿园204所', false, 'target'],
  ] as const)('%s (review: %s) → %s', (sentence, review, kind) => {
    expect(classifyKind(sentence, review)).toBe(kind);
  });
});

describe('classifyKind: the last cue wins', () => {
  it.each([
    ['去年一季度全區經濟增長5.8%', 'achieved'],
    ['去年一季度全區經濟增長5.8%，今年力爭地區生產總值增長6%', 'target'],
    ['今年以来完成投资300亿元', 'achieved'],
  ] as const)('%s → %s', (sentence, kind) => {
    expect(classifyKind(sentence, false)).toBe(kind);
  });
});
