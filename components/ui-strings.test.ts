import { describe, expect, it } from 'vitest';
import { FEATURE_IDS } from '../lib/detect/features';
import { describeReason, pickUiLocale, uiStrings } from './ui-strings';

describe('pickUiLocale', () => {
  it.each([
    ['zh-CN', 'zh-Hans'],
    ['zh', 'zh-Hans'],
    ['zh_CN', 'zh-Hans'],
    ['zh-Hans-SG', 'zh-Hans'],
    ['zh-TW', 'zh-Hant'],
    ['zh-HK', 'zh-Hant'],
    ['zh-Hant', 'zh-Hant'],
    ['ZH-tw', 'zh-Hant'],
    ['en-US', 'en'],
    ['fr', 'en'],
    ['', 'en'],
  ] as const)('%s → %s', (tag, locale) => {
    expect(pickUiLocale(tag)).toBe(locale);
  });
});

describe('uiStrings', () => {
  it('speaks each language', () => {
    expect(uiStrings('zh-Hans').t('highlightSwitch')).toBe('在此页面高亮目标');
    expect(uiStrings('zh-Hant').t('highlightSwitch')).toBe('在此頁面標示目標');
    expect(uiStrings('en').t('highlightSwitch')).toBe('Highlight targets on this page');
  });
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(uiStrings('en').format('cardPosition', { n: 3, total: 12 })).toBe('3 of 12');
    expect(uiStrings('zh-Hans').format('cardPosition', { n: 3 })).toBe('第 3 个，共 {total} 个');
  });
});

describe('describeReason', () => {
  it.each([
    ['en', 'lead-work-report', 'The page calls itself a government work report'],
    ['zh-Hans', 'lead-work-report', '页面自称政府工作报告'],
    ['zh-Hant', '-lead-statistics', '反向：頁面是統計公報'],
    ['en', '-procedure-wording', 'against: The text is about congress proceedings (review, vote)'],
    ['en', 'some-future-cue', 'some-future-cue'],
  ] as const)('%s %s → %s', (locale, signal, expected) => {
    expect(describeReason(uiStrings(locale), signal)).toBe(expected);
  });

  it('words every reason the detector can give, in every language', () => {
    const ids = [...FEATURE_IDS, 'mostly-links', 'no-chinese-text'];
    for (const locale of ['en', 'zh-Hans', 'zh-Hant'] as const) {
      const strings = uiStrings(locale);
      for (const id of ids) expect(describeReason(strings, id), `${locale} ${id}`).not.toBe(id);
    }
  });
});
