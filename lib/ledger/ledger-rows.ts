/**
 * Ledger rows: one per (jurisdiction, year, metric, kind) across any number of documents, each
 * the figure a reader would quote for that cell.
 *
 * @module
 */
import type { DocumentFields, JurisdictionLevel } from '../document/document-fields';
import { foldCue } from '../targets/fold-cue';
import { METRIC_IDS, type MetricId } from '../targets/metric';
import type { Direction, Firmness, Target, TargetKind } from '../targets/target';
import { isStatisticsBulletin, readFigureYear } from './figure-year';

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

/** A paragraph that states a document's headline targets: 主要预期目标是, 主要目标, 主要指标 (folded). */
const HEADLINE_PARAGRAPH = /主要预期目标|主要目标|主要指标/;

/** A figure averaged over a period (年均增长8%): a year's own figure is preferred to it. */
const AVERAGE = /年均|平均/;

interface Candidate {
  row: LedgerRow;
  /** Higher is better; ties go to the earlier candidate. */
  rank: number;
}

/**
 * The ledger rows of `docs`, one per (jurisdiction, year, metric, kind), sorted by jurisdiction,
 * year, metric (in METRIC_IDS order) and kind (target first).
 *
 * Only targets with a metric, in documents whose jurisdiction is known and whose figure has a year
 * (see readFigureYear), make rows. Every figure of a statistics bulletin (统计公报) is achieved. Where several figures compete for one row, the first of these
 * wins: a figure in the document's main targets paragraph (`2026年…主要预期目标是：…`); one from a
 * document of the figure's own year (the 2025 statistics bulletin over the 2026 report's review of
 * 2025; the 2026 plan over a later document citing its targets); a year's own figure over a period
 * average (增长15% over 年均增长8%); then the earliest, in document order and in the order `docs`
 * are given.
 */
export function buildLedgerRows(docs: readonly LedgerDocument[]): LedgerRow[] {
  const best = new Map<string, Candidate>();
  for (const doc of docs) {
    const { fields } = doc;
    if (fields.jurisdiction === null) continue;
    const bulletin = isStatisticsBulletin(fields);
    for (const t of doc.targets) {
      if (t.metric === null) continue;
      const year = readFigureYear(t, fields);
      if (year === null) continue;
      const row: LedgerRow = {
        jurisdiction: fields.jurisdiction,
        level: fields.level,
        year,
        metric: t.metric,
        kind: bulletin ? 'achieved' : t.kind,
        value: t.value,
        valueMax: t.valueMax ?? null,
        unit: t.unit,
        qualifier: t.qualifier,
        direction: t.direction,
        firmness: bulletin ? null : t.firmness,
        quote: t.quote,
        title: fields.title,
        source: doc.source,
      };
      const rank =
        (isHeadline(doc.text, t) ? 4 : 0) +
        (fields.year === year ? 2 : 0) +
        (AVERAGE.test(readClauseBefore(doc.text, t)) ? 0 : 1);
      const key = `${row.jurisdiction}\u0000${year}\u0000${row.metric}\u0000${row.kind}`;
      const held = best.get(key);
      if (!held || rank > held.rank) best.set(key, { row, rank });
    }
  }
  return [...best.values()].map((c) => c.row).sort(compareRows);
}

/** Whether the paragraph holding `t` states the document's main targets (in either script, pinyin-laced or not). */
function isHeadline(text: string, t: Target): boolean {
  const paragraphStart = text.lastIndexOf('\n', t.quoteStart - 1) + 1;
  return HEADLINE_PARAGRAPH.test(foldCue(text.slice(paragraphStart, t.quoteStart)));
}

/** The clause before `t`'s quantity (back to ，；。 or a line break), bounded. */
function readClauseBefore(text: string, t: Target): string {
  const from = Math.max(0, t.quoteStart - 40);
  const before = text.slice(from, t.quoteStart);
  const cut = Math.max(...[...'，,；;。\n'].map((c) => before.lastIndexOf(c)));
  return foldCue(before.slice(cut + 1));
}

const METRIC_ORDER = new Map<string, number>(METRIC_IDS.map((id, i) => [id, i]));

function compareRows(a: LedgerRow, b: LedgerRow): number {
  return (
    a.jurisdiction.localeCompare(b.jurisdiction, 'zh') ||
    a.year - b.year ||
    METRIC_ORDER.get(a.metric)! - METRIC_ORDER.get(b.metric)! ||
    (a.kind === b.kind ? 0 : a.kind === 'target' ? -1 : 1)
  );
}
