/**
 * The background's handle on the notes database: one lazily opened Dexie instance in the
 * extension origin, and the request for persistent storage.
 *
 * @module
 */
import { browser } from 'wxt/browser';
import { Dexie } from 'dexie';
import { normalizePageUrl } from '@/lib/db/note';
import { PlanLensDb } from '@/lib/db/schema';
import { NOTED_SITES_KEY } from '@/lib/site-prefs/noted-sites';

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

/**
 * How many notes belong to the page at `url` (stored under that address, or with it as their
 * canonical address): two indexed counts, cheap enough for every report of a noted site.
 * Edge cases: a non-http(s) or unparsable address has none.
 */
export async function countNotesOfPage(url: string): Promise<number> {
  if (!/^https?:/u.test(url)) return 0;
  const page = normalizePageUrl(url);
  const db = notesDb();
  const ids = new Set([
    ...(await db.notes.where('url').equals(page).primaryKeys()),
    ...(await db.notes.where('canonicalUrl').equals(page).primaryKeys()),
  ]);
  return ids.size;
}

/** Writes the hosts that have notes to {@link NOTED_SITES_KEY}, for the gate. */
export async function refreshNotedSites(): Promise<void> {
  const sites = (await notesDb().notes.orderBy('site').uniqueKeys()).filter(
    (site): site is string => typeof site === 'string' && site !== '',
  );
  await browser.storage.local.set({ [NOTED_SITES_KEY]: sites });
}

/**
 * Keeps {@link NOTED_SITES_KEY} in step with the notes: now, and after every change to the database
 * made here or in an extension page (Dexie tells every context of our origin), debounced.
 */
export function followNotedSites(): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const refresh = () => void refreshNotedSites().catch(() => undefined);
  refresh();
  Dexie.on('storagemutated', () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, 300);
  });
}
