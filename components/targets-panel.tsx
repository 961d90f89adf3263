/**
 * The side panel's Targets and Outline tabs: the active tab's highlighted quantities as a sortable,
 * filterable table (click or Enter on a row focuses that highlight on the page; hovering a
 * highlight marks its row), the reader's corrections to it (not a target, the other kind, a fixed
 * indicator; kept in the database, applied on the page, undoable), exports of what is shown, and
 * the article's sections with their counts, the one the reader is in marked.
 *
 * @module
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { getT2s } from '@/lib/anchor/t2s';
import { correctionIdOf, type CorrectionRecord } from '@/lib/db/correction';
import { restoreCorrection, saveCorrection, type CorrectionSubject } from '@/lib/db/corrections-repo';
import type { PlanLensDb } from '@/lib/db/schema';
import type { PanelCorrection, TargetCorrection, TargetsPageState } from '@/lib/messaging/protocol-targets';
import { sendTabMessage, TARGETS_PANEL_PORT, watchTab } from '@/lib/messaging/runtime';
import { watchTabStatus } from '@/lib/storage/tab-state';
import {
  exportFileNameFor,
  exportTargetsCsv,
  exportTargetsJson,
  exportTargetsMarkdown,
  exportTargetsTsv,
  type ExportDocument,
} from '@/lib/targets/export-targets';
import { ExportBar } from './export-bar';
import { downloadText } from './notes-files';
import { listenToPage } from './page-listeners';
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
import { useWindowedRows, type WindowedRowsOptions } from './use-windowed-rows';

/** Whoever shows a page's state re-reads it now (after a correction). */
const refreshers = new Set<() => void>();
function refreshTargetsPage(): void {
  for (const refresh of refreshers) refresh();
}

/**
 * What in a page's state changes what the panel shows (an equal key keeps the old object): all
 * of it, since a figure can change its value or text without moving its offsets (`30万` → `40万`).
 */
function stateKey(state: TargetsPageState): string {
  return JSON.stringify(state);
}

/**
 * The page state of `tabId`; `'none'` when no reader answers. Nothing polls: the panel holds a
 * watch port to the tab's reader, which tells it when what it shows changed (`targetsPageUpdated`),
 * and re-reads on navigation and when the tab's stored status changes (a reader that started after
 * the panel opened reports its counts there; the port is opened again then). Only a changed answer
 * re-renders (same targets → same object).
 */
export function useTargetsPage(tabId: number | null): TargetsPageState | null | 'none' {
  const [page, setPage] = useState<TargetsPageState | null | 'none'>(null);
  useEffect(() => {
    if (tabId === null) return;
    let cancelled = false;
    let last = '';
    let unwatch: (() => void) | null = null;
    const watch = () => {
      unwatch ??= watchTab(tabId, TARGETS_PANEL_PORT, () => {
        unwatch = null;
      });
    };
    const refresh = () => {
      // Watching first: a pass that ends after this read is announced.
      watch();
      return sendTabMessage(tabId, 'targetsPageState', {}).then(
        (state) => {
          const key = stateKey(state);
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
    };
    void refresh();
    const now = () => void refresh();
    refreshers.add(now);
    const removers = [
      watchTabStatus(tabId, now),
      listenToPage('targetsPageUpdated', (_, sender) => {
        if (sender.tabId === tabId) now();
      }),
    ];
    return () => {
      cancelled = true;
      unwatch?.();
      refreshers.delete(now);
      removers.forEach((remove) => remove());
    };
  }, [tabId]);
  return page;
}

/**
 * What the reader in `tabId` reports as it happens: the highlight under the pointer (-1: none) and
 * the outline section the reader is in (its `start`, -1 before the first; starts from the state's).
 */
export function usePageEvents(tabId: number, page: TargetsPageState): { hovered: number; section: number } {
  const [hovered, setHovered] = useState(-1);
  const [section, setSection] = useState(page.currentSection);
  useEffect(() => setSection(page.currentSection), [page]);
  useEffect(() => {
    const removers = [
      listenToPage('targetsPageHover', ({ index }, sender) => {
        if (sender.tabId === tabId) setHovered(index);
      }),
      listenToPage('targetsPageLocation', ({ section: start }, sender) => {
        if (sender.tabId === tabId) setSection(start);
      }),
    ];
    return () => removers.forEach((remove) => remove());
  }, [tabId]);
  return { hovered, section };
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
const SMALL_BUTTON =
  'rounded border border-slate-300 px-1 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800';

/**
 * The drawn window of a long table (past 400 rows only the rows near the view are drawn, between
 * two spacer rows): 40 rows above and below the view, rows of 22 px until measured, 80 rows before
 * the table's place is known. The editor row below a row is not measured on its own.
 */
const WINDOW: Omit<WindowedRowsOptions, 'rowSelectorAt'> = {
  virtualFrom: 400,
  overscan: 40,
  rowPx: 22,
  initial: 80,
  rowSelector: 'tr[data-index]',
};

const NO_CORRECTION: TargetCorrection = { dismissed: false, kind: null, indicator: null };

/** One step the reader can undo: the correction `id` as it was before (null: there was none). */
interface UndoStep {
  id: string;
  before: CorrectionRecord | null;
}

/**
 * The panel's undo steps, newest last (at most 50). Kept outside the table, which unmounts while
 * its page reloads: the corrections are in the database, so they can be undone after a reload too.
 */
let undoSteps: UndoStep[] = [];

/** What a row's handlers need; one object for every row, so rows re-render only when their data does. */
interface RowActions {
  focusOnPage(index: number): void;
  /** Moves keyboard focus from the row of highlight `index` (rows not drawn yet are drawn first). */
  move(index: number, to: 'next' | 'previous' | 'first' | 'last'): void;
  correct(index: number, change: Partial<TargetCorrection>): void;
  toggleEditor(index: number): void;
  undo(): void;
}

/** One row of the table, with its correction editor below it when open. */
const TargetRowView = memo(function TargetRowView({
  row,
  position,
  correction,
  hovered,
  editing,
  strings,
  actions,
}: {
  row: TargetRow;
  /** Place among the shown rows (0-based); the header row is row 1 for assistive technology. */
  position: number;
  correction: PanelCorrection | undefined;
  hovered: boolean;
  editing: boolean;
  strings: TargetsStrings;
  actions: RowActions;
}) {
  const t = row.target;
  const editorId = `correct-${row.index}`;
  const other = t.kind === 'target' ? 'achieved' : 'target';
  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>) => {
    // Keys typed in the row's controls are theirs.
    if (event.target !== event.currentTarget) return;
    const move = (to: 'next' | 'previous' | 'first' | 'last') => {
      event.preventDefault();
      actions.move(row.index, to);
    };
    const key = event.key;
    if ((event.ctrlKey || event.metaKey) && key.toLowerCase() === 'z') {
      event.preventDefault();
      actions.undo();
    } else if (event.ctrlKey || event.metaKey || event.altKey) return;
    else if (key === 'Enter' || key === ' ') {
      event.preventDefault();
      actions.focusOnPage(row.index);
    } else if (key === 'ArrowDown') move('next');
    else if (key === 'ArrowUp') move('previous');
    else if (key === 'Home') move('first');
    else if (key === 'End') move('last');
    else if (key === 'Delete' || key === 'Backspace') {
      event.preventDefault();
      actions.correct(row.index, { dismissed: true });
    } else if (key === 'k' || key === 'K') {
      event.preventDefault();
      actions.correct(row.index, { kind: other });
    } else if (key === 'i' || key === 'I' || key === 'F2') {
      event.preventDefault();
      actions.toggleEditor(row.index);
    }
  };
  return (
    <>
      <tr
        tabIndex={0}
        aria-rowindex={position + 2}
        data-index={row.index}
        data-hovered={hovered || undefined}
        data-corrected={correction ? correction.fields.join(' ') : undefined}
        aria-keyshortcuts="Enter Delete K I Control+Z"
        className={`cursor-pointer border-b border-slate-200 hover:bg-slate-100 focus:bg-orange-50 focus:outline-2 focus:outline-orange-500 dark:border-slate-700 dark:hover:bg-slate-800 dark:focus:bg-slate-800 ${t.kind === 'achieved' ? 'text-sky-800 dark:text-sky-300' : ''} ${hovered ? 'bg-amber-100 outline outline-1 outline-amber-500 dark:bg-slate-700' : ''}`}
        onClick={(event) => {
          if (!(event.target as Element).closest('button, input')) actions.focusOnPage(row.index);
        }}
        onKeyDown={onKeyDown}
      >
        {TABLE_COLUMNS.map((column) => (
          <td key={column} className="px-1 py-0.5 align-top">
            {cellText(row, column, strings)}
          </td>
        ))}
        <td className="px-1 py-0.5 align-top whitespace-nowrap">
          <button
            type="button"
            className={SMALL_BUTTON}
            aria-expanded={editing}
            aria-controls={editing ? editorId : undefined}
            aria-label={formatString(strings.correctRow, { quote: t.quote })}
            data-testid="targets-correct"
            onClick={() => actions.toggleEditor(row.index)}
          >
            ✎
          </button>
          {correction && (
            <span
              className="ml-1 text-xs italic"
              data-testid="targets-corrected"
              title={formatString(strings.extractedAs, {
                kind: strings[`kind_${correction.extracted.kind}`],
                indicator: correction.extracted.indicator,
              })}
            >
              {strings.corrected}
            </span>
          )}
        </td>
      </tr>
      {editing && (
        <tr id={editorId} data-testid="targets-editor">
          <td colSpan={TABLE_COLUMNS.length + 1} className="px-1 py-1">
            <CorrectionEditor row={row} correction={correction} strings={strings} actions={actions} />
          </td>
        </tr>
      )}
    </>
  );
});

/** The controls that correct one row: not a target, the other kind, the indicator, back to as extracted. */
function CorrectionEditor({
  row,
  correction,
  strings,
  actions,
}: {
  row: TargetRow;
  correction: PanelCorrection | undefined;
  strings: TargetsStrings;
  actions: RowActions;
}) {
  const t = row.target;
  const [indicator, setIndicator] = useState(t.indicator);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const close = () => {
    actions.toggleEditor(row.index);
    document.querySelector<HTMLElement>(`tr[data-index="${row.index}"]`)?.focus();
  };
  return (
    <div
      className="flex flex-wrap items-center gap-2"
      role="group"
      aria-label={formatString(strings.correctRow, { quote: t.quote })}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          close();
        }
      }}
    >
      <button
        type="button"
        className={BUTTON}
        data-testid="targets-dismiss"
        onClick={() => actions.correct(row.index, { dismissed: true })}
      >
        {strings.notATarget}
      </button>
      <button
        type="button"
        className={BUTTON}
        data-testid="targets-switch-kind"
        onClick={() => actions.correct(row.index, { kind: t.kind === 'target' ? 'achieved' : 'target' })}
      >
        {t.kind === 'target' ? strings.switchToAchieved : strings.switchToTarget}
      </button>
      <form
        className="flex items-center gap-1"
        onSubmit={(event) => {
          event.preventDefault();
          actions.correct(row.index, { indicator });
        }}
      >
        <label className="flex items-center gap-1">
          {strings.indicatorLabel}
          <input
            ref={input}
            className={`${FIELD} w-40`}
            value={indicator}
            maxLength={200}
            data-testid="targets-indicator"
            onChange={(event) => setIndicator(event.target.value)}
          />
        </label>
        <button type="submit" className={BUTTON} data-testid="targets-save-indicator">
          {strings.saveIndicator}
        </button>
      </form>
      {correction && (
        <button
          type="button"
          className={BUTTON}
          data-testid="targets-remove-correction"
          onClick={() => actions.correct(row.index, NO_CORRECTION)}
        >
          {strings.removeCorrection}
        </button>
      )}
    </div>
  );
}

/** The Targets tab for `page`. */
export function TargetsTable({
  page,
  tabId,
  strings,
  db,
}: {
  page: TargetsPageState;
  tabId: number;
  strings: TargetsStrings;
  db: PlanLensDb;
}) {
  const [filter, setFilter] = useState<RowFilter>({ kind: '', section: '', text: '' });
  const [sort, setSort] = useState<RowSort>({ column: 'index', descending: false });
  const [message, setMessage] = useState('');
  const [editing, setEditing] = useState<number | null>(null);
  const [undoCount, setUndoCount] = useState(undoSteps.length);
  const { hovered } = usePageEvents(tabId, page);
  const tbody = useRef<HTMLTableSectionElement>(null);
  /** Where keyboard focus goes once the page answers after a correction (its row may be gone). */
  const refocus = useRef<number | null>(null);
  const rows = useMemo(() => buildRows(page.targets), [page]);
  const sections = useMemo(() => listSections(rows), [rows]);
  const fold = useMemo(() => getT2s(), []);
  const shown = useMemo(() => sortRows(filterRows(rows, filter, fold), sort), [rows, filter, sort, fold]);
  const byIndex = useMemo(
    () => new Map(page.corrections.filter((c) => c.index >= 0).map((c) => [c.index, c])),
    [page],
  );
  const dismissed = useMemo(() => page.corrections.filter((c) => c.index < 0), [page]);
  // The document's own date; the day of the export only when the page states none.
  const doc: ExportDocument = {
    title: page.title,
    url: page.url,
    date: page.date || new Date().toISOString().slice(0, 10),
  };
  const exportRows = shown.map((r) => ({
    index: r.index,
    target: r.target,
    corrected: byIndex.get(r.index)?.fields.filter((f) => f !== 'dismissed') ?? [],
    ...(page.pages?.[r.index] === undefined ? {} : { page: page.pages[r.index] }),
  }));

  const positions = useMemo(() => new Map(shown.map((r, k) => [r.index, k])), [shown]);

  // The page's newest state, for handlers made once.
  const latest = useRef({ page, rows, byIndex, dismissed, strings, shown, positions });
  latest.current = { page, rows, byIndex, dismissed, strings, shown, positions };

  const windowed = useWindowedRows(
    shown.length,
    tbody,
    {
      ...WINDOW,
      rowSelectorAt: (position) => {
        const row = latest.current.shown[position];
        return row ? `tr[data-index="${row.index}"]` : null;
      },
    },
    shown,
  );
  const { from, to, reveal: revealRow } = windowed;

  /** Writes `change` over the stored correction of `subject`, tells the page, keeps the undo step. */
  const write = useCallback(
    async (subject: CorrectionSubject | null, id: string | null, change: Partial<TargetCorrection>) => {
      const { strings: s } = latest.current;
      try {
        if (!subject) throw new Error('the page no longer has this quantity');
        const key = id ?? correctionIdOf(subject.fingerprintKey, subject.anchor);
        const before = (await db.corrections.get(key)) ?? null;
        const current: TargetCorrection = before
          ? { dismissed: before.dismissed, kind: before.kind, indicator: before.indicator }
          : NO_CORRECTION;
        await saveCorrection(db, subject, { ...current, ...change });
        undoSteps = [...undoSteps.slice(-49), { id: key, before }];
        setUndoCount(undoSteps.length);
        setMessage(s.correctionSaved);
      } catch (error) {
        setMessage(`${s.correctionFailed} ${error instanceof Error ? error.message : String(error)}`);
        return;
      }
      await sendTabMessage(tabId, 'targetsPageCorrectionsChanged', {}).catch(() => false);
      refreshTargetsPage();
    },
    [db, tabId],
  );

  const actions = useMemo<RowActions>(
    () => ({
      focusOnPage: (index) => void sendTabMessage(tabId, 'targetsPageFocus', { index }).catch(() => false),
      move: (index, where) => {
        const { shown: list, positions: at } = latest.current;
        const position = at.get(index) ?? 0;
        const next =
          where === 'first'
            ? 0
            : where === 'last'
              ? list.length - 1
              : Math.max(0, Math.min(list.length - 1, position + (where === 'next' ? 1 : -1)));
        revealRow(next, true);
      },
      toggleEditor: (index) => setEditing((open) => (open === index ? null : index)),
      correct: (index, change) => {
        refocus.current = latest.current.positions.get(index) ?? null;
        setEditing(null);
        void (async () => {
          const anchor = await sendTabMessage(tabId, 'targetsPageAnchor', { index }).catch(() => null);
          const subject = anchor && { ...anchor };
          await write(subject, null, change);
        })();
      },
      undo: () => {
        const step = undoSteps.at(-1);
        if (!step) return;
        undoSteps = undoSteps.slice(0, -1);
        setUndoCount(undoSteps.length);
        void restoreCorrection(db, step.id, step.before).then(async () => {
          setMessage(latest.current.strings.correctionUndone);
          await sendTabMessage(tabId, 'targetsPageCorrectionsChanged', {}).catch(() => false);
          refreshTargetsPage();
        });
      },
    }),
    [db, tabId, write, revealRow],
  );

  const restoreDismissed = async (correction: PanelCorrection) => {
    const record = await db.corrections.get(correction.id);
    const subject: CorrectionSubject | null = record
      ? {
          fingerprintKey: record.fingerprintKey,
          anchor: record.anchor,
          target: correction.extracted,
          url: record.url,
          title: record.title,
        }
      : null;
    await write(subject, correction.id, { dismissed: false });
  };

  // After a correction the page answers with new rows: focus stays at the same place in the table.
  useEffect(() => {
    const position = refocus.current;
    if (position === null || position < 0) return;
    refocus.current = null;
    revealRow(Math.min(position, latest.current.shown.length - 1), true);
  }, [page, revealRow]);

  // A highlight hovered on the page: its row is scrolled into view, without taking focus.
  useEffect(() => {
    const position = latest.current.positions.get(hovered);
    if (position !== undefined) revealRow(position, false);
  }, [hovered, revealRow]);

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

  if (rows.length === 0 && dismissed.length === 0) return <p>{strings.noTargets}</p>;
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
      <ExportBar
        label={strings.exportLabel}
        shown={formatString(strings.shown, { shown: shown.length, total: rows.length })}
        shownTestId="targets-shown"
        buttonClassName={BUTTON}
        actions={[
          {
            label: strings.exportCsv,
            testId: 'targets-export-csv',
            run: () =>
              downloadText(
                exportFileNameFor(doc.title, 'csv', page.date),
                exportTargetsCsv(exportRows, doc),
                'text/csv;charset=utf-8',
              ),
          },
          { label: strings.copyTsv, testId: 'targets-copy-tsv', run: () => void copy() },
          {
            label: strings.exportJson,
            testId: 'targets-export-json',
            run: () =>
              downloadText(
                exportFileNameFor(doc.title, 'json', page.date),
                exportTargetsJson(exportRows, doc),
                'application/json',
              ),
          },
          {
            label: strings.exportMarkdown,
            testId: 'targets-export-markdown',
            run: () =>
              downloadText(
                exportFileNameFor(doc.title, 'md', page.date),
                exportTargetsMarkdown(exportRows, doc),
                'text/markdown',
              ),
          },
        ]}
      />
      <p role="status" className="flex min-h-6 items-center gap-2">
        {message}
        {undoCount > 0 && (
          <button type="button" className={BUTTON} data-testid="targets-undo" onClick={actions.undo}>
            {strings.undo}
          </button>
        )}
      </p>
      <p id="targets-row-keys" className="text-xs text-slate-600 dark:text-slate-300">
        {strings.rowKeys}
      </p>
      <div className="overflow-x-auto">
        <table
          className="w-full border-collapse text-xs"
          aria-label={strings.tableLabel}
          aria-describedby="targets-row-keys"
          aria-rowcount={shown.length + 1}
          data-testid="targets-table"
        >
          <thead>
            <tr aria-rowindex={1}>
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
              <th
                scope="col"
                className="border-b border-slate-300 px-1 py-1 text-left font-semibold whitespace-nowrap dark:border-slate-600"
              >
                {strings.col_actions}
              </th>
            </tr>
          </thead>
          <tbody ref={tbody}>
            {windowed.spaceBefore > 0 && (
              <tr aria-hidden="true" data-testid="targets-spacer" style={{ height: windowed.spaceBefore }} />
            )}
            {shown.slice(from, to).map((row, k) => (
              <TargetRowView
                key={row.index}
                row={row}
                position={from + k}
                correction={byIndex.get(row.index)}
                hovered={hovered === row.index}
                editing={editing === row.index}
                strings={strings}
                actions={actions}
              />
            ))}
            {windowed.spaceAfter > 0 && (
              <tr aria-hidden="true" data-testid="targets-spacer" style={{ height: windowed.spaceAfter }} />
            )}
          </tbody>
        </table>
      </div>
      {dismissed.length > 0 && (
        <details data-testid="targets-dismissed">
          <summary>{formatString(strings.dismissedTitle, { n: dismissed.length })}</summary>
          <ul className="space-y-1 pt-1">
            {dismissed.map((c) => (
              <li key={c.id} className="flex items-center gap-2">
                <span>
                  {c.extracted.indicator} <strong>{c.extracted.quote}</strong>
                </span>
                <button
                  type="button"
                  className={SMALL_BUTTON}
                  data-testid="targets-restore"
                  onClick={() => void restoreDismissed(c)}
                >
                  {strings.restore}
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

/**
 * The Outline tab for `page`: sections indented by level, each a button that scrolls there; the
 * section the reader is in follows the page's scroll (`aria-current="location"`).
 */
export function OutlineList({
  page,
  tabId,
  strings,
}: {
  page: TargetsPageState;
  tabId: number;
  strings: TargetsStrings;
}) {
  const { section: current } = usePageEvents(tabId, page);
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    list.current?.querySelector('[aria-current]')?.scrollIntoView({ block: 'nearest' });
  }, [current]);
  if (page.outline.length === 0) return <p>{strings.noOutline}</p>;
  return (
    <nav aria-label={strings.outlineLabel}>
      <ol className="space-y-0.5" data-testid="outline" ref={list}>
        {page.outline.map((section) => (
          <li key={section.start} style={{ paddingLeft: `${(section.level - 1) * 12}px` }}>
            <button
              type="button"
              className={`w-full rounded px-1 py-0.5 text-left hover:bg-slate-100 dark:hover:bg-slate-800 ${section.start === current ? 'border-l-4 border-orange-500 font-semibold' : ''}`}
              data-offset={section.start}
              aria-current={section.start === current ? 'location' : undefined}
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
