import { describe, expect, it } from 'vitest';
import { isNoteColor, isNoteOfPage, normalizePageUrl, siteOf } from './note';

const PLAN = 'http://www.nmg.gov.cn/zwgk/2026/plan.html';

describe('note helpers', () => {
  it.each([
    [{ url: PLAN, canonicalUrl: '' }, `${PLAN}#section-3`, true],
    [{ url: 'https://www.northnews.example/a.html', canonicalUrl: PLAN }, PLAN, true],
    [{ url: PLAN, canonicalUrl: '' }, 'http://www.nmg.gov.cn/zwgk/2026/other.html', false],
    [{ url: PLAN, canonicalUrl: '' }, 'https://evil.example/?u=' + PLAN, false],
    [{ url: PLAN, canonicalUrl: '' }, '', false],
    [undefined, PLAN, false],
  ])('isNoteOfPage(%j, %s) is %s', (note, page, expected) => {
    expect(isNoteOfPage(note, page)).toBe(expected);
  });

  it('normalizes addresses and sites', () => {
    expect(normalizePageUrl(`${PLAN}#top`)).toBe(PLAN);
    expect(normalizePageUrl('not a url')).toBe('not a url');
    expect(siteOf(PLAN)).toBe('www.nmg.gov.cn');
    expect(siteOf('nope')).toBe('');
    expect([isNoteColor('green'), isNoteColor('red'), isNoteColor(1)]).toEqual([true, false, false]);
  });
});
