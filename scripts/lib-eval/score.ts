/**
 * Scores extracted targets against labels: precision, recall (value+unit LCS alignment in document
 * order) and kind accuracy over the aligned pairs.
 *
 * @module
 */
import type { TargetKind } from '../../lib/targets/target';
import { alignQuantities } from './align';

/** One labelled quantity (a line of tests/fixtures/gold/*.jsonl). */
export interface GoldLabel {
  quote: string;
  value: number;
  valueMax?: number | null;
  unit: string;
  qualifier: string;
  indicator: string;
  kind: TargetKind;
}

/** What scoring needs from an extracted target. */
export interface Scored {
  quote: string;
  value: number;
  unit: string;
  kind: TargetKind;
  qualifier?: string;
  indicator?: string;
}

/** Scores of one document. Ratios are 1 when their denominator is 0. */
export interface Score {
  found: number;
  gold: number;
  matched: number;
  precision: number;
  recall: number;
  kindAccuracy: number;
  /** Informational (no threshold): share of aligned pairs with the labelled qualifier. */
  qualifierAccuracy: number;
  /** Informational (no threshold): share of aligned pairs with exactly the labelled indicator. */
  indicatorAgreement: number;
  /** Extracted quantities with no label (quote, value, unit). */
  falsePositives: Scored[];
  /** Labels with no extracted quantity. */
  falseNegatives: GoldLabel[];
}

/** Parses a .jsonl label file: one JSON object per non-empty line. */
export function parseGold(jsonl: string): GoldLabel[] {
  return jsonl
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as GoldLabel);
}

/** Scores `found` against `gold`. */
export function scoreTargets(found: readonly Scored[], gold: readonly GoldLabel[]): Score {
  const pairs = alignQuantities(found, gold);
  const foundHit = new Set(pairs.map(([f]) => f));
  const goldHit = new Set(pairs.map(([, g]) => g));
  const kindOk = pairs.filter(([f, g]) => found[f]!.kind === gold[g]!.kind).length;
  const qualifierOk = pairs.filter(([f, g]) => found[f]!.qualifier === gold[g]!.qualifier).length;
  const indicatorOk = pairs.filter(([f, g]) => found[f]!.indicator === gold[g]!.indicator).length;
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  return {
    found: found.length,
    gold: gold.length,
    matched: pairs.length,
    precision: ratio(pairs.length, found.length),
    recall: ratio(pairs.length, gold.length),
    kindAccuracy: ratio(kindOk, pairs.length),
    qualifierAccuracy: ratio(qualifierOk, pairs.length),
    indicatorAgreement: ratio(indicatorOk, pairs.length),
    falsePositives: found.filter((_, i) => !foundHit.has(i)),
    falseNegatives: gold.filter((_, i) => !goldHit.has(i)),
  };
}
