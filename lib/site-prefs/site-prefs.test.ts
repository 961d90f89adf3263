import { describe, expect, it } from 'vitest';
import { sitePrefKeys, sitePrefsOf } from './site-prefs';

const HOST = 'www.nmg.gov.cn';

describe('sitePrefsOf', () => {
  it.each([
    ['nothing stored', {}, { highlight: 'auto', scriptRemembered: false }],
    [
      'always on',
      { 'site-choice:www.nmg.gov.cn': 'always' },
      { highlight: 'always', scriptRemembered: false },
    ],
    [
      'a malformed choice',
      { 'site-choice:www.nmg.gov.cn': 'sometimes' },
      { highlight: 'auto', scriptRemembered: false },
    ],
    [
      '繁體（香港） remembered',
      { 'convert:settings': { sites: { [HOST]: { target: 'hk', hidePinyin: false } } } },
      { highlight: 'auto', scriptRemembered: true },
    ],
    [
      'original with pinyin kept (changes nothing)',
      { 'convert:settings': { sites: { [HOST]: { target: 'original', hidePinyin: false } } } },
      { highlight: 'auto', scriptRemembered: false },
    ],
    [
      'original with pinyin hidden',
      { 'convert:settings': { sites: { [HOST]: { target: 'original', hidePinyin: true } } } },
      { highlight: 'auto', scriptRemembered: true },
    ],
    [
      'a default for plan pages only (not this site’s own choice)',
      { 'convert:settings': { sites: {}, defaultTarget: 'tw' } },
      { highlight: 'auto', scriptRemembered: false },
    ],
    [
      'another site’s choices',
      {
        'site-choice:www.gov.cn': 'never',
        'convert:settings': { sites: { 'www.gov.cn': { target: 'tw', hidePinyin: false } } },
      },
      { highlight: 'auto', scriptRemembered: false },
    ],
  ])('%s', (_, entries, expected) => {
    expect(sitePrefsOf(entries, HOST)).toEqual(expected);
  });

  it('names the keys it reads', () => {
    expect(sitePrefKeys(HOST)).toEqual(['site-choice:www.nmg.gov.cn', 'convert:settings']);
  });
});
