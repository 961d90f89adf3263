/**
 * Ranking figures of a scored detector: AUC, and the recall left at a bound on false positives.
 * Used by `npm run cv:detect` to compare cues on dev cross-validation by more than the errors at
 * one threshold.
 *
 * @module
 */

/** One scored page: its class (1 = plan) and the detector's log-odds. */
export interface ScoredPage {
  y: number;
  z: number;
}

/**
 * The area under the ROC curve: the chance that a random plan page outscores a random other page,
 * ties counting half. Edge case: with no page of one class it is NaN.
 */
export function auc(pages: readonly ScoredPage[]): number {
  const plans = pages.filter((p) => p.y === 1).map((p) => p.z);
  const others = pages.filter((p) => p.y !== 1).map((p) => p.z);
  if (!plans.length || !others.length) return Number.NaN;
  let wins = 0;
  for (const a of plans) for (const b of others) wins += a > b ? 1 : a === b ? 0.5 : 0;
  return wins / (plans.length * others.length);
}

/**
 * The lowest threshold at which at most `maxFalsePositiveRate` of the other pages score at or above
 * it, and the share of plan pages that do. Edge cases: with no other page every plan counts (the
 * threshold is −∞); the threshold sits just above the highest other page it must exclude.
 */
export function recallAtFalsePositives(
  pages: readonly ScoredPage[],
  maxFalsePositiveRate: number,
): { threshold: number; recall: number } {
  const others = pages
    .filter((p) => p.y !== 1)
    .map((p) => p.z)
    .sort((a, b) => b - a);
  const plans = pages.filter((p) => p.y === 1).map((p) => p.z);
  const allowed = Math.floor(maxFalsePositiveRate * others.length + 1e-9);
  const threshold = allowed >= others.length ? -Infinity : others[allowed]! + 1e-9;
  const found = plans.filter((z) => z >= threshold).length;
  return { threshold, recall: plans.length ? found / plans.length : Number.NaN };
}
