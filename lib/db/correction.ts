/**
 * A reader's correction to one extracted quantity, as stored: the document it belongs to (its
 * fingerprint key, shared by every copy of the document, see lib/anchor/fingerprint), the
 * quantity's anchor in it (lib/anchor/target-anchor: the folded quantity and its context, not its
 * index), and the change (lib/targets/corrections).
 *
 * @module
 */
import type { TargetCorrection } from '../targets/corrections';
import type { TargetKind } from '../targets/target';

/** One stored correction. Dates are ISO 8601 strings. */
export interface CorrectionRecord extends TargetCorrection {
  /** {@link correctionIdOf}`(fingerprintKey, anchor)`: one correction per quantity of a document. */
  id: string;
  /** The document's fingerprint key (`doc:…` or `title:…`). */
  fingerprintKey: string;
  /** The quantity's anchor key (`prefix|exact|suffix`, folded). */
  anchor: string;
  /** What the reader saw when correcting, for lists and backups: the quantity as written… */
  quote: string;
  /** …and the extracted kind and indicator it corrected. */
  extractedKind: TargetKind;
  extractedIndicator: string;
  /** The page the correction was made on, and its title. */
  url: string;
  title: string;
  created: string;
  modified: string;
}

/**
 * The id of the correction to the quantity anchored at `anchor` in the document `fingerprintKey`.
 *
 * Edge cases: an empty fingerprint key (a page with neither 发文字号 nor title) still gives a
 * distinct id per anchor, shared by every such page — as the notes' key is.
 */
export function correctionIdOf(fingerprintKey: string, anchor: string): string {
  return `${fingerprintKey}\u001f${anchor}`;
}
