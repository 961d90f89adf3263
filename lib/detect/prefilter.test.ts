import { describe, expect, it } from 'vitest';
import { detectPlanPage } from './detect';
import { hasChineseText, NO_CHINESE_TEXT, noChineseTextVerdict } from './prefilter';

// Real page titles and first lines; the gate stops at the ones without Han and never messages.
const CASES: Array<[string, string, string, boolean]> = [
  [
    'an English news page',
    'Weekend weather | BBC News',
    'Rain is likely on Saturday, with highs of 12 degrees.',
    false,
  ],
  ['a Japanese page in kana only', 'ニュース', 'きょうのてんき：はれ、のち くもり。', false],
  ['a pinyin-only page', 'Zhèngfǔ gōngzuò bàogào', 'Jīnnián fāzhǎn zhǔyào yùqī mùbiāo', false],
  ['an empty page', '', '', false],
  ['a simplified title', '2026年政府工作报告', '', true],
  ['a traditional title', '二〇二六年施政報告', '', true],
  ['an English title over Chinese text', 'Report', '国民经济和社会发展计划', true],
  ['extension A (㐀) only', '', '㐀', true],
  ['a Japanese page with kanji', '東京の天気', 'あすは晴れ', true],
];

describe('hasChineseText', () => {
  it.each(CASES)('%s → %s', (_, title, text, expected) => {
    expect(hasChineseText(title, text)).toBe(expected);
  });

  it.each(CASES)('gives the detector’s own verdict on %s', (_, title, text, expected) => {
    const detection = detectPlanPage({ url: 'https://example.com/', title, headings: [], text });
    if (!expected) expect(detection).toEqual(noChineseTextVerdict());
    else expect(detection.signals).not.toContain(NO_CHINESE_TEXT);
  });
});

describe('noChineseTextVerdict', () => {
  it('is no match, no kind, score 0, the one reason — a fresh object each time', () => {
    const a = noChineseTextVerdict();
    expect(a).toEqual({ match: false, kind: null, score: 0, signals: ['no-chinese-text'] });
    a.signals.push('changed');
    expect(noChineseTextVerdict().signals).toEqual(['no-chinese-text']);
  });
});
