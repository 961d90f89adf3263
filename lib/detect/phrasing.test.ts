import { describe, expect, it } from 'vitest';
import {
  decodePhraseWeights,
  encodePhraseWeights,
  PHRASE_BUCKETS,
  PHRASE_TEXT_CHARS,
  readPhraseBuckets,
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

describe('encodePhraseWeights and decodePhraseWeights', () => {
  it('round-trip a table to within half a step', () => {
    const weights = Array.from({ length: PHRASE_BUCKETS }, (_, k) => Math.sin(k) * 0.8);
    const { base64, scale } = encodePhraseWeights(weights);
    const decoded = decodePhraseWeights(base64, scale);
    for (let k = 0; k < PHRASE_BUCKETS; k++)
      expect(Math.abs(decoded[k]! - weights[k]!)).toBeLessThanOrEqual(scale / 2 + 1e-6);
    expect(Buffer.from(base64, 'base64').length).toBe(PHRASE_BUCKETS);
  });

  it('encodes all zeros with scale 0, and refuses a table of the wrong size', () => {
    const { base64, scale } = encodePhraseWeights(new Array<number>(PHRASE_BUCKETS).fill(0));
    expect(scale).toBe(0);
    expect(decodePhraseWeights(base64, scale).every((w) => w === 0)).toBe(true);
    expect(() => decodePhraseWeights('AAAA', 1)).toThrow(/3 buckets/);
  });
});
