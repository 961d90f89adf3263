/**
 * Export and restore of everything (see `backup-file.ts` for the format) against the notes database
 * and `browser.storage.local`. Runs in extension pages (the options page), where both are reachable.
 *
 * @module
 */
import type { PlanLensDb } from '../db/schema';
import { isBackedUpKey, readBackup, writeBackup } from './backup-file';

/** The part of `browser.storage.local` a backup touches (a fake in unit tests). */
export interface BackupStorage {
  get(keys: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

/**
 * The file text of a backup of every note, correction, library document and figure (read in one
 * transaction, so the figures match their documents) and every backed-up setting.
 */
export async function exportEverything(
  db: PlanLensDb,
  storage: BackupStorage,
  now = new Date(),
): Promise<string> {
  const [tables, entries] = await Promise.all([
    db.transaction('r', [db.notes, db.corrections, db.libraryDocs, db.libraryFigures], () =>
      Promise.all([
        db.notes.toArray(),
        db.corrections.toArray(),
        db.libraryDocs.toArray(),
        db.libraryFigures.toArray(),
      ]),
    ),
    storage.get(null),
  ]);
  const [notes, corrections, libraryDocs, libraryFigures] = tables;
  return writeBackup(notes, entries, now, { corrections, libraryDocs, libraryFigures });
}

/** What a restore put back; `null` for a table the file did not carry (left as it was). */
export interface RestoreReport {
  notes: number;
  settings: number;
  corrections: number | null;
  documents: number | null;
  figures: number | null;
}

/**
 * Replaces every note and backed-up setting with the file's — and the corrections and the library
 * when the file carries them (an older file leaves them as they are) — all or nothing: the file is
 * validated completely first (throwing `BackupError` before anything changes); the settings are
 * swapped, then the tables in one database transaction; if that fails the previous settings are put
 * back and the database transaction leaves the old tables in place.
 */
export async function restoreEverything(
  db: PlanLensDb,
  storage: BackupStorage,
  text: string,
): Promise<RestoreReport> {
  const backup = readBackup(text);
  const before = Object.fromEntries(
    Object.entries(await storage.get(null)).filter(([key]) => isBackedUpKey(key)),
  );
  const { entries } = backup.sections.settings;
  const { rows } = backup.sections.notes;
  const { corrections, library } = backup.sections;
  try {
    await storage.remove(Object.keys(before).filter((key) => !(key in entries)));
    await storage.set(entries);
    await db.transaction('rw', [db.notes, db.corrections, db.libraryDocs, db.libraryFigures], async () => {
      await db.notes.clear();
      await db.notes.bulkAdd(rows);
      if (corrections) {
        await db.corrections.clear();
        await db.corrections.bulkAdd(corrections.rows);
      }
      if (library) {
        await db.libraryDocs.clear();
        await db.libraryFigures.clear();
        await db.libraryDocs.bulkAdd(library.docs);
        await db.libraryFigures.bulkAdd(library.figures);
      }
    });
  } catch (error) {
    await storage.remove(Object.keys(entries).filter((key) => !(key in before)));
    await storage.set(before);
    throw error;
  }
  return {
    notes: rows.length,
    settings: Object.keys(entries).length,
    corrections: corrections?.rows.length ?? null,
    documents: library?.docs.length ?? null,
    figures: library?.figures.length ?? null,
  };
}
