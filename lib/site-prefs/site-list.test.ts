import { describe, expect, it } from 'vitest';
import { forgetSite, listSites, parseHostInput } from './site-list';

const ENTRIES = {
  'site-choice:www.nmg.gov.cn': 'always',
  'site-choice:news.example.com': 'never',
  'convert:settings': {
    sites: {
      'www.nmg.gov.cn': { target: 'hk', hidePinyin: false },
      'www.gov.cn': { target: 'tw', hidePinyin: true },
    },
    defaultTarget: null,
    twpAllowed: false,
  },
  'settings:uiLanguage': 'en',
};

describe('listSites', () => {
  it('joins highlight and script choices per host, sorted', () => {
    expect(listSites(ENTRIES)).toEqual([
      { host: 'news.example.com', highlight: 'never', script: null },
      { host: 'www.gov.cn', highlight: null, script: { target: 'tw', hidePinyin: true } },
      { host: 'www.nmg.gov.cn', highlight: 'always', script: { target: 'hk', hidePinyin: false } },
    ]);
  });
  it('forgets both choices of a host and keeps the others', () => {
    const { remove, set } = forgetSite(ENTRIES, 'www.nmg.gov.cn');
    expect(remove).toEqual(['site-choice:www.nmg.gov.cn']);
    expect(Object.keys((set['convert:settings'] as { sites: object }).sites)).toEqual(['www.gov.cn']);
    expect(forgetSite(ENTRIES, 'news.example.com').set).toEqual({});
  });
});

describe('parseHostInput', () => {
  it.each([
    ['www.gov.cn', 'www.gov.cn'],
    ['  WWW.NMG.GOV.CN ', 'www.nmg.gov.cn'],
    ['https://www.gov.cn/zhengce/content/2026-03/05/content_1.htm', 'www.gov.cn'],
    ['localhost', 'localhost'],
    ['127.0.0.1', '127.0.0.1'],
    ['', null],
    ['gov', null],
    ['中国政府网', null],
    ['www.gov.cn/ <script>', 'www.gov.cn'],
    ['not a host name', null],
  ])('%j → %j', (input, host) => {
    expect(parseHostInput(input)).toBe(host);
  });
});
