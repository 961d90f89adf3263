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
