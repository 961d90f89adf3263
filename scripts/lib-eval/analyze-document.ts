/**
 * Detection plus extraction over one loaded document: what `npm run analyze` prints, and what
 * `npm run ledger` files.
 *
 * @module
 */
import { detectPlanPage, type Detection } from '../../lib/detect/detect';
import { readDocumentFields, type DocumentFields } from '../../lib/document/document-fields';
import { readFigureYear } from '../../lib/ledger/figure-year';
import { analyzeText, readAnalyzeOptions } from '../../lib/targets/analyze';
import type { Target } from '../../lib/targets/target';
import type { LoadedDocument } from './load-document';

/** One target as the CLI prints it (offsets into the document text; `year` resolved against the document). */
export type TargetRow = Pick<
  Target,
  | 'quote'
  | 'text'
  | 'value'
  | 'valueMax'
  | 'unit'
  | 'qualifier'
  | 'indicator'
  | 'kind'
  | 'section'
  | 'start'
  | 'end'
  | 'metric'
  | 'year'
  | 'direction'
  | 'firmness'
>;

/** The CLI's JSON line for one file. */
export interface DocumentReport {
  file: string;
  detection: Detection;
  /** The document's fields; `null` for a page that is not a plan page. */
  document: DocumentFields | null;
  targets: TargetRow[];
}

/** Keeps the printed fields of a target, in the documented order, with its year resolved. */
export function formatRow(t: Target, fields: DocumentFields): TargetRow {
  return {
    quote: t.quote,
    text: t.text,
    value: t.value,
    ...(t.valueMax !== undefined ? { valueMax: t.valueMax } : {}),
    unit: t.unit,
    qualifier: t.qualifier,
    indicator: t.indicator,
    kind: t.kind,
    section: t.section,
    start: t.start,
    end: t.end,
    metric: t.metric,
    year: readFigureYear(t, fields),
    direction: t.direction,
    firmness: t.firmness,
  };
}

/** The document fields of a loaded document, from its title, headings and text. */
export function readLoadedFields(doc: LoadedDocument): DocumentFields {
  return readDocumentFields({ title: doc.sample.title, headings: doc.sample.headings, text: doc.text });
}

/** Detects the page kind and, for detected pages only, reads the document fields and extracts its targets. */
export function analyzeDocument(doc: LoadedDocument): DocumentReport {
  const detection = detectPlanPage(doc.sample);
  if (!detection.match) return { file: doc.file, detection, document: null, targets: [] };
  const fields = readLoadedFields(doc);
  const targets = analyzeText(doc.text, readAnalyzeOptions(doc.sample.title)).map((t) =>
    formatRow(t, fields),
  );
  return { file: doc.file, detection, document: fields, targets };
}
