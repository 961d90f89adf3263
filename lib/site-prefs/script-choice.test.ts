import { describe, expect, it } from 'vitest';
import { choiceForHost, parseSettings } from './script-choice';

describe('parseSettings', () => {
  it.each([
    [undefined, { sites: {}, defaultTarget: null, twpAllowed: false }],
    ['garbage', { sites: {}, defaultTarget: null, twpAllowed: false }],
    [
      {
        sites: { 'www.nmg.gov.cn': { target: 'hk', hidePinyin: true }, bad: { target: 'jp' } },
        defaultTarget: 'tw',
        twpAllowed: true,
      },
      {
        sites: { 'www.nmg.gov.cn': { target: 'hk', hidePinyin: true } },
        defaultTarget: 'tw',
        twpAllowed: true,
      },
    ],
  ])('reads %j', (raw, expected) => {
    expect(parseSettings(raw)).toEqual(expected);
  });
});

describe('choiceForHost', () => {
  const settings = parseSettings({
    sites: {
      'www.chinapower.com.cn': { target: 'original', hidePinyin: true },
      'a.cn': { target: 'twp', hidePinyin: false },
    },
    defaultTarget: 'tw',
  });
  it.each([
    ['www.chinapower.com.cn', false, { target: 'original', hidePinyin: true }],
    ['a.cn', false, { target: 'tw', hidePinyin: false }],
    ['www.nmg.gov.cn', true, { target: 'tw', hidePinyin: false }],
    ['bbs.example.cn', false, null],
  ])('%s (plan page: %s) gets %j', (host, plan, expected) => {
    expect(choiceForHost(settings, host, () => plan)).toEqual(expected);
  });

  it('gives nothing when neither the site nor a default is set', () => {
    expect(choiceForHost(parseSettings({}), 'www.nmg.gov.cn', () => true)).toBeNull();
  });
});
