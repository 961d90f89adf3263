/**
 * Reads and writes of corrections to targets. Every function takes the database, so the
 * background, the side panel and tests share one implementation.
 *
 * @module
 */
import { normalizeCorrection, type TargetCorrection } from '../targets/corrections';
import type { Target } from '../targets/target';
import { correctionIdOf, type CorrectionRecord } from './correction';
import type { PlanLensDb } from './schema';

/** The most corrections one document returns (a page has at most a few thousand quantities). */
export const MAX_CORRECTIONS_PER_DOCUMENT = 20_000;

/** The corrections of the document `fingerprintKey`, oldest change first (at most {@link MAX_CORRECTIONS_PER_DOCUMENT}). */
export async function correctionsForDocument(
  db: PlanLensDb,
  fingerprintKey: string,
): Promise<CorrectionRecord[]> {
  const rows = await db.corrections
    .where('fingerprintKey')
    .equals(fingerprintKey)
    .limit(MAX_CORRECTIONS_PER_DOCUMENT)
    .toArray();
  return rows.sort((a, b) => a.modified.localeCompare(b.modified));
}

/** Where a quantity is and what was extracted there: what a correction is made against. */
export interface CorrectionSubject {
  fingerprintKey: string;
  anchor: string;
  /** The target as extracted (uncorrected). */
  target: Target;
  url: string;
  title: string;
}

/**
 * Stores `correction` for `subject`, replacing the one already there (keeping its creation time);
 * deletes it instead when nothing is left to correct (see normalizeCorrection). Returns the stored
 * record, or null when there is none now.
 */
export async function saveCorrection(
  db: PlanLensDb,
  subject: CorrectionSubject,
  correction: TargetCorrection,
  now = new Date(),
): Promise<CorrectionRecord | null> {
  const id = correctionIdOf(subject.fingerprintKey, subject.anchor);
  const value = normalizeCorrection(subject.target, correction);
  return db.transaction('rw', db.corrections, async () => {
    if (!value) {
      await db.corrections.delete(id);
      return null;
    }
    const existing = await db.corrections.get(id);
    const iso = now.toISOString();
    const record: CorrectionRecord = {
      id,
      fingerprintKey: subject.fingerprintKey,
      anchor: subject.anchor,
      quote: subject.target.quote,
      extractedKind: subject.target.kind,
      extractedIndicator: subject.target.indicator,
      url: subject.url,
      title: subject.title,
      ...value,
      created: existing?.created ?? iso,
      modified: iso,
    };
    await db.corrections.put(record);
    return record;
  });
}

/**
 * Puts the database back to `before` for the correction `id`: the record as it was, or no record
 * (`null`). What the panel's undo does.
 */
export async function restoreCorrection(
  db: PlanLensDb,
  id: string,
  before: CorrectionRecord | null,
): Promise<void> {
  if (before) await db.corrections.put(before);
  else await db.corrections.delete(id);
}
