/**
 * The side panel's Ledger tab (台账): every library document's targets beside the achieved figures
 * for the same jurisdiction, year and indicator, whether each target was met, filters, a small chart
 * of one indicator over the years, links from each figure to its sentence, and CSV/JSON export of
 * what is shown.
 *
 * @module
 */
import { liveQuery } from 'dexie';
import { useEffect, useMemo, useState } from 'react';
import { loadLedgerRows } from '@/lib/db/library-repo';
import type { PlanLensDb } from '@/lib/db/schema';
import type { LedgerStrings } from '@/lib/i18n/strings';
import { formatLedgerCsv, formatLedgerJson } from '@/lib/ledger/export';
import type { AnchoredLedgerRow } from '@/lib/ledger/ledger-rows';
import { sendMessage } from '@/lib/messaging/runtime';
import { libraryPausedItem } from '@/lib/settings/items';
import { LedgerContent } from './ledger-table';
import { buildLedgerView, indexLedger, type LedgerFilter } from './ledger-view';
import { downloadText } from './notes-files';

const NO_FILTER: LedgerFilter = { jurisdiction: '', metric: '', year: 0 };

/**
 * The library's ledger rows, re-read whenever the library changes; null while loading. The rows'
 * index (cells paired, filters' choices) is built here, when the library changes, so that drawing
 * the tab and changing a filter only read it.
 */
function useLedgerRows(db: PlanLensDb): AnchoredLedgerRow[] | null {
  const [rows, setRows] = useState<AnchoredLedgerRow[] | null>(null);
  useEffect(() => {
    const load = async () => {
      const loaded = await loadLedgerRows(db);
      indexLedger(loaded);
      return loaded;
    };
    const subscription = liveQuery(load).subscribe({
      next: setRows,
      error: () => setRows([]),
    });
    return () => subscription.unsubscribe();
  }, [db]);
  return rows;
}

/** Whether the library is paused, followed live. */
function usePaused(): boolean {
  const [paused, setPaused] = useState(false);
  useEffect(() => {
    void libraryPausedItem.getValue().then(setPaused);
    return libraryPausedItem.watch((value) => setPaused(value === true));
  }, []);
  return paused;
}

/** Opens a figure's page with its sentence focused (one function for every row, so rows stay memoised). */
function openFigure(row: AnchoredLedgerRow): void {
  void sendMessage('libraryOpenFigure', { url: row.source, start: row.at.start, text: row.at.text }).catch(
    () => undefined,
  );
}

/** The Ledger tab. */
export function LedgerPanel({ db, strings }: { db: PlanLensDb; strings: LedgerStrings }) {
  const rows = useLedgerRows(db);
  const paused = usePaused();
  const [filter, setFilter] = useState<LedgerFilter>(NO_FILTER);
  const view = useMemo(() => (rows ? buildLedgerView(rows, filter) : null), [rows, filter]);
  if (!view) return null;
  const onExport = (kind: 'csv' | 'json') => {
    const date = new Date().toISOString().slice(0, 10);
    if (kind === 'csv') {
      downloadText(`planlens-ledger-${date}.csv`, formatLedgerCsv(view.rows), 'text/csv;charset=utf-8');
    } else downloadText(`planlens-ledger-${date}.json`, formatLedgerJson(view.rows), 'application/json');
  };
  return (
    <section className="space-y-3" aria-label={strings.tableLabel}>
      {paused && <p role="status">{strings.paused}</p>}
      {rows!.length === 0 ? (
        <p data-testid="ledger-empty">{strings.empty}</p>
      ) : (
        <LedgerContent
          view={view}
          filter={filter}
          strings={strings}
          onFilter={setFilter}
          onOpen={openFigure}
          onExport={onExport}
        />
      )}
    </section>
  );
}
