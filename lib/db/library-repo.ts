/**
 * Reads and writes of the library (see `library.ts`). Every function takes the database, so the
 * background, the side panel, the options page, the benchmark and tests share one implementation.
 *
 * @module
 */
import type { DocFingerprint } from '../anchor/fingerprint';
import { foldText } from '../anchor/fold';
import { getT2s } from '../anchor/t2s';
import type { DocumentFields } from '../document/document-fields';
import { compareLedger, type LedgerComparison } from '../ledger/compare';
import {
  buildLedgerRowsFromFigures,
  type AnchoredLedgerRow,
  type LedgerFigure,
  type LedgerSource,
} from '../ledger/ledger-rows';
import type { MetricId } from '../targets/metric';
import {
  MAX_LIBRARY_URLS,
  type LibraryDocRecord,
  type LibraryFigureInput,
  type LibraryFigureRecord,
} from './library';
import { normalizePageUrl } from './note';
import type { PlanLensDb } from './schema';

/** What the background stores for one read of a page. */
export interface LibraryEntry {
  /** The address it was read on; the fragment is dropped. */
  url: string;
  canonicalUrl: string;
  fingerprint: DocFingerprint;
  fields: DocumentFields;
  figures: readonly LibraryFigureInput[];
}

/**
 * The key of a document in the library. A 发文字号 identifies it wherever it is read (`doc:…`, the
 * notes' fingerprint key). A title alone does not — every province has a `政府工作报告` — so a title
 * key is joined with the jurisdiction and year (`title:政府工作报告|内蒙古自治区|2026`): copies in
 * either script, with or without pinyin, still agree. A PDF's own identity (`pdf:…`, pdf.js's
 * fingerprint of the file: `lib/pdf/pdf-fingerprint`) is the key as it is: the same file at any
 * address. With neither 发文字号 nor title, the address (canonical if any) is the key.
 */
export function libraryKeyOf(
  fingerprint: Pick<DocFingerprint, 'key'>,
  fields: Pick<DocumentFields, 'jurisdiction' | 'year'>,
  url: string,
  canonicalUrl = '',
): string {
  if (fingerprint.key.startsWith('doc:') || fingerprint.key.startsWith('pdf:')) return fingerprint.key;
  if (fingerprint.key !== '' && fingerprint.key !== 'title:') {
    return `${fingerprint.key}|${fields.jurisdiction ?? ''}|${fields.year ?? ''}`;
  }
  return `url:${normalizePageUrl(canonicalUrl || url)}`;
}

/** Folds text for the library's search: simplified script, NFKC, no spaces or inline pinyin. */
function foldForSearch(text: string): string {
  return foldText(text, { t2s: getT2s() }).text;
}

/**
 * Remembers one read of a document: creates its entry or updates it (fields, fingerprint, the
 * address added to its addresses) and replaces its figures with these, in one transaction.
 * Re-reading a page, or reading another copy of the same document, never duplicates it.
 *
 * Edge cases: the first-seen date is kept; at most {@link MAX_LIBRARY_URLS} addresses (the latest).
 */
export async function rememberDocument(
  db: PlanLensDb,
  entry: LibraryEntry,
  now = new Date(),
): Promise<LibraryDocRecord> {
  const url = normalizePageUrl(entry.url);
  const key = libraryKeyOf(entry.fingerprint, entry.fields, url, entry.canonicalUrl);
  const jurisdiction = entry.fields.jurisdiction ?? '';
  return db.transaction('rw', db.libraryDocs, db.libraryFigures, async () => {
    const held = await db.libraryDocs.get(key);
    const urls = [...(held?.urls ?? []).filter((u) => u !== url), url].slice(-MAX_LIBRARY_URLS);
    const doc: LibraryDocRecord = {
      key,
      fingerprint: entry.fingerprint,
      fields: entry.fields,
      jurisdiction,
      year: entry.fields.year ?? 0,
      urls,
      searchText: foldForSearch(
        [entry.fields.title, jurisdiction, entry.fields.docNumber ?? '', ...urls].join('\n'),
      ),
      figureCount: entry.figures.length,
      firstSeen: held?.firstSeen ?? now.toISOString(),
      lastSeen: now.toISOString(),
    };
    await db.libraryDocs.put(doc);
    await db.libraryFigures.where('docKey').equals(key).delete();
    await db.libraryFigures.bulkAdd(entry.figures.map((f) => ({ ...f, docKey: key, jurisdiction })));
    return doc;
  });
}

/**
 * Library documents matching `text` (in title, jurisdiction, 发文字号 or address, blind to 简/繁,
 * width and spacing), the most recently read first. An empty text lists every document.
 */
export async function searchLibrary(db: PlanLensDb, text = ''): Promise<LibraryDocRecord[]> {
  const needle = text.trim() ? foldForSearch(text) : '';
  const docs = await db.libraryDocs.toArray();
  return docs
    .filter((d) => needle === '' || d.searchText.includes(needle))
    .sort((a, b) => b.lastSeen.localeCompare(a.lastSeen));
}

/** Deletes a document and all its figures; false when there was no such document. */
export async function deleteLibraryDocument(db: PlanLensDb, key: string): Promise<boolean> {
  return db.transaction('rw', db.libraryDocs, db.libraryFigures, async () => {
    const held = await db.libraryDocs.get(key);
    await db.libraryFigures.where('docKey').equals(key).delete();
    await db.libraryDocs.delete(key);
    return held !== undefined;
  });
}

/** How much the library holds. */
export interface LibraryCounts {
  documents: number;
  figures: number;
}

/** Counts the library's documents and figures. */
export async function countLibrary(db: PlanLensDb): Promise<LibraryCounts> {
  return { documents: await db.libraryDocs.count(), figures: await db.libraryFigures.count() };
}

/** The library document read at `url` (fragment ignored), if any. */
export async function findLibraryDocument(db: PlanLensDb, url: string): Promise<LibraryDocRecord | null> {
  return (await db.libraryDocs.where('urls').equals(normalizePageUrl(url)).first()) ?? null;
}

/**
 * A stored figure with a metric as the ledger ranks it: the record itself (no copy: the ledger reads
 * only LedgerFigure's fields, and '' — no metric — was filtered out before).
 */
function asLedgerFigure(f: LibraryFigureRecord & { metric: MetricId }): LedgerFigure {
  return f;
}

/**
 * Groups figures under their documents as ledger sources: `source` is the address the document was
 * last read on (the figures' offsets are from that read). Figures of a missing document are dropped.
 */
export function groupLedgerSources(
  docs: readonly LibraryDocRecord[],
  figures: readonly LibraryFigureRecord[],
): LedgerSource[] {
  const byKey = new Map<string, LedgerFigure[]>();
  for (const f of figures) {
    if (f.metric === '') continue;
    let list = byKey.get(f.docKey);
    if (!list) byKey.set(f.docKey, (list = []));
    list.push(asLedgerFigure(f as LibraryFigureRecord & { metric: MetricId }));
  }
  return docs.map((doc) => ({
    fields: doc.fields,
    figures: byKey.get(doc.key) ?? [],
    source: doc.urls.at(-1) ?? '',
  }));
}

/** Every library document with its metric figures, as ledger sources (read in two table scans). */
export async function loadLedgerSources(db: PlanLensDb): Promise<LedgerSource[]> {
  const [docs, figures] = await db.transaction('r', db.libraryDocs, db.libraryFigures, () =>
    Promise.all([db.libraryDocs.toArray(), db.libraryFigures.toArray()]),
  );
  return groupLedgerSources(docs, figures);
}

/** The library's ledger rows: {@link buildLedgerRowsFromFigures} over {@link loadLedgerSources}. */
export async function loadLedgerRows(db: PlanLensDb): Promise<AnchoredLedgerRow[]> {
  return buildLedgerRowsFromFigures(await loadLedgerSources(db));
}

/**
 * The history of `metrics` for `jurisdiction`: target beside achieved per year, oldest first, read
 * through the `[jurisdiction+metric]` index (only those figures and their documents are loaded).
 * An empty jurisdiction or metric list gives none.
 */
export async function readMetricHistory(
  db: PlanLensDb,
  jurisdiction: string,
  metrics: readonly MetricId[],
): Promise<LedgerComparison[]> {
  if (jurisdiction === '' || metrics.length === 0) return [];
  const figures = await db.libraryFigures
    .where('[jurisdiction+metric]')
    .anyOf(metrics.map((m) => [jurisdiction, m]))
    .toArray();
  const keys = [...new Set(figures.map((f) => f.docKey))];
  const docs = (await db.libraryDocs.bulkGet(keys)).filter((d): d is LibraryDocRecord => d !== undefined);
  const rows = buildLedgerRowsFromFigures(groupLedgerSources(docs, figures));
  return compareLedger(rows).sort((a, b) => a.year - b.year);
}
