/**
 * Logistic regression in a few lines: full-batch gradient descent on the mean log loss with an L2
 * penalty (the bias is not penalised). Enough for a few dozen features and a few hundred pages;
 * deterministic (starts from zero), so a refit gives the same weights.
 *
 * @module
 */

/** A fitted model: `P(plan) = σ(bias + Σ weights[j]·x[j])`. */
export interface LogisticModel {
  bias: number;
  weights: number[];
}

/** Fitting options: L2 strength, steps, step size, and the weight of a positive example. */
export interface FitOptions {
  l2?: number;
  steps?: number;
  rate?: number;
  positiveWeight?: number;
  /** Per feature: 1 keeps its weight ≥ 0, -1 keeps it ≤ 0, 0 (or absent) leaves it free. */
  signs?: readonly number[];
}

/** σ(z), safe for large |z|. */
export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** The model's logit for `x`. */
export function predictLogit(model: LogisticModel, x: readonly number[]): number {
  let z = model.bias;
  for (let j = 0; j < x.length; j++) z += model.weights[j]! * x[j]!;
  return z;
}

/**
 * Fits on rows `xs` with labels `ys` (1 = plan page). Edge cases: no rows gives a zero model;
 * a single class gives a model that leans to it through the bias.
 */
export function fitLogistic(
  xs: readonly number[][],
  ys: readonly number[],
  options: FitOptions = {},
): LogisticModel {
  const { l2 = 0.01, steps = 3000, rate = 0.5, positiveWeight = 1, signs = [] } = options;
  const width = xs[0]?.length ?? 0;
  const model: LogisticModel = { bias: 0, weights: new Array<number>(width).fill(0) };
  if (xs.length === 0) return model;
  let total = 0;
  for (const y of ys) total += y ? positiveWeight : 1;
  for (let step = 0; step < steps; step++) {
    const grad = new Array<number>(width).fill(0);
    let gradBias = 0;
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]!;
      const weight = ys[i] ? positiveWeight : 1;
      const error = (sigmoid(predictLogit(model, x)) - ys[i]!) * weight;
      gradBias += error;
      for (let j = 0; j < width; j++) grad[j]! += error * x[j]!;
    }
    model.bias -= (rate * gradBias) / total;
    for (let j = 0; j < width; j++) {
      const next = model.weights[j]! - rate * (grad[j]! / total + l2 * model.weights[j]!);
      const sign = signs[j] ?? 0;
      // Projected gradient: a weight that would cross to the forbidden side stops at zero.
      model.weights[j] = sign > 0 ? Math.max(0, next) : sign < 0 ? Math.min(0, next) : next;
    }
  }
  return model;
}
