import { describe, expect, it } from 'vitest';
import { pickUiLocale, uiStrings } from './ui-strings';

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
