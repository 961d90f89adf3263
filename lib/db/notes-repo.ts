/**
 * Reads and writes of notes. Every function takes the database, so the background, the side panel
 * and tests share one implementation.
 *
 * @module
 */
import { foldText } from '../anchor/fold';
import { getT2s } from '../anchor/t2s';
import {
  DEFAULT_NOTE_COLOR,
  isNoteColor,
  normalizePageUrl,
  siteOf,
  type NoteDraft,
  type NoteRecord,
} from './note';
import type { PlanLensDb } from './schema';

/**
 * Fills the derived fields of a note (site, folded quote, index key, times). `modified` is now,
 * unless `keepModified` (imports keep the file's times).
 */
export function completeNote(draft: NoteDraft, now = new Date(), keepModified = false): NoteRecord {
  const iso = now.toISOString();
  const url = normalizePageUrl(draft.url);
  return {
    ...draft,
    id: draft.id ?? `urn:uuid:${crypto.randomUUID()}`,
    url,
    site: siteOf(url),
    fingerprintKey: draft.fingerprint.key,
    quoteFolded: foldText(draft.quote.exact, { t2s: getT2s() }).text,
    color: isNoteColor(draft.color) ? draft.color : DEFAULT_NOTE_COLOR,
    tags: [...new Set(draft.tags.map((t) => t.trim()).filter(Boolean))],
    created: draft.created ?? iso,
    modified: keepModified && draft.modified ? draft.modified : iso,
  };
}

/** Creates a note, or replaces the one with the same id (keeping its creation time). */
export async function saveNote(db: PlanLensDb, draft: NoteDraft): Promise<NoteRecord> {
  return db.transaction('rw', db.notes, async () => {
    const existing = draft.id ? await db.notes.get(draft.id) : undefined;
    const note = completeNote({ ...draft, created: existing?.created ?? draft.created });
    await db.notes.put(note);
    return note;
  });
}

/** Changes the body, colour or tags of a note. Returns the updated note, or null if it is gone. */
export async function updateNote(
  db: PlanLensDb,
  id: string,
  changes: Partial<Pick<NoteRecord, 'body' | 'color' | 'tags'>>,
): Promise<NoteRecord | null> {
  return db.transaction('rw', db.notes, async () => {
    const note = await db.notes.get(id);
    if (!note) return null;
    const next: NoteRecord = {
      ...note,
      body: changes.body ?? note.body,
      color: isNoteColor(changes.color) ? changes.color : note.color,
      tags: changes.tags ? [...new Set(changes.tags.map((t) => t.trim()).filter(Boolean))] : note.tags,
      modified: new Date().toISOString(),
    };
    await db.notes.put(next);
    return next;
  });
}

/** Deletes a note and returns it (so the caller can offer undo), or null if it did not exist. */
export async function deleteNote(db: PlanLensDb, id: string): Promise<NoteRecord | null> {
  return db.transaction('rw', db.notes, async () => {
    const note = await db.notes.get(id);
    if (note) await db.notes.delete(id);
    return note ?? null;
  });
}

/** Puts a deleted note back exactly as it was (undo). */
export async function restoreNote(db: PlanLensDb, note: NoteRecord): Promise<NoteRecord> {
  await db.notes.put(note);
  return note;
}

/** Identifies a page: its address, its canonical address and its document fingerprint key. */
export interface PageKey {
  url: string;
  canonicalUrl: string;
  fingerprintKey: string;
}

/**
 * Most JSON characters the notes of one page may take: at most 3 UTF-8 bytes each, so the answer
 * to a page (and the side panel's copy of it) stays well under Chrome's 64 MiB message limit
 * whatever was imported for that address.
 */
export const PAGE_NOTES_JSON_BUDGET = 16 * 1024 * 1024;

/**
 * The notes of `lists` (in order, newest first within each) that fit in `budget` JSON characters
 * together; a note that does not fit is left out, later smaller ones may still go in.
 */
function keepWithinBudget(lists: NoteRecord[][], budget: number): NoteRecord[][] {
  let left = budget;
  return lists.map((list) => {
    const kept = new Set<NoteRecord>();
    for (const note of [...list].sort((a, b) => b.modified.localeCompare(a.modified))) {
      const size = JSON.stringify(note).length;
      if (size > left) continue;
      left -= size;
      kept.add(note);
    }
    return kept.size === list.length ? list : list.filter((n) => kept.has(n));
  });
}

/**
 * Notes for a page: `here` were made on this address (or its canonical one); `elsewhere` were made
 * on other copies of the same document (same fingerprint key), to be offered here.
 *
 * Edge cases: an empty fingerprint key never matches (foreign imports have none). Together the
 * notes never exceed `budget` JSON characters ({@link PAGE_NOTES_JSON_BUDGET}): past it the
 * oldest notes of the page, then of other copies, are left out (they stay in the database and the
 * side panel's list of all notes).
 */
export async function notesForPage(
  db: PlanLensDb,
  page: PageKey,
  budget = PAGE_NOTES_JSON_BUDGET,
): Promise<{ here: NoteRecord[]; elsewhere: NoteRecord[] }> {
  const url = normalizePageUrl(page.url);
  const addresses = [...new Set([url, page.canonicalUrl].filter(Boolean))];
  const byUrl = await db.notes.where('url').anyOf(addresses).toArray();
  const byCanonical = page.canonicalUrl
    ? await db.notes.where('canonicalUrl').equals(page.canonicalUrl).toArray()
    : [];
  const hereIds = new Set<string>();
  const here: NoteRecord[] = [];
  for (const note of [...byUrl, ...byCanonical]) {
    if (hereIds.has(note.id)) continue;
    hereIds.add(note.id);
    here.push(note);
  }
  const elsewhere = page.fingerprintKey
    ? (await db.notes.where('fingerprintKey').equals(page.fingerprintKey).toArray()).filter(
        (n) => !hereIds.has(n.id),
      )
    : [];
  const [hereKept, elsewhereKept] = keepWithinBudget([here, elsewhere], budget);
  return { here: hereKept!, elsewhere: elsewhereKept! };
}

/** Filters for {@link searchNotes}. */
export interface NoteQuery {
  /** Free text, matched in quotes, bodies, titles and tags, blind to 简/繁, width and spacing. */
  text?: string;
  tag?: string;
  site?: string;
}

/**
 * All notes matching the query, newest first.
 *
 * Edge cases: an empty query returns every note; `tag` and `site` use the indexes, text is a scan
 * (a personal store holds thousands of notes, not millions).
 */
export async function searchNotes(db: PlanLensDb, query: NoteQuery = {}): Promise<NoteRecord[]> {
  const t2s = getT2s();
  let notes = query.tag
    ? await db.notes.where('tags').equals(query.tag).toArray()
    : query.site
      ? await db.notes.where('site').equals(query.site).toArray()
      : await db.notes.toArray();
  if (query.site) notes = notes.filter((n) => n.site === query.site);
  const needle = query.text ? foldText(query.text, { t2s }).text : '';
  if (needle) {
    notes = notes.filter(
      (n) =>
        n.quoteFolded.includes(needle) ||
        foldText(`${n.body}\n${n.title}\n${n.tags.join('\n')}`, { t2s }).text.includes(needle),
    );
  }
  return notes.sort((a, b) => b.modified.localeCompare(a.modified));
}
