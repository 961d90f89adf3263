/**
 * The notes database: Dexie in the extension's own origin (background, side panel, options; never
 * a content script). Every schema version stays declared with its upgrade so any older database
 * opens.
 *
 * v1 — notes by id, url, fingerprintKey, modified.
 * v2 — adds canonicalUrl, site, the folded quote index and the multi-entry tags index; the upgrade
 *      fills `site`, `quoteFolded` and `tags` on v1 rows.
 * v3 — adds `corrections` (a reader's corrections to extracted targets, by id and document
 *      fingerprint); notes are kept as they are (no upgrade step).
 * v4 — adds the library (`libraryDocs` by key, address, jurisdiction, year, last read;
 *      `libraryFigures` by document and by jurisdiction+metric); notes and corrections are untouched,
 *      so there is no upgrade function.
 *
 * @module
 */
import { Dexie, type DexieOptions, type EntityTable } from 'dexie';
import { foldText } from '../anchor/fold';
import { getT2s } from '../anchor/t2s';
import type { CorrectionRecord } from './correction';
import type { LibraryDocRecord, LibraryFigureRecord } from './library';
import { siteOf, type NoteRecord } from './note';

/** Database name (one per browser profile, in the extension origin). */
export const DB_NAME = 'planlens';

/** Index declarations per schema version, kept for upgrade tests and frozen fixtures. */
export const SCHEMA = {
  1: { notes: 'id, url, fingerprintKey, modified' },
  2: { notes: 'id, url, canonicalUrl, fingerprintKey, modified, site, quoteFolded, *tags' },
  3: {
    notes: 'id, url, canonicalUrl, fingerprintKey, modified, site, quoteFolded, *tags',
    corrections: 'id, fingerprintKey, modified',
  },
  4: {
    notes: 'id, url, canonicalUrl, fingerprintKey, modified, site, quoteFolded, *tags',
    corrections: 'id, fingerprintKey, modified',
    libraryDocs: 'key, *urls, jurisdiction, year, lastSeen',
    libraryFigures: '++id, docKey, [jurisdiction+metric]',
  },
} as const;

/** The current schema version. */
export const CURRENT_VERSION = 4;

/** The PlanLens database. */
export class PlanLensDb extends Dexie {
  notes!: EntityTable<NoteRecord, 'id'>;
  corrections!: EntityTable<CorrectionRecord, 'id'>;
  libraryDocs!: EntityTable<LibraryDocRecord, 'key'>;
  libraryFigures!: EntityTable<LibraryFigureRecord, 'id'>;

  /** Opens (lazily, on first use) the database; pass fake-indexeddb's globals in tests. */
  constructor(options?: DexieOptions, name = DB_NAME) {
    super(name, options);
    this.version(1).stores(SCHEMA[1]);
    this.version(2)
      .stores(SCHEMA[2])
      .upgrade(async (tx) => {
        const t2s = getT2s();
        await tx
          .table('notes')
          .toCollection()
          .modify((note: Partial<NoteRecord>) => {
            note.tags ??= [];
            note.site ??= siteOf(note.url ?? '');
            note.canonicalUrl ??= '';
            note.quoteFolded = foldText(note.quote?.exact ?? '', { t2s }).text;
          });
      });
    this.version(3).stores(SCHEMA[3]);
    this.version(4).stores(SCHEMA[4]);
  }
}
