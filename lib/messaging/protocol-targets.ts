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
 * Corrections: the side panel asks the reader where a quantity is (`targetsPageAnchor`), writes the
 * correction to the database itself (it is an extension page) and tells the reader
 * (`targetsPageCorrectionsChanged`); the reader reads its document's corrections from the
 * background (`correctionsForPage`) and applies them to its highlights. While a panel watches the
 * page (it holds a watch port to the tab's reader, `TARGETS_PANEL_PORT` in runtime.ts, or asked
 * for the state in the last few seconds), the reader tells it when what it shows changed
 * (`targetsPageUpdated`: the panel then asks for the state; nothing polls), which highlight the
 * pointer is over (`targetsPageHover`) and which section the reader is in (`targetsPageLocation`).
 *
 * @module
 */
import type { PageLead } from './protocol-notes';
import type { CorrectedField, TargetCorrection } from '../targets/corrections';
import type { OutlineSection } from '../targets/outline';
import type { Target } from '../targets/target';

export type { CorrectedField, OutlineSection, Target, TargetCorrection };

/** A correction that applies on the page, as the side panel shows it. */
export interface PanelCorrection {
  /** The stored correction's id (lib/db/correction.ts). */
  id: string;
  /** The index of the corrected highlight in `targets`; -1 when the quantity was dismissed. */
  index: number;
  /** The quantity as extracted, before the correction. */
  extracted: Target;
  correction: TargetCorrection;
  fields: CorrectedField[];
}

/** A stored correction as the reader needs it. */
export interface PageCorrection extends TargetCorrection {
  id: string;
  anchor: string;
}

/** Where a highlighted quantity is in its document: what a correction is stored under. */
export interface TargetAnchorInfo {
  fingerprintKey: string;
  anchor: string;
  /** The quantity as extracted (uncorrected). */
  target: Target;
  url: string;
  title: string;
}

/** What the side panel shows of a page's targets. */
export interface TargetsPageState {
  /** The page's address, and the document's title (`document.title` without the site's chrome). */
  url: string;
  title: string;
  /** The document's date (`YYYY-MM-DD`: its 成文日期, signature or dateline), '' when the page has none. */
  date: string;
  /** Highlights are shown; when false, `targets` and `outline` are empty. */
  enabled: boolean;
  /** The highlighted quantities in document order: index i is the i-th highlight on the page. */
  targets: Target[];
  /** The article's numbered sections with counts (`start` is a text offset for `targetsPageScrollTo`). */
  outline: OutlineSection[];
  /** The corrections that apply on the page (to highlighted and to dismissed quantities). */
  corrections: PanelCorrection[];
  /** `start` of the outline section the reader is in (see `targetsPageLocation`), -1 before the first. */
  currentSection: number;
  /**
   * The 1-based page each target starts on, index for index (the PDF reader only; absent for a
   * web page). Exports cite it.
   */
  pages?: number[];
}

/** Target-extraction and side-panel messages. */
export interface TargetsProtocol {
  /**
   * Reader → background: one part of a long text, kept until the `analyzeTargets` that names the same
   * `request` (parts in order from 0). A long article goes in parts because a message is serialised
   * synchronously on the page's thread (≈45 ms per million characters): one part per task.
   */
  analyzeTargetsPart: { req: { request: string; index: number; text: string }; res: null };
  /**
   * Reader → background: extract the targets of a page's flat text: `text`, after the `parts`
   * parts sent before under `request` when given. Fails when those parts are not all there (a
   * background that restarted between them): the reader sends them all again.
   */
  analyzeTargets: {
    req: { text: string; request?: string; parts?: number };
    /** `targets` as made by `encodeTargets`; `busyMs`: the background's own extraction time. */
    res: { targets: string; busyMs: number };
  };
  /** Side panel → reader: the highlighted targets and the outline. */
  targetsPageState: { req: Record<string, never>; res: TargetsPageState };
  /** Side panel → reader: scroll to highlight `index` and open its card (`planlens-focus`); false when there is none. */
  targetsPageFocus: { req: { index: number }; res: boolean };
  /** Side panel → reader: scroll to the text offset `offset` of the article (a section heading). */
  targetsPageScrollTo: { req: { offset: number }; res: boolean };
  /** Side panel → reader: the anchor of highlight `index` (null when there is none). */
  targetsPageAnchor: { req: { index: number }; res: TargetAnchorInfo | null };
  /** Side panel → reader: the document's corrections changed; read and apply them again. */
  targetsPageCorrectionsChanged: { req: Record<string, never>; res: boolean };
  /**
   * Reader → background: the page's fingerprint key (folded in the background, as for notes) and the
   * stored corrections of that document.
   */
  correctionsForPage: {
    req: PageLead;
    res: { fingerprintKey: string; corrections: PageCorrection[] };
  };
  /**
   * Reader → side panel: its targets, outline, corrections or on/off state changed (a pass
   * finished, highlights were switched, corrections applied); the panel asks `targetsPageState`.
   */
  targetsPageUpdated: { req: Record<string, never>; res: null };
  /** Reader → side panel: the pointer is over highlight `index` (-1: over none). */
  targetsPageHover: { req: { index: number }; res: null };
  /** Reader → side panel: the reader is in the outline section starting at `section` (-1: before the first). */
  targetsPageLocation: { req: { section: number }; res: null };
}
