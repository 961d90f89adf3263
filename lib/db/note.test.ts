import { describe, expect, it } from 'vitest';
import { colorsCollide } from '../settings/highlight-colors';
import {
  isNoteColor,
  isNoteOfPage,
  normalizePageUrl,
  NOTE_COLORS,
  NOTE_PALETTE,
  shownNoteColor,
  siteOf,
} from './note';

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

  it.each([
    ['yellow', 'purple'],
    ['blue', 'grey'],
    ['purple', 'purple'],
    ['grey', 'grey'],
    ['green', 'green'],
    ['pink', 'pink'],
  ] as const)('draws a %s note as %s', (stored, shown) => {
    expect(shownNoteColor(stored)).toBe(shown);
  });

  it('offers only palette colours, every stored colour stays valid', () => {
    for (const color of NOTE_COLORS) expect(NOTE_PALETTE).toContain(shownNoteColor(color));
    // The swatches' hues (notes/ui.ts) stand apart from the default target yellow and achieved blue.
    for (const swatch of ['#a78bfa', '#a1a1aa', '#4ade80', '#f472b6'])
      for (const highlight of ['#facc15', '#38bdf8']) expect(colorsCollide(swatch, highlight)).toBe(false);
  });
});
