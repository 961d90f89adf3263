/**
 * Messages for extracting targets away from the page, and for the side panel's Targets and Outline
 * tabs. Owned by the highlighting feature.
 *
 * Flow: the reader flattens the article and sends its text (`analyzeTargets`); the background runs
 * lib/targets on it, on its own thread, and answers the targets encoded by `lib/targets/wire`. The
 * page's main thread then only pays for sending the text and decoding the answer. The side panel
 * asks the reader for the highlighted targets (`targetsPageState`) and moves the page to one of
 * them (`targetsPageFocus`) or to a section (`targetsPageScrollTo`).
 *
 * @module
 */
import type { OutlineSection } from '../targets/outline';
import type { Target } from '../targets/target';

export type { OutlineSection, Target };

/** What the side panel shows of a page's targets. */
export interface TargetsPageState {
  /** The page's address and title (`document.title`). */
  url: string;
  title: string;
  /** Highlights are shown; when false, `targets` and `outline` are empty. */
  enabled: boolean;
  /** The highlighted quantities in document order: index i is the i-th highlight on the page. */
  targets: Target[];
  /** The article's numbered sections with counts (`start` is a text offset for `targetsPageScrollTo`). */
  outline: OutlineSection[];
}

/** Target-extraction and side-panel messages. */
export interface TargetsProtocol {
  /** Reader → background: extract the targets of a page's flat text. */
  analyzeTargets: {
    req: { text: string };
    /** `targets` as made by `encodeTargets`; `busyMs`: the background's own extraction time. */
    res: { targets: string; busyMs: number };
  };
  /** Side panel → reader: the highlighted targets and the outline. */
  targetsPageState: { req: Record<string, never>; res: TargetsPageState };
  /** Side panel → reader: scroll to highlight `index` and open its card (`planlens-focus`); false when there is none. */
  targetsPageFocus: { req: { index: number }; res: boolean };
  /** Side panel → reader: scroll to the text offset `offset` of the article (a section heading). */
  targetsPageScrollTo: { req: { offset: number }; res: boolean };
}
