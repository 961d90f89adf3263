/**
 * The PlanLens backup file: everything the reader keeps, in one JSON file that restores exactly.
 *
 * ```json
 * { "format": "planlens-backup", "version": 1, "exportedAt": "2026-12-03T12:00:00.000Z",
 *   "sections": { "notes": { "schema": 2, "rows": [ …NoteRecord ] },
 *                 "settings": { "entries": { "site-choice:www.gov.cn": "always", … } },
 *                 "corrections": { "schema": 3, "rows": [ …CorrectionRecord ] },
 *                 "library": { "schema": 4, "docs": [ …LibraryDocRecord ], "figures": [ …LibraryFigureRecord ] } } }
 * ```
 *
 * Each kind of data is a section with its own schema number (the Dexie version that added it), so
 * later kinds join as new sections without a new file version: a reader that does not know a
 * section refuses the file rather than restore part of it. `corrections` and `library` joined after
 * the first files were written: a file without them still reads, and its restore leaves the
 * corrections and the library as they are. `version` changes only when the envelope does.
 * Pure: validation here, storage and database work in `restore.ts`.
 *
 * @module
 */
import { parsePdfReaderSites } from '../pdf/pdf-sites';
import type { CorrectionRecord } from '../db/correction';
import type { LibraryDocRecord, LibraryFigureRecord } from '../db/library';
import { NOTE_COLORS, type NoteRecord } from '../db/note';
import { parseSiteChoice } from '../site-prefs/site-choice';
import { parseSettings, SETTINGS_KEY } from '../site-prefs/script-choice';
import { parseUiLanguageChoice } from '../i18n/locale';
import { parseBackupReminder } from '../settings/backup-reminder';
import { parseHighlightColors } from '../settings/highlight-colors';
import {
  BACKUP_LIMITS,
  correctionProblem,
  libraryDocProblem,
  libraryFigureProblem,
} from './stored-record-checks';

/** The `format` marker of a backup file. */
export const BACKUP_FORMAT = 'planlens-backup';
/** The envelope version this code writes and reads. */
export const BACKUP_VERSION = 1;
/** The notes section's schema: the Dexie schema version of the rows. */
export const NOTES_SECTION_SCHEMA = 2;
/** The corrections section's schema: the Dexie version that added the table. */
export const CORRECTIONS_SECTION_SCHEMA = 3;
/** The library section's schema: the Dexie version that added its two tables. */
export const LIBRARY_SECTION_SCHEMA = 4;

/** The database tables a backup carries besides notes. */
export interface StoredTables {
  corrections: CorrectionRecord[];
  libraryDocs: LibraryDocRecord[];
  libraryFigures: LibraryFigureRecord[];
}

/** A validated backup. */
export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  sections: {
    notes: { schema: typeof NOTES_SECTION_SCHEMA; rows: NoteRecord[] };
    settings: { entries: Record<string, unknown> };
    /** Absent in files written before corrections were backed up. */
    corrections?: { schema: typeof CORRECTIONS_SECTION_SCHEMA; rows: CorrectionRecord[] };
    /** Absent in files written before the library was backed up. */
    library?: {
      schema: typeof LIBRARY_SECTION_SCHEMA;
      docs: LibraryDocRecord[];
      figures: LibraryFigureRecord[];
    };
  };
}

/** Why a file cannot be restored; the message is meant for the reader. */
export class BackupError extends Error {
  override name = 'BackupError';
}

/**
 * True for a `browser.storage.local` key that belongs in a backup: per-site highlight choices,
 * conversion settings, and the options page's settings. The last-backup date stays with the profile.
 */
export function isBackedUpKey(key: string): boolean {
  return key.startsWith('site-choice:') || key === SETTINGS_KEY || key.startsWith('settings:');
}

/** Each backed-up key's parser: a value is valid exactly when parsing leaves it unchanged. */
function parserFor(key: string): ((value: unknown) => unknown) | null {
  if (key.startsWith('site-choice:')) return parseSiteChoice;
  if (key === SETTINGS_KEY) return parseSettings;
  if (key === 'settings:uiLanguage') return parseUiLanguageChoice;
  if (key === 'settings:highlightColors') return (v) => (v === null ? null : parseHighlightColors(v));
  if (key === 'settings:backupReminderEvery') return parseBackupReminder;
  if (key === 'settings:pdfReaderSites') return parsePdfReaderSites;
  return null;
}

/**
 * Builds the file's text from the notes, the raw storage entries (unrelated keys are left out) and
 * the other tables (each section written only when its table is given, so an empty library is an
 * empty section, not a missing one).
 */
export function writeBackup(
  notes: readonly NoteRecord[],
  storageEntries: Record<string, unknown>,
  now = new Date(),
  tables: Partial<StoredTables> = {},
): string {
  const entries = Object.fromEntries(
    Object.entries(storageEntries)
      .filter(([key]) => isBackedUpKey(key))
      .sort(([a], [b]) => a.localeCompare(b)),
  );
  const backup: Backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    sections: {
      notes: { schema: NOTES_SECTION_SCHEMA, rows: [...notes] },
      settings: { entries },
      ...(tables.corrections && {
        corrections: { schema: CORRECTIONS_SECTION_SCHEMA, rows: tables.corrections },
      }),
      ...(tables.libraryDocs &&
        tables.libraryFigures && {
          library: {
            schema: LIBRARY_SECTION_SCHEMA,
            docs: tables.libraryDocs,
            figures: tables.libraryFigures,
          },
        }),
    },
  };
  return `${JSON.stringify(backup, null, 2)}\n`;
}

/** JSON with object keys sorted, so two values compare equal whatever order their keys were written in. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    isObject(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);

/** The first problem with a note row, or '' when it is a complete schema-2 note. */
function noteProblem(row: unknown): string {
  if (!isObject(row)) return 'is not an object';
  for (const key of [
    'id',
    'url',
    'canonicalUrl',
    'site',
    'title',
    'fingerprintKey',
    'quoteFolded',
    'body',
  ] as const) {
    if (!isString(row[key])) return `has no text field "${key}"`;
  }
  if (!(row.id as string).startsWith('urn:uuid:')) return 'has an id that is not urn:uuid:…';
  for (const key of ['created', 'modified'] as const) {
    if (!isString(row[key]) || Number.isNaN(Date.parse(row[key]))) return `has no valid date "${key}"`;
  }
  const fp = row.fingerprint;
  if (!isObject(fp) || !['title', 'docNumber', 'date', 'key'].every((k) => isString(fp[k])))
    return 'has an incomplete "fingerprint"';
  const quote = row.quote;
  if (
    !isObject(quote) ||
    quote.type !== 'TextQuoteSelector' ||
    !['exact', 'prefix', 'suffix'].every((k) => isString(quote[k]))
  )
    return 'has an incomplete "quote"';
  const position = row.position;
  if (
    !isObject(position) ||
    position.type !== 'TextPositionSelector' ||
    !Number.isInteger(position.start) ||
    !Number.isInteger(position.end)
  )
    return 'has an incomplete "position"';
  if (!isStringArray(row.sectionPath)) return 'has no list "sectionPath"';
  if (!isStringArray(row.tags)) return 'has no list "tags"';
  if (!(NOTE_COLORS as readonly unknown[]).includes(row.color))
    return `has an unknown colour ${JSON.stringify(row.color)}`;
  if (row.pdfPage !== undefined && !(Number.isInteger(row.pdfPage) && (row.pdfPage as number) > 0))
    return 'has a PDF page that is not a positive whole number';
  return '';
}

/**
 * Reads and validates a backup file completely, so a restore either applies all of it or nothing.
 * Throws {@link BackupError} naming the first problem: larger than {@link BACKUP_LIMITS} allows (the
 * file, or a section's row count), not JSON, not a PlanLens backup, written by a newer PlanLens (a
 * higher `version`, a higher section schema or an unknown section), a note, correction, library
 * document or figure that is incomplete, over a field cap or repeats a key, a library figure whose
 * document is not in the file, or a setting that is not a valid value for its key.
 */
export function readBackup(text: string): Backup {
  // A UTF-16 length is at most the UTF-8 byte count: a file over the cap in characters is over it in bytes.
  if (text.length > BACKUP_LIMITS.fileBytes)
    throw new BackupError(
      `This file is larger than ${BACKUP_LIMITS.fileBytes / 1024 / 1024} MB, more than any PlanLens backup.`,
    );
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BackupError('This file is not JSON. Choose a file saved by “Export everything”.');
  }
  if (!isObject(value) || value.format !== BACKUP_FORMAT)
    throw new BackupError('This is not a PlanLens backup (no "format": "planlens-backup").');
  if (typeof value.version !== 'number' || value.version > BACKUP_VERSION)
    throw new BackupError(
      `This backup was made by a newer PlanLens (file version ${String(value.version)}). Update PlanLens first.`,
    );
  if (value.version !== BACKUP_VERSION)
    throw new BackupError(`Unknown backup version ${String(value.version)}.`);
  if (!isString(value.exportedAt)) throw new BackupError('The backup has no export date.');
  const sections = value.sections;
  if (!isObject(sections)) throw new BackupError('The backup has no "sections".');
  const unknown = Object.keys(sections).filter((name) => !KNOWN_SECTIONS.includes(name));
  if (unknown.length > 0)
    throw new BackupError(
      `This backup holds data this PlanLens does not know (${unknown.join(', ')}). Update PlanLens first.`,
    );

  const notes = sections.notes;
  if (!isObject(notes) || !Array.isArray(notes.rows))
    throw new BackupError('The backup has no notes section.');
  if (notes.schema !== NOTES_SECTION_SCHEMA)
    throw new BackupError(
      `The notes were saved with schema ${String(notes.schema)}; this PlanLens reads ${NOTES_SECTION_SCHEMA}.`,
    );
  checkRows(notes.rows, 'Note', BACKUP_LIMITS.notes, 'notes', noteProblem, (row) => (row as NoteRecord).id);
  const corrections = readCorrections(sections.corrections);
  const library = readLibrary(sections.library);

  const settings = sections.settings;
  if (!isObject(settings) || !isObject(settings.entries))
    throw new BackupError('The backup has no settings section.');
  for (const [key, stored] of Object.entries(settings.entries)) {
    const parse = isBackedUpKey(key) ? parserFor(key) : null;
    if (!parse) throw new BackupError(`The setting "${key}" is not one PlanLens knows.`);
    if (canonicalJson(parse(stored)) !== canonicalJson(stored))
      throw new BackupError(`The setting "${key}" has an invalid value.`);
  }
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: value.exportedAt,
    sections: {
      notes: { schema: NOTES_SECTION_SCHEMA, rows: notes.rows as NoteRecord[] },
      settings: { entries: settings.entries },
      ...(corrections && { corrections }),
      ...(library && { library }),
    },
  };
}

const KNOWN_SECTIONS: readonly string[] = ['notes', 'settings', 'corrections', 'library'];

/**
 * Checks every row of a section: at most `max` rows, each complete (`problem` says what is wrong),
 * none repeating another's `key` (when given). `what` names a row in messages (`Note 2 …`),
 * `plural` the rows in the count message.
 */
function checkRows(
  rows: readonly unknown[],
  what: string,
  max: number,
  plural: string,
  problem: (row: unknown) => string,
  key?: (row: unknown) => string | number | undefined,
  idName = 'id',
): void {
  if (rows.length > max)
    throw new BackupError(
      `This backup holds ${rows.length.toLocaleString('en')} ${plural}; ` +
        `at most ${max.toLocaleString('en')} can be restored.`,
    );
  const seen = new Set<string | number>();
  rows.forEach((row, index) => {
    const wrong = problem(row);
    if (wrong) throw new BackupError(`${what} ${index + 1} ${wrong}.`);
    const id = key?.(row);
    if (id === undefined) return;
    if (seen.has(id)) throw new BackupError(`${what} ${index + 1} repeats the ${idName} ${id}.`);
    seen.add(id);
  });
}

/** The corrections section, validated; undefined when the file has none (an older backup). */
function readCorrections(section: unknown): NonNullable<Backup['sections']['corrections']> | undefined {
  if (section === undefined) return undefined;
  if (!isObject(section) || !Array.isArray(section.rows))
    throw new BackupError('The backup’s corrections section has no rows.');
  if (section.schema !== CORRECTIONS_SECTION_SCHEMA)
    throw new BackupError(
      `The corrections were saved with schema ${String(section.schema)}; this PlanLens reads ${CORRECTIONS_SECTION_SCHEMA}.`,
    );
  checkRows(
    section.rows,
    'Correction',
    BACKUP_LIMITS.corrections,
    'corrections',
    correctionProblem,
    (row) => (row as CorrectionRecord).id,
  );
  return { schema: CORRECTIONS_SECTION_SCHEMA, rows: section.rows as CorrectionRecord[] };
}

/** The library section, validated; undefined when the file has none (an older backup). */
function readLibrary(section: unknown): NonNullable<Backup['sections']['library']> | undefined {
  if (section === undefined) return undefined;
  if (!isObject(section) || !Array.isArray(section.docs) || !Array.isArray(section.figures))
    throw new BackupError('The backup’s library section has no documents or no figures.');
  if (section.schema !== LIBRARY_SECTION_SCHEMA)
    throw new BackupError(
      `The library was saved with schema ${String(section.schema)}; this PlanLens reads ${LIBRARY_SECTION_SCHEMA}.`,
    );
  const docs = section.docs as LibraryDocRecord[];
  checkRows(
    docs,
    'Library document',
    BACKUP_LIMITS.libraryDocs,
    'library documents',
    libraryDocProblem,
    (row) => (row as LibraryDocRecord).key,
    'key',
  );
  const figures = section.figures as LibraryFigureRecord[];
  checkRows(
    figures,
    'Library figure',
    BACKUP_LIMITS.libraryFigures,
    'library figures',
    libraryFigureProblem,
    (row) => (row as LibraryFigureRecord).id,
  );
  const jurisdictionOf = new Map(docs.map((d) => [d.key, d.jurisdiction]));
  figures.forEach((figure, index) => {
    const jurisdiction = jurisdictionOf.get(figure.docKey);
    if (jurisdiction === undefined)
      throw new BackupError(`Library figure ${index + 1} belongs to a document that is not in the backup.`);
    if (jurisdiction !== figure.jurisdiction)
      throw new BackupError(`Library figure ${index + 1} names another jurisdiction than its document.`);
  });
  return { schema: LIBRARY_SECTION_SCHEMA, docs, figures };
}
