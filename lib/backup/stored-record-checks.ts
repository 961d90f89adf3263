/**
 * Validation of the stored records a backup carries besides notes — corrections (schema v3) and
 * the library's documents and figures (schema v4) — and the caps on how much one backup may hold.
 * Each check returns the first problem in words for the reader, or '' for a complete record.
 * Pure.
 *
 * @module
 */
import { IMPORT_LIMITS } from '../db/annotation-file';
import { MAX_LIBRARY_URLS } from '../db/library';
import { METRIC_IDS } from '../targets/metric';

/**
 * What one backup may hold. The notes' cap is the notes import's ({@link IMPORT_LIMITS}); a file
 * may be larger than a notes export, since the library's figures travel with it (50,000 figures,
 * pretty-printed, are about 35 MB), but not unboundedly so: the whole file is parsed in the page.
 */
export const BACKUP_LIMITS = {
  /** File size, in bytes. */
  fileBytes: 96 * 1024 * 1024,
  notes: IMPORT_LIMITS.notes,
  corrections: 100_000,
  libraryDocs: 10_000,
  libraryFigures: 500_000,
  /** Characters of a quoted quantity or figure, of a title, of an address (as for notes). */
  quoteChars: IMPORT_LIMITS.quoteChars,
  titleChars: IMPORT_LIMITS.titleChars,
  urlChars: IMPORT_LIMITS.urlChars,
  /** Addresses kept per library document (as the library keeps). */
  urlsPerDoc: MAX_LIBRARY_URLS,
} as const;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isDate = (v: unknown): boolean => isString(v) && !Number.isNaN(Date.parse(v));
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isWhole = (v: unknown): v is number => Number.isInteger(v);
const isOneOf = (v: unknown, values: readonly unknown[]): boolean => values.includes(v);

const KINDS = ['target', 'achieved'] as const;
const LEVELS = ['national', 'province', 'city', 'county'] as const;
const DOCUMENT_TYPES = [
  'work-report',
  'annual-plan',
  'five-year-plan',
  'action-plan',
  'livelihood-list',
  'policy-address',
  'other',
] as const;

/** The first text field of `keys` missing from `row`, or one longer than `max` characters. */
function textProblem(row: Record<string, unknown>, keys: readonly string[], max: number): string {
  for (const key of keys) {
    const value = row[key];
    if (!isString(value)) return `has no text field "${key}"`;
    if (value.length > max) return `has a field "${key}" longer than ${max.toLocaleString('en')} characters`;
  }
  return '';
}

/** The first problem with a stored correction (schema v3), or ''. */
export function correctionProblem(row: unknown): string {
  if (!isObject(row)) return 'is not an object';
  const L = BACKUP_LIMITS;
  const text =
    textProblem(row, ['id', 'fingerprintKey', 'anchor', 'extractedIndicator', 'title'], L.titleChars * 3) ||
    textProblem(row, ['quote'], L.quoteChars) ||
    textProblem(row, ['url'], L.urlChars);
  if (text) return text;
  if (row.id !== `${row.fingerprintKey as string}\u001f${row.anchor as string}`)
    return 'has an id that is not its document and anchor';
  if (typeof row.dismissed !== 'boolean') return 'has no yes/no field "dismissed"';
  if (row.kind !== null && !isOneOf(row.kind, KINDS))
    return `has an unknown kind ${JSON.stringify(row.kind)}`;
  if (!isOneOf(row.extractedKind, KINDS))
    return `has an unknown extracted kind ${JSON.stringify(row.extractedKind)}`;
  if (row.indicator !== null && !isString(row.indicator)) return 'has an indicator that is not text';
  if (isString(row.indicator) && row.indicator.length > L.titleChars)
    return `has a field "indicator" longer than ${L.titleChars.toLocaleString('en')} characters`;
  for (const key of ['created', 'modified'] as const) {
    if (!isDate(row[key])) return `has no valid date "${key}"`;
  }
  return '';
}

/** The first problem with a library document (schema v4), or ''. */
export function libraryDocProblem(row: unknown): string {
  if (!isObject(row)) return 'is not an object';
  const L = BACKUP_LIMITS;
  const text =
    textProblem(row, ['key', 'jurisdiction'], L.titleChars * 3) || textProblem(row, ['searchText'], 64_000);
  if (text) return text;
  const fp = row.fingerprint;
  if (!isObject(fp) || !['title', 'docNumber', 'date', 'key'].every((k) => isString(fp[k])))
    return 'has an incomplete "fingerprint"';
  const f = row.fields;
  if (
    !isObject(f) ||
    !(f.jurisdiction === null || isString(f.jurisdiction)) ||
    !(f.level === null || isOneOf(f.level, LEVELS)) ||
    !(f.year === null || isWhole(f.year)) ||
    !isOneOf(f.type, DOCUMENT_TYPES) ||
    !isString(f.title) ||
    f.title.length > L.titleChars ||
    !(f.docNumber === null || isString(f.docNumber))
  )
    return 'has incomplete or invalid "fields"';
  if (row.jurisdiction !== (f.jurisdiction ?? '') || row.year !== (f.year ?? 0))
    return 'has a jurisdiction or year that differs from its fields';
  const urls = row.urls;
  if (!Array.isArray(urls) || !urls.every(isString)) return 'has no list of addresses "urls"';
  if (urls.length > L.urlsPerDoc) return `has more than ${L.urlsPerDoc} addresses`;
  if (urls.some((u) => u.length > L.urlChars))
    return `has an address longer than ${L.urlChars.toLocaleString('en')} characters`;
  if (!isWhole(row.figureCount) || row.figureCount < 0) return 'has no figure count';
  for (const key of ['firstSeen', 'lastSeen'] as const) {
    if (!isDate(row[key])) return `has no valid date "${key}"`;
  }
  return '';
}

/** The first problem with a library figure (schema v4), or ''. */
export function libraryFigureProblem(row: unknown): string {
  if (!isObject(row)) return 'is not an object';
  const L = BACKUP_LIMITS;
  const text =
    textProblem(
      row,
      ['docKey', 'jurisdiction', 'indicator', 'section', 'unit', 'qualifier'],
      L.titleChars * 3,
    ) || textProblem(row, ['quote', 'text'], L.quoteChars);
  if (text) return text;
  if (row.id !== undefined && !(isWhole(row.id) && row.id > 0))
    return 'has an id that is not a positive whole number';
  if (!isFiniteNumber(row.value)) return 'has no number "value"';
  if (row.valueMax !== null && !isFiniteNumber(row.valueMax)) return 'has a "valueMax" that is not a number';
  if (!isOneOf(row.kind, KINDS)) return `has an unknown kind ${JSON.stringify(row.kind)}`;
  if (row.metric !== '' && !isOneOf(row.metric, METRIC_IDS))
    return `has an unknown metric ${JSON.stringify(row.metric)}`;
  if (row.year !== null && !isWhole(row.year)) return 'has a year that is not a whole number';
  if (row.direction !== null && !isOneOf(row.direction, ['up', 'down']))
    return `has an unknown direction ${JSON.stringify(row.direction)}`;
  if (row.firmness !== null && !isOneOf(row.firmness, ['hard', 'soft']))
    return `has an unknown firmness ${JSON.stringify(row.firmness)}`;
  if (!isWhole(row.start) || row.start < 0) return 'has no place "start"';
  if (typeof row.headline !== 'boolean' || typeof row.average !== 'boolean')
    return 'has no yes/no fields "headline" and "average"';
  return '';
}
