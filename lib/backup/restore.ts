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

/** The file text of a backup of every note and every backed-up setting. */
export async function exportEverything(
  db: PlanLensDb,
  storage: BackupStorage,
  now = new Date(),
): Promise<string> {
  const [notes, entries] = await Promise.all([db.notes.toArray(), storage.get(null)]);
  return writeBackup(notes, entries, now);
}

/** What a restore put back. */
export interface RestoreReport {
  notes: number;
  settings: number;
}

/**
 * Replaces every note and backed-up setting with the file's, all or nothing: the file is validated
 * completely first (throwing `BackupError` before anything changes); the settings are swapped, then
 * the notes in one database transaction; if that fails the previous settings are put back and the
 * database transaction leaves the old notes in place.
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
  try {
    await storage.remove(Object.keys(before).filter((key) => !(key in entries)));
    await storage.set(entries);
    await db.transaction('rw', db.notes, async () => {
      await db.notes.clear();
      await db.notes.bulkAdd(rows);
    });
  } catch (error) {
    await storage.remove(Object.keys(entries).filter((key) => !(key in before)));
    await storage.set(before);
    throw error;
  }
  return { notes: rows.length, settings: Object.keys(entries).length };
}
