/**
 * The side panel's Targets and Outline tabs: the active tab's highlighted quantities as a sortable,
 * filterable table (click or Enter on a row focuses that highlight on the page), exports of what is
 * shown, and the article's sections with their counts.
 *
 * @module
 */
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { browser } from 'wxt/browser';
import { getT2s } from '@/lib/anchor/t2s';
import type { TargetsPageState } from '@/lib/messaging/protocol-targets';
import { sendTabMessage } from '@/lib/messaging/runtime';
import {
  exportFileNameFor,
  exportTargetsCsv,
  exportTargetsJson,
  exportTargetsMarkdown,
  exportTargetsTsv,
  type ExportDocument,
} from '@/lib/targets/export-targets';
import { downloadText } from './notes-files';
import { formatString, type TargetsStrings } from '@/lib/i18n/strings';
import {
  buildRows,
  filterRows,
  listSections,
  sortRows,
  TABLE_COLUMNS,
  type RowFilter,
  type RowSort,
  type TableColumn,
  type TargetRow,
} from './targets-rows';

/** How often the open panel re-reads the page (highlights change as the page does). */
const POLL_MS = 2000;

/**
 * The page state of `tabId`, re-read on navigation and every {@link POLL_MS}; `'none'` when no
 * reader answers. Only a changed answer re-renders (same targets → same object).
 */
export function useTargetsPage(tabId: number | null): TargetsPageState | null | 'none' {
  const [page, setPage] = useState<TargetsPageState | null | 'none'>(null);
  useEffect(() => {
    if (tabId === null) return;
    let cancelled = false;
    let last = '';
    const refresh = () =>
      sendTabMessage(tabId, 'targetsPageState', {}).then(
        (state) => {
          const key = `${state.url}\n${state.enabled}\n${state.targets.map((t) => `${t.start}:${t.end}`).join(',')}`;
          if (cancelled || key === last) return;
          last = key;
          setPage(state);
        },
        () => {
          if (cancelled || last === 'none') return;
          last = 'none';
          setPage('none');
        },
      );
    void refresh();
    const timer = setInterval(() => void refresh(), POLL_MS);
    const onUpdated = (id: number, change: { status?: string }) => {
      if (id === tabId && change.status === 'complete') void refresh();
    };
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      cancelled = true;
      clearInterval(timer);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, [tabId]);
  return page;
}

function cellText(row: TargetRow, column: TableColumn, strings: TargetsStrings): string {
  const t = row.target;
  switch (column) {
    case 'normal':
      return row.normal;
    case 'direction':
      return t.direction ? strings[`dir_${t.direction}`] : '';
    case 'kind':
      return strings[`kind_${t.kind}`];
    case 'year':
      return t.year === null ? '' : String(t.year);
    default:
      return t[column];
  }
}

const BUTTON =
  'rounded border border-slate-300 px-2 py-0.5 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800';
const FIELD = 'rounded border border-slate-300 bg-transparent px-1 py-0.5 dark:border-slate-600';

/** The Targets tab for `page`. */
export function TargetsTable({
  page,
  tabId,
  strings,
}: {
  page: TargetsPageState;
  tabId: number;
  strings: TargetsStrings;
}) {
  const [filter, setFilter] = useState<RowFilter>({ kind: '', section: '', text: '' });
  const [sort, setSort] = useState<RowSort>({ column: 'index', descending: false });
  const [message, setMessage] = useState('');
  const rows = useMemo(() => buildRows(page.targets), [page]);
  const sections = useMemo(() => listSections(rows), [rows]);
  const fold = useMemo(() => getT2s(), []);
  const shown = useMemo(() => sortRows(filterRows(rows, filter, fold), sort), [rows, filter, sort, fold]);
  const doc: ExportDocument = {
    title: page.title,
    url: page.url,
    date: new Date().toISOString().slice(0, 10),
  };
  const exportRows = shown.map((r) => ({ index: r.index, target: r.target }));

  const focusRow = (index: number) =>
    void sendTabMessage(tabId, 'targetsPageFocus', { index }).catch(() => false);
  const onRowKey = (event: KeyboardEvent<HTMLTableRowElement>, index: number) => {
    const row = event.currentTarget;
    const move = (next: Element | null) => {
      if (next instanceof HTMLElement) next.focus();
      event.preventDefault();
    };
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      focusRow(index);
    } else if (event.key === 'ArrowDown') move(row.nextElementSibling);
    else if (event.key === 'ArrowUp') move(row.previousElementSibling);
    else if (event.key === 'Home') move(row.parentElement?.firstElementChild ?? null);
    else if (event.key === 'End') move(row.parentElement?.lastElementChild ?? null);
  };
  const toggleSort = (column: TableColumn) =>
    setSort((s) =>
      s.column === column ? { column, descending: !s.descending } : { column, descending: false },
    );
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(exportTargetsTsv(exportRows, doc));
      setMessage(formatString(strings.copied, { n: exportRows.length }));
    } catch (error) {
      setMessage(`${strings.copyFailed} ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  if (rows.length === 0) return <p>{strings.noTargets}</p>;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <label className="flex items-center gap-1">
          <span className="sr-only">{strings.filterText}</span>
          <input
            type="search"
            className={`${FIELD} w-36`}
            placeholder={strings.filterTextPlaceholder}
            value={filter.text}
            data-testid="targets-filter-text"
            onChange={(e) => setFilter((f) => ({ ...f, text: e.target.value }))}
          />
        </label>
        <label className="flex items-center gap-1">
          {strings.filterKind}
          <select
            className={FIELD}
            value={filter.kind}
            data-testid="targets-filter-kind"
            onChange={(e) => setFilter((f) => ({ ...f, kind: e.target.value as RowFilter['kind'] }))}
          >
            <option value="">{strings.any}</option>
            <option value="target">{strings.kind_target}</option>
            <option value="achieved">{strings.kind_achieved}</option>
          </select>
        </label>
        <label className="flex items-center gap-1">
          {strings.filterSection}
          <select
            className={`${FIELD} max-w-40`}
            value={filter.section}
            data-testid="targets-filter-section"
            onChange={(e) => setFilter((f) => ({ ...f, section: e.target.value }))}
          >
            <option value="">{strings.any}</option>
            {sections.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="flex flex-wrap items-center gap-2" role="group" aria-label={strings.exportLabel}>
        <span className="text-slate-600 dark:text-slate-300" data-testid="targets-shown">
          {formatString(strings.shown, { shown: shown.length, total: rows.length })}
        </span>
        <button
          type="button"
          className={BUTTON}
          data-testid="targets-export-csv"
          onClick={() =>
            downloadText(
              exportFileNameFor(doc.title, 'csv'),
              exportTargetsCsv(exportRows, doc),
              'text/csv;charset=utf-8',
            )
          }
        >
          {strings.exportCsv}
        </button>
        <button type="button" className={BUTTON} data-testid="targets-copy-tsv" onClick={() => void copy()}>
          {strings.copyTsv}
        </button>
        <button
          type="button"
          className={BUTTON}
          data-testid="targets-export-json"
          onClick={() =>
            downloadText(
              exportFileNameFor(doc.title, 'json'),
              exportTargetsJson(exportRows, doc),
              'application/json',
            )
          }
        >
          {strings.exportJson}
        </button>
        <button
          type="button"
          className={BUTTON}
          data-testid="targets-export-markdown"
          onClick={() =>
            downloadText(
              exportFileNameFor(doc.title, 'md'),
              exportTargetsMarkdown(exportRows, doc),
              'text/markdown',
            )
          }
        >
          {strings.exportMarkdown}
        </button>
      </div>
      {message && <p role="status">{message}</p>}
      <div className="overflow-x-auto">
        <table
          className="w-full border-collapse text-xs"
          aria-label={strings.tableLabel}
          data-testid="targets-table"
        >
          <thead>
            <tr>
              {TABLE_COLUMNS.map((column) => (
                <th
                  key={column}
                  scope="col"
                  className="border-b border-slate-300 px-1 py-1 text-left font-semibold whitespace-nowrap dark:border-slate-600"
                  aria-sort={
                    sort.column === column ? (sort.descending ? 'descending' : 'ascending') : undefined
                  }
                >
                  <button
                    type="button"
                    className="hover:underline"
                    title={formatString(strings.sortBy, { column: strings[`col_${column}`] })}
                    onClick={() => toggleSort(column)}
                  >
                    {strings[`col_${column}`]}
                    {sort.column === column ? (sort.descending ? ' ▼' : ' ▲') : ''}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr
                key={row.index}
                tabIndex={0}
                data-index={row.index}
                className={`cursor-pointer border-b border-slate-200 hover:bg-slate-100 focus:bg-orange-50 focus:outline-2 focus:outline-orange-500 dark:border-slate-700 dark:hover:bg-slate-800 dark:focus:bg-slate-800 ${row.target.kind === 'achieved' ? 'text-sky-800 dark:text-sky-300' : ''}`}
                onClick={() => focusRow(row.index)}
                onKeyDown={(event) => onRowKey(event, row.index)}
              >
                {TABLE_COLUMNS.map((column) => (
                  <td key={column} className="px-1 py-0.5 align-top">
                    {cellText(row, column, strings)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** The Outline tab for `page`: sections indented by level, each a button that scrolls there. */
export function OutlineList({
  page,
  tabId,
  strings,
}: {
  page: TargetsPageState;
  tabId: number;
  strings: TargetsStrings;
}) {
  if (page.outline.length === 0) return <p>{strings.noOutline}</p>;
  return (
    <nav aria-label={strings.outlineLabel}>
      <ol className="space-y-0.5" data-testid="outline">
        {page.outline.map((section) => (
          <li key={section.start} style={{ paddingLeft: `${(section.level - 1) * 12}px` }}>
            <button
              type="button"
              className="w-full rounded px-1 py-0.5 text-left hover:bg-slate-100 dark:hover:bg-slate-800"
              data-offset={section.start}
              onClick={() =>
                void sendTabMessage(tabId, 'targetsPageScrollTo', { offset: section.start }).catch(
                  () => false,
                )
              }
            >
              <span className="block">{section.title}</span>
              <span className="block text-xs text-slate-600 dark:text-slate-300">
                {formatString(strings.outlineCounts, {
                  targets: section.targets,
                  achieved: section.achieved,
                })}
              </span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
