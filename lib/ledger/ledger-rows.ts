/**
 * Ledger rows: one per (jurisdiction, year, metric, kind) across any number of documents, each
 * the figure a reader would quote for that cell.
 *
 * @module
 */
import type { DocumentFields, JurisdictionLevel } from '../document/document-fields';
import { METRIC_IDS, type MetricId } from '../targets/metric';
import type { Direction, Firmness, Target, TargetKind } from '../targets/target';
import { readFigureContext, type FigureContext } from './figure-context';
import { isStatisticsBulletin, readReviewYear } from './figure-year';

/** One analysed document as the ledger reads it. */
export interface LedgerDocument {
  fields: DocumentFields;
  /** Its targets, from analyzeText on `text`. */
  targets: readonly Target[];
  /** The text the targets' offsets point into (used to find the main targets paragraph). */
  text: string;
  /** Where it was read: a URL or a file path. */
  source: string;
}

/** One ledger row, with the export's columns in order. */
export interface LedgerRow {
  jurisdiction: string;
  level: JurisdictionLevel | null;
  year: number;
  metric: MetricId;
  kind: TargetKind;
  value: number;
  valueMax: number | null;
  unit: string;
  qualifier: string;
  direction: Direction | null;
  firmness: Firmness | null;
  /** The quantity as written in the document (`6%`, `20萬人`). */
  quote: string;
  title: string;
  source: string;
}

/** The export's columns, in order. */
export const LEDGER_COLUMNS: ReadonlyArray<keyof LedgerRow> = [
  'jurisdiction',
  'level',
  'year',
  'metric',
  'kind',
  'value',
  'valueMax',
  'unit',
  'qualifier',
  'direction',
  'firmness',
  'quote',
  'title',
  'source',
];

/**
 * One figure as the ledger ranks it: what {@link buildLedgerRows} reads of a target, plus its place
 * in the document ({@link FigureContext}), so a figure stored without its text (the library) ranks
 * as it did when read. `year` is the sentence's own year, as on a Target.
 */
export type LedgerFigure = Pick<
  Target,
  'quote' | 'value' | 'unit' | 'qualifier' | 'kind' | 'metric' | 'year' | 'direction' | 'firmness'
> & {
  valueMax: number | null;
  /** Where the figure's highlighted text starts in its document, and that text (to focus it). */
  start: number;
  text: string;
} & FigureContext;

/** A document as the ledger reads it without its text: fields, figures and where it was read. */
export interface LedgerSource {
  fields: Pick<DocumentFields, 'jurisdiction' | 'level' | 'year' | 'type' | 'title'>;
  figures: readonly LedgerFigure[];
  source: string;
}

/** Where a row's figure is in its document: not an export column, for focusing it from the ledger. */
export interface LedgerAnchor {
  start: number;
  text: string;
}

/** A ledger row with where its figure is ({@link LedgerAnchor}); exports read only LEDGER_COLUMNS. */
export type AnchoredLedgerRow = LedgerRow & { at: LedgerAnchor };

/** The ledger figures of a document's targets (only those with a metric), with their context in `text`. */
export function readLedgerFigures(text: string, targets: readonly Target[]): LedgerFigure[] {
  return targets
    .filter((t) => t.metric !== null)
    .map((t) => ({
      quote: t.quote,
      value: t.value,
      valueMax: t.valueMax ?? null,
      unit: t.unit,
      qualifier: t.qualifier,
      kind: t.kind,
      metric: t.metric,
      year: t.year,
      direction: t.direction,
      firmness: t.firmness,
      start: t.start,
      text: t.text,
      ...readFigureContext(text, t),
    }));
}

/**
 * The ledger rows of `docs`, one per (jurisdiction, year, metric, kind), sorted by jurisdiction,
 * year, metric (in METRIC_IDS order) and kind (target first).
 *
 * Only targets with a metric, in documents whose jurisdiction is known and whose figure has a year
 * (see readFigureYear), make rows. Every figure of a statistics bulletin (统计公报) is achieved.
 * Where several figures compete for one row, the first of these wins: a figure in the document's
 * main targets paragraph (`2026年…主要预期目标是：…`); one from a document of the figure's own year
 * (the 2025 statistics bulletin over the 2026 report's review of 2025; the 2026 plan over a later
 * document citing its targets); a year's own figure over a period average (增长15% over 年均增长8%);
 * then the earliest, in document order and in the order `docs` are given.
 */
export function buildLedgerRows(docs: readonly LedgerDocument[]): AnchoredLedgerRow[] {
  return buildLedgerRowsFromFigures(
    docs.map((doc) => ({
      fields: doc.fields,
      figures: readLedgerFigures(doc.text, doc.targets),
      source: doc.source,
    })),
  );
}

/**
 * {@link buildLedgerRows} for documents whose figures were read already (the library): same rows,
 * same ranking. Figures without a metric are skipped.
 */
export function buildLedgerRowsFromFigures(docs: readonly LedgerSource[]): AnchoredLedgerRow[] {
  // Per jurisdiction, the best row so far by its cell's number (cellNumber): no string key per
  // figure, and the numbers sort the rows within a jurisdiction. Ranks are kept beside the rows,
  // not in a wrapper object per figure (a library of 50,000 figures makes tens of thousands).
  const best = new Map<string, { rows: Map<number, AnchoredLedgerRow>; ranks: Map<number, number> }>();
  for (const doc of docs) {
    const { fields } = doc;
    if (fields.jurisdiction === null) continue;
    // A figure without its own year takes one of these two (readFigureYear's rule, decided once
    // per document rather than with a title test per figure).
    const bulletin = isStatisticsBulletin(fields);
    const targetYear = bulletin ? readReviewYear(fields) : fields.year;
    const reviewYear = readReviewYear(fields);
    let cells = best.get(fields.jurisdiction);
    if (!cells) best.set(fields.jurisdiction, (cells = { rows: new Map(), ranks: new Map() }));
    for (const t of doc.figures) {
      if (t.metric === null) continue;
      const year = t.year ?? (t.kind === 'target' ? targetYear : reviewYear);
      if (year === null) continue;
      const kind = bulletin ? 'achieved' : t.kind;
      const key = cellNumber(year, t.metric, kind);
      const rank = (t.headline ? 4 : 0) + (fields.year === year ? 2 : 0) + (t.average ? 0 : 1);
      const held = cells.ranks.get(key);
      if (held !== undefined && rank <= held) continue;
      const row: AnchoredLedgerRow = {
        jurisdiction: fields.jurisdiction,
        level: fields.level,
        year,
        metric: t.metric,
        kind,
        value: t.value,
        valueMax: t.valueMax,
        unit: t.unit,
        qualifier: t.qualifier,
        direction: t.direction,
        firmness: bulletin ? null : t.firmness,
        quote: t.quote,
        title: fields.title,
        source: doc.source,
        at: { start: t.start, text: t.text },
      };
      cells.rows.set(key, row);
      cells.ranks.set(key, rank);
    }
  }
  // Sorted by jurisdiction (collated as Chinese: the few names once, not per comparison), then by
  // the cell number, which orders year, metric (METRIC_IDS order) and kind (target first).
  const rows: AnchoredLedgerRow[] = [];
  for (const name of [...best.keys()].sort(compareJurisdictionNames)) {
    const cells = best.get(name)!.rows;
    for (const key of [...cells.keys()].sort((a, b) => a - b)) rows.push(cells.get(key)!);
  }
  return rows;
}

const METRIC_ORDER = new Map<string, number>(METRIC_IDS.map((id, i) => [id, i]));

let collator: Intl.Collator | undefined;

/**
 * Orders jurisdiction names as Chinese (by pinyin: 北京市 before 四川省), the ledger's row order.
 * The collator is made on first use and kept: making one loads the locale's collation data.
 */
export function compareJurisdictionNames(a: string, b: string): number {
  collator ??= new Intl.Collator('zh');
  return collator.compare(a, b);
}

/**
 * A number for (year, metric, kind) that sorts by year, then metric in METRIC_IDS order, then kind
 * (target first). Years may be any integer (negative ones sort first, as they should).
 */
function cellNumber(year: number, metric: MetricId, kind: TargetKind): number {
  return (year * METRIC_IDS.length + METRIC_ORDER.get(metric)!) * 2 + (kind === 'target' ? 0 : 1);
}
