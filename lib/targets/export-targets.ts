/**
 * Exports of a set of a page's targets (the rows the side panel shows): CSV that Excel and WPS open
 * with Chinese intact, tab-separated cells for the clipboard, JSON in the `npm run analyze -- --json`
 * format, and a Markdown table. Every export carries the document's title, address and date.
 *
 * @module
 */
import { escapeMarkdownLine, markdownLink } from '../text/markdown';
import type { CorrectedField } from './corrections';
import { formatNormalQuantity } from './normal-form';
import type { Target } from './target';

/** The document a set of rows comes from. */
export interface ExportDocument {
  title: string;
  url: string;
  /** The document's date when known (its 成文日期), else the day of the export; as written. */
  date: string;
}

/** One exported row: a target and its position in the page (0-based, document order). */
export interface ExportRow {
  index: number;
  /** As shown: with the reader's corrections applied. */
  target: Target;
  /** What the reader corrected (lib/targets/corrections); absent or empty when nothing. */
  corrected?: readonly CorrectedField[];
  /** The 1-based page of a PDF the target starts on; absent for a web page (the cell stays empty). */
  page?: number;
}

/** The columns of the CSV and TSV exports, in order. */
export const TARGET_COLUMNS = [
  'index',
  'indicator',
  'quantity',
  'normal',
  'value',
  'value_max',
  'unit',
  'qualifier',
  'direction',
  'kind',
  'year',
  'section',
  'page',
  'metric',
  'firmness',
  'corrected',
  'document',
  'url',
  'date',
] as const;

/** UTF-8 byte order mark: Excel and WPS read a CSV without it in the system's ANSI code page. */
export const CSV_BOM = '\uFEFF';

function cellsOf(row: ExportRow, doc: ExportDocument): string[] {
  const t = row.target;
  return [
    String(row.index + 1),
    t.indicator,
    t.quote,
    formatNormalQuantity(t),
    String(t.value),
    t.valueMax === undefined ? '' : String(t.valueMax),
    t.unit,
    t.qualifier,
    t.direction ?? '',
    t.kind,
    t.year === null ? '' : String(t.year),
    t.section,
    row.page === undefined ? '' : String(row.page),
    t.metric ?? '',
    t.firmness ?? '',
    (row.corrected ?? []).join(';'),
    doc.title,
    doc.url,
    doc.date,
  ];
}

/** A leading = + - @ would run as a formula in a spreadsheet; plain numbers (`-2.5`) are left alone. */
function defuseFormula(value: string): string {
  return /^[=+\-@\t\r]/u.test(value) && !/^-?\d+(\.\d+)?$/u.test(value) ? `'${value}` : value;
}

function csvCell(value: string): string {
  const safe = defuseFormula(value);
  return /[",\r\n]/u.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * The rows as RFC 4180 CSV: a UTF-8 BOM, a header row ({@link TARGET_COLUMNS}), one record per row,
 * CRLF line ends; fields with `"`, `,` or line breaks quoted; formula-like cells defused with `'`.
 * The document's title, address and date are columns of every record, so any subset of the file
 * still says where it came from. No rows: the header alone.
 */
export function exportTargetsCsv(rows: readonly ExportRow[], doc: ExportDocument): string {
  const records = [[...TARGET_COLUMNS], ...rows.map((r) => cellsOf(r, doc))];
  return CSV_BOM + records.map((record) => record.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * The rows as tab-separated cells for the clipboard (pasted into a spreadsheet they fill one cell
 * each): the header row then one line per row, `\n` line ends. Tabs and line breaks inside a cell
 * become spaces (a spreadsheet's paste does not read quotes reliably); formula-like cells defused.
 */
export function exportTargetsTsv(rows: readonly ExportRow[], doc: ExportDocument): string {
  const cell = (value: string) => defuseFormula(value.replace(/[\t\r\n]+/gu, ' '));
  const records = [[...TARGET_COLUMNS], ...rows.map((r) => cellsOf(r, doc))];
  return records.map((record) => record.map(cell).join('\t')).join('\n') + '\n';
}

/**
 * The rows as JSON in the CLI's format (`npm run analyze -- --json`): `{"file", "title", "url",
 * "date", "targets": [{"quote", "text", "value", "valueMax", "unit", "qualifier", "indicator",
 * "kind", "section", "start", "end", "metric", "year", "direction", "firmness"}]}`, `file` being the
 * document's address. `valueMax` is left out when the target has none, as the CLI does; a row the
 * reader corrected adds `"corrected": ["kind", "indicator"]` (the fields it changed), others have
 * no such key, so an uncorrected export is exactly the CLI's; a row from a PDF adds `"page"`.
 */
export function exportTargetsJson(rows: readonly ExportRow[], doc: ExportDocument): string {
  const targets = rows.map(({ target: t, corrected, page }) => ({
    quote: t.quote,
    text: t.text,
    value: t.value,
    valueMax: t.valueMax,
    unit: t.unit,
    qualifier: t.qualifier,
    indicator: t.indicator,
    kind: t.kind,
    section: t.section,
    start: t.start,
    end: t.end,
    metric: t.metric,
    year: t.year,
    direction: t.direction,
    firmness: t.firmness,
    ...(page === undefined ? {} : { page }),
    ...(corrected?.length ? { corrected: [...corrected] } : {}),
  }));
  return `${JSON.stringify({ file: doc.url, title: doc.title, url: doc.url, date: doc.date, targets }, null, 2)}\n`;
}

/** A Markdown table cell: one line, escaped (lib/text/markdown), `|` escaped so it cannot split the row. */
function markdownCell(value: string): string {
  return escapeMarkdownLine(value).replaceAll('|', '\\|');
}

/** Columns of the Markdown table (the document is in its heading, not in every row). */
const MARKDOWN_COLUMNS = TARGET_COLUMNS.slice(0, TARGET_COLUMNS.indexOf('document'));

/**
 * The rows as a Markdown document: the title as a heading, the address (a link only when http(s))
 * and the date, then a table of {@link TARGET_COLUMNS} without the document columns. Everything
 * taken from the page is escaped (`<>&[]\` and `|`).
 */
export function exportTargetsMarkdown(rows: readonly ExportRow[], doc: ExportDocument): string {
  const out = [
    `# ${markdownCell(doc.title || doc.url)}`,
    '',
    `${markdownLink(doc.url)} · ${markdownCell(doc.date)}`,
    '',
    `| ${MARKDOWN_COLUMNS.join(' | ')} |`,
    `|${MARKDOWN_COLUMNS.map(() => ' --- |').join('')}`,
  ];
  for (const row of rows) {
    const cells = cellsOf(row, doc).slice(0, MARKDOWN_COLUMNS.length);
    out.push(`| ${cells.map(markdownCell).join(' | ')} |`);
  }
  return `${out.join('\n')}\n`;
}

/** Characters no file name may hold on Windows, macOS or Linux, and control characters. */
const UNSAFE_FILE_CHARS = /[\\/:*?"<>|\p{Cc}]+/gu;

/**
 * A file name for an export of the document titled `title` and dated `date`: the title with
 * characters no file system accepts replaced by `_`, spaces collapsed, cut to 80 characters, then
 * ` date` when given (`…的通知 2026-02-13.csv`, so two years' plans of one title do not collide),
 * plus `.extension`; `planlens-targets` stands for the title when nothing is left of it (an empty
 * or all-punctuation title).
 */
export function exportFileNameFor(title: string, extension: string, date = ''): string {
  const clean = (text: string) => text.replace(UNSAFE_FILE_CHARS, '_').replace(/\s+/gu, ' ').trim();
  const base = clean(title).slice(0, 80).trim();
  const name = /^[_.\s]*$/u.test(base) ? 'planlens-targets' : base;
  const day = clean(date);
  return `${day ? `${name} ${day}` : name}.${extension}`;
}
