import { describe, expect, it } from 'vitest';
import {
  encodePhraseWeights,
  PHRASE_BUCKETS,
  PHRASE_TEXT_CHARS,
  readPhraseBuckets,
  scorePhraseBuckets,
} from './phrasing';

describe('readPhraseBuckets', () => {
  it('gives each bucket once, ascending, within the table', () => {
    const buckets = readPhraseBuckets('政府工作报告', '预期目标增长5%左右，预期目标增长5%左右');
    expect(buckets).toEqual([...new Set(buckets)].sort((a, b) => a - b));
    expect(buckets.every((b) => b >= 0 && b < PHRASE_BUCKETS)).toBe(true);
  });

  it('reads every digit alike, so targets of other sizes share their bigrams', () => {
    expect(readPhraseBuckets('', '增长5%左右')).toEqual(readPhraseBuckets('', '增长7%左右'));
    expect(readPhraseBuckets('', '增长5%左右')).not.toEqual(readPhraseBuckets('', '下降5%左右'));
  });

  it('keeps the lead’s bigrams apart from the same bigrams in the text', () => {
    expect(readPhraseBuckets('施政报告', '')).not.toEqual(readPhraseBuckets('', '施政报告'));
  });

  it('reads only the first PHRASE_TEXT_CHARS characters of the text', () => {
    const opening = '各位代表：现在，我代表市人民政府向大会报告工作。'.repeat(60).slice(0, PHRASE_TEXT_CHARS);
    expect(readPhraseBuckets('', `${opening}统计公报评论`)).toEqual(readPhraseBuckets('', opening));
  });

  it('gives no bucket for empty strings', () => {
    expect(readPhraseBuckets('', '')).toEqual([]);
  });
});

describe('encodePhraseWeights and scorePhraseBuckets', () => {
  const lead = '2026年政府工作报告';
  const text = '各位代表：经济增长预期目标为5%左右，城镇新增就业1200万人以上。';

  it('score a page as the sum of its buckets’ weights, to within half a step each', () => {
    const weights = Array.from({ length: PHRASE_BUCKETS }, (_, k) => Math.sin(k) * 0.8);
    const { table, scale } = encodePhraseWeights(weights);
    const buckets = readPhraseBuckets(lead, text);
    const exact = buckets.reduce((sum, b) => sum + weights[b]!, 0);
    expect(table).toHaveLength(PHRASE_BUCKETS);
    expect(Math.abs(scorePhraseBuckets(lead, text, table, scale) - exact)).toBeLessThanOrEqual(
      (buckets.length * scale) / 2 + 1e-9,
    );
  });

  it('use only printable ASCII without quote or backslash, so the table needs no escape', () => {
    const weights = Array.from({ length: PHRASE_BUCKETS }, (_, k) => ((k % 173) - 86) / 10);
    const { table } = encodePhraseWeights(weights);
    expect(table).toMatch(/^[(-[\]-~]+$/);
    expect(table).not.toMatch(/['"\\]/);
  });

  it('read a weight as its sign says, at both ends of the scale', () => {
    const weights = new Array<number>(PHRASE_BUCKETS).fill(0);
    const [first, second] = readPhraseBuckets('', '报告');
    expect(second).toBeUndefined();
    weights[first!] = -2;
    weights[(first! + 1) % PHRASE_BUCKETS] = 1;
    const { table, scale } = encodePhraseWeights(weights);
    expect(scorePhraseBuckets('', '报告', table, scale)).toBeCloseTo(-2, 6);
  });

  it('encode all zeros with scale 0', () => {
    const { table, scale } = encodePhraseWeights(new Array<number>(PHRASE_BUCKETS).fill(0));
    expect(scale).toBe(0);
    expect(scorePhraseBuckets(lead, text, table, scale)).toBe(0);
  });

  // scorePhraseBuckets is the gate's inlined copy of the bucket walk: it must agree with
  // readPhraseBuckets (what the fit reads) bucket for bucket, not just to within rounding.
  it.each([
    ['2026年政府工作报告', '各位代表：经济增长预期目标为5%左右，城镇新增就业1200万人以上。'],
    ['政府工作報告\n一、過去一年工作回顧', '國內生產總值增長5.2%，城鎮新增就業1244萬人。'],
    ['', 'GDP增长６％左右，CPI涨幅3%左右'],
    ['关于2025年国民经济和社会发展计划执行情况', '关于2025年国民经济和社会发展计划执行情况'],
    ['短', '各位代表：现在，我代表市人民政府向大会报告工作，请予审议。'.repeat(40)],
    ['', ''],
  ])('score exactly the weights of the buckets readPhraseBuckets gives (%s)', (lead, text) => {
    // Integer weights within ±42 steps encode with scale 1: every step is exact.
    const weights = Array.from({ length: PHRASE_BUCKETS }, (_, k) => ((k * 37) % 86) - 43 + (k % 2));
    const clipped = weights.map((w) => Math.max(-42, Math.min(42, w)));
    const { table, scale } = encodePhraseWeights(clipped);
    expect(scale).toBe(1);
    const expected = readPhraseBuckets(lead, text).reduce((sum, b) => sum + clipped[b]!, 0);
    expect(scorePhraseBuckets(lead, text, table, scale)).toBe(expected);
  });
});
