import { isNotedSite } from './noted-sites';
import { describe, expect, it } from 'vitest';
import type { Detection } from '../detect/detect';
import { hostnameOf, parseSiteChoice, shouldAutoStart, siteChoiceKey, type SiteChoice } from './site-choice';

const PLAN: Detection = { match: true, kind: 'plan', score: 14, signals: ['标题：国民经济和社会发展计划'] };
const NEWS: Detection = { match: false, kind: null, score: 0, signals: [] };

describe('shouldAutoStart', () => {
  it.each<[SiteChoice, Detection | null, boolean]>([
    ['auto', PLAN, true],
    ['auto', NEWS, false],
    ['auto', null, false],
    ['always', NEWS, true],
    ['always', null, true],
    ['never', PLAN, false],
  ])('%s with %o → %s', (choice, detection, expected) => {
    expect(shouldAutoStart(choice, detection)).toBe(expected);
  });
});

describe('hostnameOf', () => {
  it.each([
    ['https://www.nmg.gov.cn/zwgk/zfxxgk/202601/t20260115.html', 'www.nmg.gov.cn'],
    ['http://FGW.NMG.GOV.CN:8080/a', 'fgw.nmg.gov.cn'],
    ['chrome://extensions', ''],
    ['file:///tmp/plan.html', ''],
    ['not a url', ''],
  ])('%s → %s', (url, host) => {
    expect(hostnameOf(url)).toBe(host);
  });
});

describe('parseSiteChoice / siteChoiceKey', () => {
  it.each([
    ['always', 'always'],
    ['never', 'never'],
    ['auto', 'auto'],
    [undefined, 'auto'],
    ['sometimes', 'auto'],
    [1, 'auto'],
  ])('%o → %s', (stored, choice) => {
    expect(parseSiteChoice(stored)).toBe(choice);
  });
  it('keys hostnames case-insensitively', () => {
    expect(siteChoiceKey('WWW.GOV.CN')).toBe(siteChoiceKey('www.gov.cn'));
    expect(siteChoiceKey('www.gov.cn')).not.toBe(siteChoiceKey('gov.cn'));
  });
});

describe('noted sites', () => {
  it.each([
    [['www.nmg.gov.cn'], 'www.nmg.gov.cn', true],
    [['www.nmg.gov.cn'], 'nmg.gov.cn', false],
    [[], 'www.nmg.gov.cn', false],
    ['www.nmg.gov.cn', 'www.nmg.gov.cn', false], // not a list
    [undefined, 'www.nmg.gov.cn', false],
    [[''], '', false],
  ])('isNotedSite(%j, %s) is %s', (stored, host, expected) => {
    expect(isNotedSite(stored, host)).toBe(expected);
  });
});
