import { describe, expect, it } from 'vitest';
import { analyzeText } from './analyze';
import {
  applyCorrections,
  correctTarget,
  listCorrectedFields,
  normalizeCorrection,
  type TargetCorrection,
} from './corrections';

const TEXT =
  '一、主要目标\n地区生产总值增长5%左右；城镇新增就业18万人以上；粮食产量稳定在840亿斤以上。\n' +
  '二、回顾\n2025年地区生产总值增长5.8%。';
const targets = analyzeText(TEXT);
const pick = (quote: string) => targets.find((t) => t.quote === quote)!;
const none: TargetCorrection = { dismissed: false, kind: null, indicator: null };

describe('corrections to targets', () => {
  it('finds the sample quantities', () => {
    expect(pick('5%').kind).toBe('target');
    expect(pick('5.8%').kind).toBe('achieved');
  });

  it.each<[string, TargetCorrection, TargetCorrection | null]>([
    // [quote, asked, stored]
    ['5%', { ...none, dismissed: true }, { ...none, dismissed: true }],
    ['5%', { ...none, kind: 'achieved' }, { ...none, kind: 'achieved' }],
    ['5%', { ...none, kind: 'target' }, null], // the extracted kind: no correction
    ['18万人', { ...none, indicator: '  城镇新增就业人数 ' }, { ...none, indicator: '城镇新增就业人数' }],
    ['18万人', { ...none, indicator: '城镇新增就业' }, null], // the extracted indicator
    ['18万人', { ...none, indicator: '   ' }, null], // empty means "keep"
    [
      '5.8%',
      { dismissed: true, kind: 'target', indicator: null },
      { dismissed: true, kind: 'target', indicator: null },
    ],
  ])('%s: %j is stored as %j', (quote, asked, stored) => {
    expect(pick(quote).indicator === '城镇新增就业' || quote !== '18万人').toBe(true);
    expect(normalizeCorrection(pick(quote), asked)).toEqual(stored);
  });

  it('cuts a long indicator', () => {
    const long = '指'.repeat(500);
    expect(normalizeCorrection(pick('5%'), { ...none, indicator: long })?.indicator).toHaveLength(200);
  });

  it('applies kind and indicator, drops firmness of a figure switched to achieved, and dismisses', () => {
    const rate = pick('5%');
    expect(rate.firmness).toBe('soft');
    const switched = correctTarget(rate, { ...none, kind: 'achieved', indicator: '全区生产总值' })!;
    expect(switched).toMatchObject({ kind: 'achieved', indicator: '全区生产总值', firmness: null });
    expect(switched).toMatchObject({ quote: rate.quote, start: rate.start, end: rate.end, value: 5 });
    expect(correctTarget(rate, { ...none, dismissed: true })).toBeNull();
    expect(listCorrectedFields({ dismissed: true, kind: 'achieved', indicator: 'x' })).toEqual([
      'dismissed',
      'kind',
      'indicator',
    ]);
    expect(listCorrectedFields(none)).toEqual([]);
  });

  it('matches corrections by anchor, not by index', () => {
    const anchors = targets.map((t) => `a:${t.quote}`);
    const corrections = new Map([
      ['a:18万人', { id: 'one', value: { ...none, dismissed: true } }],
      ['a:5.8%', { id: 'two', value: { ...none, kind: 'target' as const } }],
      ['a:not-on-this-page', { id: 'three', value: { ...none, dismissed: true } }],
    ]);
    const out = applyCorrections(targets, (t) => t, anchors, corrections);
    expect(out.map((o) => o.target?.kind ?? 'dismissed')).toEqual(
      targets.map((t) => (t.quote === '18万人' ? 'dismissed' : t.quote === '5.8%' ? 'target' : t.kind)),
    );
    expect(out.filter((o) => o.correction).map((o) => o.correction!.id)).toEqual(['one', 'two']);
    // Reversed page order (another extraction): the same quantities are corrected.
    const reversed = applyCorrections([...targets].reverse(), (t) => t, [...anchors].reverse(), corrections);
    expect(reversed.find((o) => o.item.quote === '18万人')?.target).toBeNull();
  });
});
