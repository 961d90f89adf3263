/**
 * What the detector reads, and the kinds it tells apart: types only, in their own file so that the
 * cues (features.ts) and the model (detect.ts) share them without importing each other.
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
  /**
   * How many characters of `text` sit inside links, when the sampler knows. Lets the detector
   * discount index and list pages whose link titles name a plan.
   */
  linkText?: number;
}

/** The page kinds PlanLens recognises. */
export type PlanKind = 'plan' | 'report' | 'policy';

/**
 * How much visible text the gate samples (the `text` of a {@link PageSample} it sends to the
 * background to be scored; the message's schema refuses more).
 */
export const SAMPLE_CHARS = 6000;
/** Headings a sample keeps, and characters kept per heading. */
export const SAMPLE_HEADINGS = 12;
export const SAMPLE_HEADING_CHARS = 200;
/**
 * Characters of the title the gate sends (a page may set any title; real ones are under 300).
 * The gate cuts a longer title to this before sending it.
 */
export const SAMPLE_TITLE_CHARS = 10_000;
