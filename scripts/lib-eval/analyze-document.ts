/**
 * Detection plus extraction over one loaded document: what `npm run analyze` prints.
 *
 * @module
 */
import { detectPlanPage, type Detection } from '../../lib/detect/detect';
import { analyzeText } from '../../lib/targets/analyze';
import type { Target } from '../../lib/targets/target';
import type { LoadedDocument } from './load-document';

/** One target as the CLI prints it (offsets into the document text). */
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
>;

/** The CLI's JSON line for one file. */
export interface DocumentReport {
  file: string;
  detection: Detection;
  targets: TargetRow[];
}

/** Keeps the printed fields of a target, in the documented order. */
export function formatRow(t: Target): TargetRow {
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
  };
}

/** Detects the page kind and, for detected pages only, extracts its targets. */
export function analyzeDocument(doc: LoadedDocument): DocumentReport {
  const detection = detectPlanPage(doc.sample);
  const targets = detection.match ? analyzeText(doc.text).map(formatRow) : [];
  return { file: doc.file, detection, targets };
}
