/**
 * The library: every plan page the reader has read, one entry per document (however many addresses
 * it was read on), with its document fields and its figures, so the ledger can put targets beside
 * outcomes across documents and years. Stored in the PlanLens database (schema v3).
 *
 * @module
 */
import type { DocFingerprint } from '../anchor/fingerprint';
import type { DocumentFields } from '../document/document-fields';
import type { LedgerFigure } from '../ledger/ledger-rows';
import { readFigureContext } from '../ledger/figure-context';
import type { MetricId } from '../targets/metric';
import type { Target } from '../targets/target';

/** Addresses kept per document, the latest (a page read under ever new query strings would grow without end). */
export const MAX_LIBRARY_URLS = 50;

/** One document of the library. Dates are ISO 8601 strings. */
export interface LibraryDocRecord {
  /** Identifies the document across its copies: see `libraryKeyOf`. */
  key: string;
  fingerprint: DocFingerprint;
  fields: DocumentFields;
  /** `fields.jurisdiction`, '' when unknown (indexed). */
  jurisdiction: string;
  /** `fields.year`, 0 when unknown (indexed). */
  year: number;
  /** Every address it was read on (fragments dropped), the latest last. */
  urls: string[];
  /** Title, jurisdiction, 发文字号 and addresses folded (simplified, no spaces) for search. */
  searchText: string;
  /** How many figures it has in `libraryFigures`. */
  figureCount: number;
  firstSeen: string;
  lastSeen: string;
}

/**
 * One figure of a library document: what the ledger ranks ({@link LedgerFigure}) plus what the
 * library shows and searches, and the keys of its indexes.
 */
export type LibraryFigureRecord = Omit<LedgerFigure, 'metric'> & {
  /** Auto-increment key. */
  id?: number;
  docKey: string;
  /** The document's jurisdiction, '' when unknown (the `[jurisdiction+metric]` index). */
  jurisdiction: string;
  /** The canonical metric, '' for none (an index cannot hold null). */
  metric: MetricId | '';
  indicator: string;
  section: string;
};

/** A figure as the reader sends it: a library figure without the keys the store fills in. */
export type LibraryFigureInput = Omit<LibraryFigureRecord, 'id' | 'docKey' | 'jurisdiction'>;

/**
 * The library figures of a document's targets, in document order: every target, with its place in
 * `text` (the string the offsets point into) read only for those with a metric — the others never
 * make ledger rows, and reading context costs a fold of up to a paragraph per figure.
 */
export function readLibraryFigures(text: string, targets: readonly Target[]): LibraryFigureInput[] {
  return targets.map((t) => ({
    quote: t.quote,
    text: t.text,
    value: t.value,
    valueMax: t.valueMax ?? null,
    unit: t.unit,
    qualifier: t.qualifier,
    indicator: t.indicator,
    kind: t.kind,
    section: t.section,
    start: t.start,
    metric: t.metric ?? '',
    year: t.year,
    direction: t.direction,
    firmness: t.firmness,
    ...(t.metric === null ? { headline: false, average: false } : readFigureContext(text, t)),
  }));
}
