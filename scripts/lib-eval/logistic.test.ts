import { describe, expect, it } from 'vitest';
import { fitLogistic, predictLogit, sigmoid } from './logistic';

describe('fitLogistic', () => {
  const xs = [
    [1, 0],
    [1, 1],
    [0, 1],
    [0, 0],
  ];
  const ys = [1, 1, 0, 0];

  it('separates pages by the feature that tells them apart', () => {
    const model = fitLogistic(xs, ys, { l2: 0.001, steps: 2000 });
    expect(xs.map((x) => predictLogit(model, x) >= 0)).toEqual([true, true, false, false]);
    expect(model.weights[0]).toBeGreaterThan(2);
    expect(Math.abs(model.weights[1]!)).toBeLessThan(0.5);
  });

  it('keeps a weight on its allowed side', () => {
    const model = fitLogistic(xs, ys, { signs: [-1, 0] });
    expect(model.weights[0]).toBe(0);
  });

  it('fits a weight per bucket from sparse rows, next to the dense weights', () => {
    // The dense feature says nothing; bucket 2 marks the plan pages, bucket 5 the others.
    const dense = [[0], [0], [0], [0]];
    const buckets = [[2], [2, 7], [5], [5, 7]];
    const model = fitLogistic(dense, ys, { bucketCount: 8, bucketL2: 0.001, steps: 500 }, buckets);
    expect(model.buckets).toHaveLength(8);
    expect(model.buckets[2]).toBeGreaterThan(1);
    expect(model.buckets[5]).toBeLessThan(-1);
    expect(Math.abs(model.buckets[7]!)).toBeLessThan(0.5);
    expect(buckets.map((b, i) => predictLogit(model, dense[i]!, b) >= 0)).toEqual([true, true, false, false]);
  });

  it('settles with a linear schedule: dropping one page barely moves the others', () => {
    // Shaped like the corpus: 200 noisy pages, each with 150 of 2,048 buckets (so the buckets alone
    // can separate them) and a sign-kept dense cue. At a constant step size Adam keeps circling, and
    // a refit without one page lands elsewhere.
    let seed = 7;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const dense = Array.from({ length: 200 }, () => [random() < 0.5 ? 1 : 0, random() * 3]);
    const labels = dense.map((x) => (random() < (x[0] ? 0.75 : 0.3) ? 1 : 0));
    const sparse = dense.map(() => {
      const seen = new Set<number>();
      while (seen.size < 150) seen.add(Math.floor(random() * 2048));
      return [...seen].sort((p, q) => p - q);
    });
    const shift = (schedule: 'constant' | 'linear') => {
      const options = { bucketCount: 2048, bucketL2: 0.05, l2: 0.003, steps: 800, schedule, signs: [1, 0] };
      const all = fitLogistic(dense, labels, options, sparse);
      const less = fitLogistic(dense.slice(1), labels.slice(1), options, sparse.slice(1));
      let total = 0;
      for (let i = 1; i < dense.length; i++)
        total += Math.abs(predictLogit(all, dense[i]!, sparse[i]) - predictLogit(less, dense[i]!, sparse[i]));
      return total / (dense.length - 1);
    };
    const settled = shift('linear');
    expect(settled).toBeLessThan(0.03);
    expect(shift('constant')).toBeGreaterThan(4 * settled);
  });

  it('gives a zero model without rows, and is deterministic', () => {
    expect(fitLogistic([], [])).toEqual({ bias: 0, weights: [], buckets: [] });
    expect(fitLogistic(xs, ys)).toEqual(fitLogistic(xs, ys));
  });
});

describe('sigmoid', () => {
  it.each([
    [0, 0.5],
    [1000, 1],
    [-1000, 0],
  ])('σ(%d) = %d', (z, p) => {
    expect(sigmoid(z)).toBeCloseTo(p, 10);
  });
});
