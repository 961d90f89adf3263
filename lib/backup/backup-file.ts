/**
 * The PlanLens backup file: everything the reader keeps, in one JSON file that restores exactly.
 *
 * ```json
 * { "format": "planlens-backup", "version": 1, "exportedAt": "2026-12-03T12:00:00.000Z",
 *   "sections": { "notes": { "schema": 2, "rows": [ …NoteRecord ] },
 *                 "settings": { "entries": { "site-choice:www.gov.cn": "always", … } } } }
 * ```
 *
 * Each kind of data is a section with its own schema number, so later kinds (corrections, a document
 * library) join as new sections without a new file version: a reader that does not know a section
 * refuses the file rather than restore part of it. `version` changes only when the envelope does.
 * Pure: validation here, storage and database work in `restore.ts`.
 *
 * @module
 */
import { parsePdfReaderSites } from '../pdf/pdf-sites';
import { NOTE_COLORS, type NoteRecord } from '../db/note';
import { parseSiteChoice } from '../site-prefs/site-choice';
import { parseSettings, SETTINGS_KEY } from '../site-prefs/script-choice';
import { parseUiLanguageChoice } from '../i18n/locale';
import { parseBackupReminder } from '../settings/backup-reminder';
import { parseHighlightColors } from '../settings/highlight-colors';

/** The `format` marker of a backup file. */
export const BACKUP_FORMAT = 'planlens-backup';
/** The envelope version this code writes and reads. */
export const BACKUP_VERSION = 1;
/** The notes section's schema: the Dexie schema version of the rows. */
export const NOTES_SECTION_SCHEMA = 2;

/** A validated backup. */
export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  sections: {
    notes: { schema: typeof NOTES_SECTION_SCHEMA; rows: NoteRecord[] };
    settings: { entries: Record<string, unknown> };
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

/** Builds the file's text from the notes and the raw storage entries (unrelated keys are left out). */
export function writeBackup(
  notes: readonly NoteRecord[],
  storageEntries: Record<string, unknown>,
  now = new Date(),
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
 * Throws {@link BackupError} naming the first problem: not JSON, not a PlanLens backup, written by a
 * newer PlanLens (a higher `version`, a higher section schema or an unknown section), a note row
 * that is incomplete or repeats an id, or a setting that is not a valid value for its key.
 */
export function readBackup(text: string): Backup {
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
  const unknown = Object.keys(sections).filter((name) => name !== 'notes' && name !== 'settings');
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
  const ids = new Set<string>();
  notes.rows.forEach((row: unknown, index) => {
    const problem = noteProblem(row);
    if (problem) throw new BackupError(`Note ${index + 1} ${problem}.`);
    const id = (row as NoteRecord).id;
    if (ids.has(id)) throw new BackupError(`Note ${index + 1} repeats the id ${id}.`);
    ids.add(id);
  });

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
    },
  };
}
