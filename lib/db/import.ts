/**
 * Import of W3C Web Annotation JSON-LD: the file is read and validated whole by
 * `annotation-file.ts` (pure) before anything is written, then added in batches (so pages keep
 * loading their notes meanwhile) with duplicates skipped in linear time.
 *
 * @module
 */
import { parseAnnotationFile, ImportError } from './annotation-file';
import type { NoteRecord } from './note';
import { completeNote } from './notes-repo';
import type { PlanLensDb } from './schema';

export {
  annotationToDraft,
  fileTooLarge,
  IMPORT_LIMITS,
  ImportError,
  parseAnnotationFile,
} from './annotation-file';

/** The outcome of an import. */
export interface ImportReport {
  added: number;
  /** Duplicates: the same id with the same content, or the same address, quote and body. */
  skipped: number;
  /**
   * Notes whose id is already used by a different note (in the database or earlier in the file):
   * added under a new id, never dropped or written over.
   */
  renamed: number;
}

/** Notes written per transaction: small enough that a page's notes load between two batches. */
const BATCH = 500;

/** What makes two notes the same note: address, quote and body. */
function contentKey(note: Pick<NoteRecord, 'url' | 'quote' | 'body'>): string {
  return `${note.url}\u0000${note.quote.exact}\u0000${note.body}`;
}

/**
 * Imports a JSON-LD file. A note is a duplicate (skipped) when a note with the same address, quote
 * and body exists (the same note, perhaps exported by another profile) or appeared earlier in the
 * file. A note whose id is taken by a different note is added under a new id and counted in
 * `renamed`.
 *
 * Edge cases: throws ImportError before writing anything when the file is invalid or over a
 * limit; `modified` times from the file are kept. Writes go in batches of {@link BATCH}, each its
 * own transaction, so other readers of the notes get in between; should a batch fail (a full
 * disk), the notes of earlier batches stay and the ImportError says how many. Time is linear in the
 * notes of the file plus the stored notes on the same addresses.
 */
export async function importAnnotations(db: PlanLensDb, text: string): Promise<ImportReport> {
  const drafts = parseAnnotationFile(text);
  const now = new Date();
  const notes = drafts.map((draft) => completeNote(draft, now, true));
  // What is stored already, read once: the ids the file uses and the notes on its addresses.
  const urls = [...new Set(notes.map((n) => n.url))];
  const ids = [...new Set(drafts.flatMap((d) => (d.id ? [d.id] : [])))];
  const takenIds = new Set<string>();
  const knownContent = new Set<string>();
  await db.transaction('r', db.notes, async () => {
    for (const note of await db.notes.bulkGet(ids)) if (note) takenIds.add(note.id);
    // One key-range read per address (anyOf walks a cursor, far slower on a big index).
    for (const url of urls) {
      for (const note of await db.notes.where('url').equals(url).toArray())
        knownContent.add(contentKey(note));
    }
  });
  const report: ImportReport = { added: 0, skipped: 0, renamed: 0 };
  const toAdd: NoteRecord[] = [];
  for (const note of notes) {
    const key = contentKey(note);
    if (knownContent.has(key)) {
      report.skipped++;
      continue;
    }
    knownContent.add(key);
    if (takenIds.has(note.id)) {
      note.id = `urn:uuid:${crypto.randomUUID()}`;
      report.renamed++;
    }
    takenIds.add(note.id);
    toAdd.push(note);
  }
  for (let start = 0; start < toAdd.length; start += BATCH) {
    const batch = toAdd.slice(start, start + BATCH);
    try {
      await db.transaction('rw', db.notes, () => db.notes.bulkAdd(batch));
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new ImportError(`Stopped after ${start} of ${toAdd.length} notes: ${why}`, start);
    }
    report.added += batch.length;
    // Let waiting transactions (a tab loading its notes) run before the next batch.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return report;
}
