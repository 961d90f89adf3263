import { describe, expect, it } from 'vitest';
import { alignEndingAt, editDistance, endScores, searchApprox } from './approx';

/** Reference: the classic O(m·n) semi-global DP. */
function bruteEndScores(text: string, pattern: string): number[] {
  let prev = Array.from({ length: pattern.length + 1 }, (_, i) => i);
  const out = [prev[pattern.length]!];
  for (let j = 1; j <= text.length; j++) {
    const cur = [0];
    for (let i = 1; i <= pattern.length; i++) {
      cur[i] = Math.min(
        prev[i - 1]! + (pattern[i - 1] === text[j - 1] ? 0 : 1),
        prev[i]! + 1,
        cur[i - 1]! + 1,
      );
    }
    out.push(cur[pattern.length]!);
    prev = cur;
  }
  return out;
}

function randomText(length: number, seed: number): string {
  let x = seed;
  let s = '';
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    s += '推进改革发展'[x % 6];
  }
  return s;
}

describe('endScores (Myers bit-parallel, 32-bit blocks)', () => {
  it.each([1, 5, 31, 32, 33, 63, 64, 65, 100, 150])('agrees with plain DP for a %i-unit pattern', (m) => {
    const text = randomText(300, m);
    const pattern = randomText(m, m * 7 + 1);
    const fast = Array.from(endScores(text, pattern, 10_000));
    expect(fast).toEqual(bruteEndScores(text, pattern));
  });

  it('reports -1 where the best match needs more than maxErrors edits', () => {
    const scores = endScores('完善多层次资本市场', '资本市场', 0);
    expect(scores[9]).toBe(0);
    expect(scores[8]).toBe(-1);
  });
});

describe('searchApprox', () => {
  it.each([
    ['推动7个国家物流枢纽、4个国家骨干物流基地提质升级', '推动8个国家物流枢纽', 10, 1],
    ['投入帮扶资金90亿元以上。投入帮扶资金80亿元以上。', '投入帮扶资金80亿元以上', 25, 0],
    ['加快盛乐机场空港国际物流园建设', '加快机场空港国际物流园建设', 15, 2],
  ])('finds %j ≈ %j ending at %i with %i edits', (text, pattern, end, errors) => {
    const hits = searchApprox(text, pattern, 2);
    expect(hits[0]).toMatchObject({ errors, end });
  });

  it('returns one hit per repetition, best first', () => {
    const hits = searchApprox('资本市场和资金市场和资本市场', '资本市场', 1);
    expect(hits.map((h) => [h.start, h.errors])).toEqual([
      [0, 0],
      [10, 0],
      [5, 1],
    ]);
  });
});

describe('alignEndingAt', () => {
  it('maps pattern positions to text positions across an insertion', () => {
    const text = '前文推动七个国家物流枢纽后文';
    const pattern = '推动7个国家物流枢纽';
    const a = alignEndingAt(text, pattern, 0, text.indexOf('后文'));
    expect(a.start).toBe(2);
    expect(a.errors).toBe(1);
    expect(a.bounds[2]).toBe(4); // '7' aligned to '七'
  });
});

describe('editDistance', () => {
  it.each([
    ['新建改造农村牧区户厕6万个', '新建改造农村牧区户厕8万个', 1],
    ['', '资本', 2],
    ['资本市场', '资本市场', 0],
  ])('%j → %j is %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });
});
