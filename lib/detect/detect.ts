/**
 * Is this a plan page? A pure, cheap check over a bounded sample of the page.
 *
 * @module
 */

/** What the detector reads: never the whole DOM. */
export interface PageSample {
  url: string;
  title: string;
  /** Text of h1–h3 (and title-like elements), in order. */
  headings: string[];
  /** The first part of the visible text (bounded by the caller, e.g. 6,000 characters). */
  text: string;
}

/** The page kinds PlanLens recognises. */
export type PlanKind = 'plan' | 'report' | 'policy';

/** The verdict, with human-readable reasons. */
export interface Detection {
  match: boolean;
  kind: PlanKind | null;
  score: number;
  signals: string[];
}

/**
 * Decides whether `sample` is a plan page (国民经济和社会发展计划 / 政府工作报告 / policy notice).
 *
 * STUB (owned by the text/detect work).
 */
export function detectPlanPage(sample: PageSample): Detection {
  const match = /国民经济和社会发展计划|國民經濟和社會發展計劃|政府工作报告|政府工作報告/.test(
    sample.title + sample.text,
  );
  return { match, kind: match ? 'plan' : null, score: match ? 1 : 0, signals: [] };
}
