import { describe, expect, it } from 'vitest';
import { parseUiLanguageChoice, pickUiLocale, resolveUiLocale } from './locale';

describe('pickUiLocale', () => {
  it.each([
    ['zh-CN', 'zh-Hans'],
    ['zh', 'zh-Hans'],
    ['zh_CN', 'zh-Hans'],
    ['zh-SG', 'zh-Hans'],
    ['zh-Hans-SG', 'zh-Hans'],
    // The script subtag wins over the region: the three old pickers disagreed here.
    ['zh-Hans-HK', 'zh-Hans'],
    ['zh-Hant-CN', 'zh-Hant'],
    ['zh-TW', 'zh-Hant'],
    ['zh-HK', 'zh-Hant'],
    ['zh-MO', 'zh-Hant'],
    ['zh-Hant', 'zh-Hant'],
    ['ZH-tw', 'zh-Hant'],
    ['zh-yue-HK', 'zh-Hant'],
    ['yue', 'zh-Hant'],
    ['en-US', 'en'],
    ['fr', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ] as const)('%s → %s', (tag, locale) => {
    expect(pickUiLocale(tag)).toBe(locale);
  });
});

describe('resolveUiLocale', () => {
  it('follows the browser on auto and the reader otherwise', () => {
    expect(resolveUiLocale('auto', 'zh-TW')).toBe('zh-Hant');
    expect(resolveUiLocale('en', 'zh-TW')).toBe('en');
    expect(resolveUiLocale('zh-Hans', 'en-GB')).toBe('zh-Hans');
  });
  it('treats anything stored that is not a choice as auto', () => {
    expect(parseUiLanguageChoice('zh-Hant')).toBe('zh-Hant');
    for (const junk of [undefined, null, 'zh-TW', 3, {}]) expect(parseUiLanguageChoice(junk)).toBe('auto');
  });
});
