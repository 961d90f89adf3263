import { describe, expect, it } from 'vitest';
import { convertStrings, pickUiLanguage } from './labels';

describe('pickUiLanguage', () => {
  it.each([
    ['zh-CN', 'zh-Hans'],
    ['zh_TW', 'zh-Hant'],
    ['zh-HK', 'zh-Hant'],
    ['zh-Hant', 'zh-Hant'],
    ['zh', 'zh-Hans'],
    ['en-US', 'en'],
    [undefined, 'en'],
  ] as const)('%s → %s', (tag, language) => {
    expect(pickUiLanguage(tag)).toBe(language);
  });

  it('names the targets as the issue asks', () => {
    expect(Object.values(convertStrings('zh-Hant').targets).slice(0, 4)).toEqual([
      '簡體',
      '繁體（臺灣）',
      '繁體（香港）',
      '繁體（臺灣用語）',
    ]);
    expect(convertStrings('en').targets.hk).toBe('Traditional (Hong Kong)');
    expect(convertStrings('zh-Hans').targets.original).toBe('原文');
  });
});
