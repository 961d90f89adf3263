import { useState, type KeyboardEvent } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { LedgerPanel } from '@/components/ledger-panel';
import { NotesPanel } from '@/components/notes-panel';
import { OutlineList, TargetsTable, useTargetsPage } from '@/components/targets-panel';
import { useActiveTab } from '@/components/use-active-tab';
import type { UiLocale } from '@/lib/i18n/locale';
import { formatString, ledgerStrings, notesStrings, targetsStrings } from '@/lib/i18n/strings';
import { PlanLensDb } from '@/lib/db/schema';
import { notesDueForBackup, parseBackupReminder } from '@/lib/settings/backup-reminder';
import { backupReminderItem, lastBackupItem, loadUiLocale, watchUiLocale } from '@/lib/settings/items';
import './style.css';

const TABS = ['targets', 'outline', 'notes', 'ledger'] as const;
type PanelTab = (typeof TABS)[number];

/** The tab named by `?tab=` (the popup's counts open `targets`), else Targets. */
function readInitialTab(): PanelTab {
  const asked = new URLSearchParams(location.search).get('tab');
  return TABS.find((t) => t === asked) ?? 'targets';
}

/** The tab id named by `?tabId=` (the panel opened as a normal tab), else null: follow the active tab. */
function readPinnedTab(): number | null {
  const pinned = Number(new URLSearchParams(location.search).get('tabId'));
  return Number.isInteger(pinned) && pinned > 0 ? pinned : null;
}

/** How many notes wait for a backup, when the reader asked to be reminded (0 otherwise). */
async function readBackupDue(db: PlanLensDb): Promise<number> {
  const every = parseBackupReminder(await backupReminderItem.getValue());
  if (every === 0) return 0;
  const created = (await db.notes.toArray()).map((note) => note.created);
  return notesDueForBackup(created, await lastBackupItem.getValue(), every);
}

/** The side panel: Targets · Outline · Notes · Ledger, an ARIA tab list (arrow keys move between tabs). */
function Panel({ db, locale, backupDue }: { db: PlanLensDb; locale: UiLocale; backupDue: number }) {
  const notes = notesStrings(locale);
  const targets = targetsStrings(locale);
  const pinned = readPinnedTab();
  const [tab, setTab] = useState<PanelTab>(readInitialTab);
  const tabId = useActiveTab(pinned);
  const page = useTargetsPage(tabId);
  const labels: Record<PanelTab, string> = {
    targets: targets.tabTargets,
    outline: targets.tabOutline,
    notes: notes.panelTitle,
    ledger: ledgerStrings(locale).tabLedger,
  };
  const onKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const next = TABS[(TABS.indexOf(tab) + step + TABS.length) % TABS.length]!;
    setTab(next);
    document.getElementById(`tab-${next}`)?.focus();
    event.preventDefault();
  };
  const ready = page !== null && page !== 'none' && tabId !== null;
  return (
    <main className="min-h-screen space-y-3 p-3 text-sm text-slate-900 dark:bg-slate-900 dark:text-slate-100">
      {backupDue > 0 && (
        <p role="status" data-testid="backup-due" className="rounded border border-amber-500 p-2">
          {formatString(notes.backupDue, { n: backupDue })}{' '}
          <button type="button" className="underline" onClick={() => void browser.runtime.openOptionsPage()}>
            {notes.backupNow}
          </button>
        </p>
      )}
      <div role="tablist" aria-label="PlanLens" className="flex gap-3" onKeyDown={onKey}>
        {TABS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`panel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            className={
              tab === name
                ? 'border-b-2 border-orange-500 font-semibold'
                : 'text-slate-600 dark:text-slate-300'
            }
            onClick={() => setTab(name)}
          >
            {labels[name]}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'ledger' ? (
          <LedgerPanel db={db} strings={ledgerStrings(locale)} />
        ) : tab === 'notes' ? (
          <NotesPanel db={db} strings={notes} tabId={pinned} />
        ) : !ready ? (
          page === 'none' && <p>{targets.noReader}</p>
        ) : tab === 'targets' ? (
          <TargetsTable page={page} tabId={tabId} strings={targets} db={db} />
        ) : (
          <OutlineList page={page} tabId={tabId} strings={targets} />
        )}
      </div>
    </main>
  );
}

/** Draws the panel in `locale`. */
function renderPanel(root: Root, db: PlanLensDb, locale: UiLocale, backupDue: number): void {
  document.documentElement.lang = locale;
  root.render(<Panel db={db} locale={locale} backupDue={backupDue} />);
}

/** The side panel, in the chosen UI language and redrawn when it changes. */
async function startPanel(): Promise<void> {
  const element = document.getElementById('root');
  if (!element) return;
  const db = new PlanLensDb();
  // StorageManager.persist() exists only in window contexts, not in the background service worker.
  void navigator.storage?.persist?.().catch(() => false);
  const root = createRoot(element);
  let locale = await loadUiLocale();
  let due = await readBackupDue(db).catch(() => 0);
  renderPanel(root, db, locale, due);
  watchUiLocale((next) => renderPanel(root, db, (locale = next), due));
  lastBackupItem.watch(async () => renderPanel(root, db, locale, (due = await readBackupDue(db))));
}

void startPanel();
