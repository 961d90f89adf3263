/**
 * The corpus as detection data: each page sampled as the gate would see it (a plain-text page at
 * its real address, see plain-text-page.ts), its feature row, and its class. Shared by the fitting
 * script (`npm run fit:detect`) and the detection half of `npm run eval`.
 *
 * @module
 */
import type { PageSample } from '../../lib/detect/detect';
import { FEATURE_IDS, foldSample, NEGATIVE_FEATURES, readFeatures } from '../../lib/detect/features';
import { PHRASE_BUCKETS, readPhraseBuckets } from '../../lib/detect/phrasing';
import { loadCorpus, type CorpusMeta } from './corpus';
import { fitLogistic, type FitOptions, type LogisticModel } from './logistic';
import { samplePlainTextPage } from './plain-text-page';

/** One corpus page ready for detection. */
export interface DetectionRow {
  meta: CorpusMeta;
  split: 'dev' | 'test';
  sample: PageSample;
  /** Feature values in FEATURE_IDS order. */
  x: number[];
  /** The page's phrase buckets (lib/detect/phrasing.ts). */
  buckets: number[];
  /** 1 for a plan page. */
  y: number;
}

/**
 * The fitting options the shipped weights and every cross-validation fold use. The step size falls
 * linearly to zero over 2,000 steps, so every fit settles at its optimum: at a constant step size
 * (the earlier 800 steps) a refit without 3 of ~230 dev pages flipped 61 of 580 out-of-fold
 * verdicts and moved scores by 3.1 log-odds on average; settled, 2 verdicts and 0.05
 * (`lib/detect/README.md`).
 */
export const FIT_OPTIONS: FitOptions = {
  l2: 0.003,
  bucketL2: 0.05,
  bucketCount: PHRASE_BUCKETS,
  steps: 2000,
  rate: 0.05,
  positiveWeight: 1,
  schedule: 'linear',
};

/** The sign each weight must keep (see NEGATIVE_FEATURES). */
export const FEATURE_SIGNS = FEATURE_IDS.map((id) => (NEGATIVE_FEATURES.has(id) ? -1 : 1));

/** The feature row of a sample, in FEATURE_IDS order, and its phrase buckets. */
export function featureRow(sample: PageSample): { x: number[]; buckets: number[] } {
  const folded = foldSample(sample);
  const features = readFeatures(folded);
  return {
    x: FEATURE_IDS.map((id) => features[id]),
    buckets: readPhraseBuckets(folded.phraseLead, folded.text),
  };
}

/** Loads the corpus under `root` as detection rows (sorted by page id). */
export async function loadDetectionRows(root: string): Promise<DetectionRow[]> {
  const pages = await loadCorpus(root);
  const rows: DetectionRow[] = [];
  for (const page of pages) {
    const sample = await samplePlainTextPage(page.text, page.meta.url);
    rows.push({
      meta: page.meta,
      split: page.split,
      sample,
      ...featureRow(sample),
      y: +(page.meta.class === 'plan'),
    });
  }
  return rows;
}

/** Fits the detector's model on `rows` with {@link FIT_OPTIONS}. */
export function fitRows(rows: readonly DetectionRow[]): LogisticModel {
  return fitLogistic(
    rows.map((r) => r.x),
    rows.map((r) => r.y),
    { ...FIT_OPTIONS, signs: FEATURE_SIGNS },
    rows.map((r) => r.buckets),
  );
}
