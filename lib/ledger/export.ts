/**
 * The ledger as a dataset: CSV (UTF-8 with a byte order mark, RFC 4180) and JSON, with the columns
 * of LEDGER_COLUMNS.
 *
 * @module
 */
import { LEDGER_COLUMNS, type LedgerRow } from './ledger-rows';

/** Byte order mark: spreadsheet programs read a CSV without one in the locale's code page. */
const BOM = '\uFEFF';

/** One CSV field: empty for null, quoted (with doubled quotes) when it holds `,`, `"`, CR or LF. */
function formatField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The rows as CSV: a BOM, a header line of LEDGER_COLUMNS, one line per row, each line ended by
 * CRLF (RFC 4180). Nulls are empty fields; numbers are written as JavaScript prints them
 * (180000, 5.5). No rows gives the header alone.
 */
export function formatLedgerCsv(rows: readonly LedgerRow[]): string {
  const lines = [LEDGER_COLUMNS.join(',')];
  for (const row of rows) lines.push(LEDGER_COLUMNS.map((c) => formatField(row[c])).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** The rows as a JSON array of objects with LEDGER_COLUMNS as keys, in that order (nulls kept). */
export function formatLedgerJson(rows: readonly LedgerRow[]): string {
  return JSON.stringify(rows.map((row) => Object.fromEntries(LEDGER_COLUMNS.map((c) => [c, row[c]]))));
}
