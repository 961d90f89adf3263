/**
 * Logistic regression in a few lines: full-batch Adam on the mean log loss with L2 penalties (the
 * bias is not penalised), over dense features plus optional sparse binary ones (hashed phrase
 * buckets, see lib/detect/phrasing.ts). Enough for a few dozen dense features, a few thousand
 * buckets and a few hundred pages; deterministic (starts from zero, visits rows in order), so a
 * refit gives the same weights.
 *
 * @module
 */

/** A fitted model: `P(plan) = σ(bias + Σ weights[j]·x[j] + Σ buckets[b] over the row's buckets)`. */
export interface LogisticModel {
  bias: number;
  weights: number[];
  /** One weight per hash bucket (empty when fitted without buckets). */
  buckets: number[];
}

/** Fitting options. */
export interface FitOptions {
  /** L2 strength on the dense weights. */
  l2?: number;
  /** L2 strength on the bucket weights (many, sparse, each seen on few pages: penalise more). */
  bucketL2?: number;
  /** Number of buckets (0: no sparse part). */
  bucketCount?: number;
  steps?: number;
  /** Adam's step size. */
  rate?: number;
  /** Weight of a positive example in the loss. */
  positiveWeight?: number;
  /** Per dense feature: 1 keeps its weight ≥ 0, -1 keeps it ≤ 0, 0 (or absent) leaves it free. */
  signs?: readonly number[];
  /**
   * How the step size moves over the steps: `constant` keeps `rate` (Adam then circles the optimum
   * at a distance of about `rate` per weight and never settles, so which weights it stops at depends
   * on every row); `linear` lowers it to zero at the last step, so the fit settles at the penalised
   * optimum, which moves little when a row is added or dropped.
   */
  schedule?: 'constant' | 'linear';
}

/** σ(z), safe for large |z|. */
export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** The model's logit for dense row `x` and the row's `buckets` (indices, each once). */
export function predictLogit(
  model: LogisticModel,
  x: readonly number[],
  buckets: readonly number[] = [],
): number {
  let z = model.bias;
  for (let j = 0; j < x.length; j++) z += model.weights[j]! * x[j]!;
  if (model.buckets.length) for (const b of buckets) z += model.buckets[b]!;
  return z;
}

/**
 * Fits on dense rows `xs` (and, when `options.bucketCount` > 0, the rows' `buckets`) with labels
 * `ys` (1 = plan page). Edge cases: no rows gives a zero model; a single class gives a model that
 * leans to it through the bias.
 */
export function fitLogistic(
  xs: readonly number[][],
  ys: readonly number[],
  options: FitOptions = {},
  buckets: readonly (readonly number[])[] = [],
): LogisticModel {
  const {
    l2 = 0.01,
    bucketL2 = 0.01,
    bucketCount = 0,
    steps = 1000,
    rate = 0.05,
    positiveWeight = 1,
    signs = [],
    schedule = 'constant',
  } = options;
  const width = xs[0]?.length ?? 0;
  const model: LogisticModel = {
    bias: 0,
    weights: new Array<number>(width).fill(0),
    buckets: new Array<number>(bucketCount).fill(0),
  };
  if (xs.length === 0) return model;
  let total = 0;
  for (const y of ys) total += y ? positiveWeight : 1;
  // Adam's moments for [bias, dense…, buckets…].
  const size = 1 + width + bucketCount;
  const first = new Float64Array(size);
  const second = new Float64Array(size);
  const grad = new Float64Array(size);
  for (let step = 1; step <= steps; step++) {
    grad.fill(0);
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]!;
      const rowBuckets = bucketCount ? (buckets[i] ?? []) : [];
      const error = (sigmoid(predictLogit(model, x, rowBuckets)) - ys[i]!) * (ys[i] ? positiveWeight : 1);
      grad[0]! += error;
      for (let j = 0; j < width; j++) grad[1 + j]! += error * x[j]!;
      for (const b of rowBuckets) grad[1 + width + b]! += error;
    }
    const stepRate = schedule === 'linear' ? rate * (1 - (step - 1) / steps) : rate;
    const correctFirst = 1 - 0.9 ** step;
    const correctSecond = 1 - 0.999 ** step;
    const move = (k: number, value: number, penalty: number): number => {
      const g = grad[k]! / total + penalty * value;
      first[k] = 0.9 * first[k]! + 0.1 * g;
      second[k] = 0.999 * second[k]! + 0.001 * g * g;
      return value - (stepRate * first[k]!) / correctFirst / (Math.sqrt(second[k]! / correctSecond) + 1e-8);
    };
    model.bias = move(0, model.bias, 0);
    for (let j = 0; j < width; j++) {
      const next = move(1 + j, model.weights[j]!, l2);
      const sign = signs[j] ?? 0;
      // Projected step: a weight that would cross to the forbidden side stops at zero.
      model.weights[j] = sign > 0 ? Math.max(0, next) : sign < 0 ? Math.min(0, next) : next;
    }
    for (let b = 0; b < bucketCount; b++) model.buckets[b] = move(1 + width + b, model.buckets[b]!, bucketL2);
  }
  return model;
}
