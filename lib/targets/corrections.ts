/**
 * A reader's corrections to the extracted targets: "not a target", the other kind, or a fixed
 * indicator. Stored per document (lib/db/correction.ts) under an anchor that does not depend on the
 * target's index, and applied here to the targets of a page before they are highlighted, listed and
 * exported.
 *
 * @module
 */
import type { Target, TargetKind } from './target';

/** What a reader changed about one extracted quantity; `null` fields are left as extracted. */
export interface TargetCorrection {
  /** Not a target at all: no highlight, no row, not exported. */
  dismissed: boolean;
  /** The kind the reader chose, when it differs from the extracted one. */
  kind: TargetKind | null;
  /** The indicator the reader wrote, when it differs from the extracted one. */
  indicator: string | null;
}

/** The fields a correction can change, as named in exports (`corrected` column). */
export type CorrectedField = 'dismissed' | 'kind' | 'indicator';

/** The longest indicator a reader may write (longer input is cut). */
export const MAX_INDICATOR_CHARS = 200;

/**
 * The correction in its smallest form against `target`: a kind or indicator equal to the extracted
 * one is dropped (`null`), an indicator is trimmed and cut to {@link MAX_INDICATOR_CHARS}. Returns
 * null when nothing is left to correct (switching the kind twice is no correction).
 *
 * Edge cases: an empty indicator means "keep the extracted one"; a dismissed target keeps its other
 * fields, so restoring it brings them back.
 */
export function normalizeCorrection(target: Target, correction: TargetCorrection): TargetCorrection | null {
  const indicator = correction.indicator?.trim().slice(0, MAX_INDICATOR_CHARS) ?? '';
  const normal: TargetCorrection = {
    dismissed: correction.dismissed,
    kind: correction.kind !== null && correction.kind !== target.kind ? correction.kind : null,
    indicator: indicator !== '' && indicator !== target.indicator ? indicator : null,
  };
  return normal.dismissed || normal.kind !== null || normal.indicator !== null ? normal : null;
}

/** The fields `correction` changes, in a fixed order (`dismissed`, `kind`, `indicator`). */
export function listCorrectedFields(correction: TargetCorrection): CorrectedField[] {
  const fields: CorrectedField[] = [];
  if (correction.dismissed) fields.push('dismissed');
  if (correction.kind !== null) fields.push('kind');
  if (correction.indicator !== null) fields.push('indicator');
  return fields;
}

/**
 * `target` as the reader corrected it: null when dismissed, else a copy with the corrected kind and
 * indicator. A kind switched to `achieved` drops the firmness (achieved figures have none, see
 * Target.firmness); offsets, quote and value are never changed.
 */
export function correctTarget(target: Target, correction: TargetCorrection): Target | null {
  if (correction.dismissed) return null;
  const kind = correction.kind ?? target.kind;
  return {
    ...target,
    kind,
    indicator: correction.indicator ?? target.indicator,
    firmness: kind === 'achieved' ? null : target.firmness,
  };
}

/** One target after {@link applyCorrections}. */
export interface CorrectedItem<T> {
  /** The item as extracted (for restore and the panel's "was" text). */
  item: T;
  /** The corrected target, null when dismissed. */
  target: Target | null;
  /** The correction that applied, with its stored id; absent when none did. */
  correction?: { id: string; value: TargetCorrection };
}

/**
 * Applies corrections to `items` (whose targets are `targetOf(item)`), matching each by its anchor
 * `anchors[k]` (see lib/anchor/target-anchor). Every item whose anchor has a correction gets it: two
 * identical quantities in identical context (rare) are corrected together.
 *
 * Edge cases: `anchors` shorter than `items` leaves the rest uncorrected; corrections whose anchor
 * matches nothing are ignored (kept in the store for another copy of the document).
 */
export function applyCorrections<T>(
  items: readonly T[],
  targetOf: (item: T) => Target,
  anchors: readonly string[],
  corrections: ReadonlyMap<string, { id: string; value: TargetCorrection }>,
): CorrectedItem<T>[] {
  return items.map((item, k) => {
    const target = targetOf(item);
    const anchor = anchors[k];
    const found = anchor === undefined ? undefined : corrections.get(anchor);
    if (!found) return { item, target };
    return { item, target: correctTarget(target, found.value), correction: found };
  });
}
