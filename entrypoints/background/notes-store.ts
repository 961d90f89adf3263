/**
 * The background's handle on the notes database: one lazily opened Dexie instance in the
 * extension origin, and the request for persistent storage.
 *
 * @module
 */
import { PlanLensDb } from '@/lib/db/schema';

let db: PlanLensDb | undefined;

/** The notes database of this extension (opened on first use). */
export function notesDb(): PlanLensDb {
  db ??= new PlanLensDb();
  return db;
}

/**
 * Asks the browser to keep our storage under pressure (with `unlimitedStorage`, extension storage is
 * exempt from quota; `persist()` also exempts it from eviction where the browser honours it).
 * Resolves to whether storage is persistent; never throws.
 */
export async function requestPersistentStorage(): Promise<boolean> {
  try {
    const storage = globalThis.navigator?.storage;
    if (!storage?.persist) return false;
    return (await storage.persisted?.()) || (await storage.persist());
  } catch {
    return false;
  }
}
