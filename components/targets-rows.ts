/**
 * The side panel's Targets table without React: its rows, the filter (kind, section, text with
 * 简/繁 ignored) and the sort, so they are unit-tested in Node.
 *
 * @module
 */
import { formatNormalQuantity } from '../lib/targets/normal-form';
import type { Target, TargetKind } from '../lib/targets/target';

/** One row: a highlighted quantity and its position among the page's highlights. */
export interface TargetRow {
  /** Index of the highlight on the page (document order). */
  index: number;
  target: Target;
  /** The value in normal form (`840亿斤`). */
  normal: string;
}

/** The table's columns, in order. */
export const TABLE_COLUMNS = [
  'indicator',
  'quote',
  'normal',
  'unit',
  'qualifier',
  'direction',
  'kind',
  'year',
  'section',
] as const;
/** A column of the table. */
export type TableColumn = (typeof TABLE_COLUMNS)[number];

/** What the reader filters by; empty strings mean "any". */
export interface RowFilter {
  kind: TargetKind | '';
  section: string;
  text: string;
}

/** A sort: a column (or `index`, the page order) and its direction. */
export interface RowSort {
  column: TableColumn | 'index';
  descending: boolean;
}

/** The rows for a page's targets, in document order. */
export function buildRows(targets: readonly Target[]): TargetRow[] {
  return targets.map((target, index) => ({ index, target, normal: formatNormalQuantity(target) }));
}

/**
 * The rows that pass `filter`: kind equal, section equal to or inside the chosen one (`二、… >
 * （一）…` is in `二、…`), and text found in the indicator, quantity, normal form, qualifier or
 * section after both sides went through `fold` (pass lib/anchor/t2s so 簡/繁 match) and lower case.
 */
export function filterRows(
  rows: readonly TargetRow[],
  filter: RowFilter,
  fold: (s: string) => string,
): TargetRow[] {
  const needle = fold(filter.text.trim()).toLowerCase();
  return rows.filter(({ target, normal }) => {
    if (filter.kind && target.kind !== filter.kind) return false;
    if (
      filter.section &&
      target.section !== filter.section &&
      !target.section.startsWith(`${filter.section} > `)
    ) {
      return false;
    }
    if (!needle) return true;
    const haystack = [target.indicator, target.quote, normal, target.qualifier, target.section].join('\n');
    return fold(haystack).toLowerCase().includes(needle);
  });
}

const collator = new Intl.Collator('zh-Hans-CN', { numeric: true });

/** A row's sort key for `column`: numbers for value, year and page order, text otherwise. */
function sortKey(row: TargetRow, column: RowSort['column']): number | string {
  const t = row.target;
  switch (column) {
    case 'index':
      return row.index;
    case 'normal':
      return t.value;
    case 'year':
      return t.year ?? Number.NEGATIVE_INFINITY;
    case 'direction':
      return t.direction ?? '';
    default:
      return t[column];
  }
}

/**
 * The rows sorted by `sort`, stable, ties kept in page order: numbers numerically (a value, the
 * year; no year sorts first), text by the Chinese collation with digits numerically. Returns a new
 * array.
 */
export function sortRows(rows: readonly TargetRow[], sort: RowSort): TargetRow[] {
  const sign = sort.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = sortKey(a, sort.column);
    const y = sortKey(b, sort.column);
    const order =
      typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    return order !== 0 ? sign * order : a.index - b.index;
  });
}

/** The top-level sections (the part before ` > `) of the rows, in page order, each once. */
export function listSections(rows: readonly TargetRow[]): string[] {
  return [...new Set(rows.map((r) => r.target.section.split(' > ')[0]!).filter(Boolean))];
}
