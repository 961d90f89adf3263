import { useState, type KeyboardEvent } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { NotesPanel } from '@/components/notes-panel';
import { notesStrings } from '@/components/notes-strings';
import { OutlineList, TargetsTable, useTargetsPage } from '@/components/targets-panel';
import { targetsStrings, type TargetsStrings } from '@/components/targets-strings';
import { useActiveTab } from '@/components/use-active-tab';
import type { NotesStrings } from '@/components/notes-strings';
import { PlanLensDb } from '@/lib/db/schema';
import './style.css';

const TABS = ['targets', 'outline', 'notes'] as const;
type PanelTab = (typeof TABS)[number];

/** The tab named by `?tab=` (the popup's counts open `targets`), else Targets. */
function readInitialTab(): PanelTab {
  const asked = new URLSearchParams(location.search).get('tab');
  return TABS.find((t) => t === asked) ?? 'targets';
}

/** The side panel: Targets · Outline · Notes, an ARIA tab list (arrow keys move between tabs). */
function Panel({
  db,
  notes,
  targets,
  pinned,
}: {
  db: PlanLensDb;
  notes: NotesStrings;
  targets: TargetsStrings;
  pinned: number | null;
}) {
  const [tab, setTab] = useState<PanelTab>(readInitialTab);
  const tabId = useActiveTab(pinned);
  const page = useTargetsPage(tabId);
  const labels: Record<PanelTab, string> = {
    targets: targets.tabTargets,
    outline: targets.tabOutline,
    notes: notes.panelTitle,
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
        {tab === 'notes' ? (
          <NotesPanel db={db} strings={notes} tabId={pinned} />
        ) : !ready ? (
          page === 'none' && <p>{targets.noReader}</p>
        ) : tab === 'targets' ? (
          <TargetsTable page={page} tabId={tabId} strings={targets} />
        ) : (
          <OutlineList page={page} tabId={tabId} strings={targets} />
        )}
      </div>
    </main>
  );
}

function renderPanel(): void {
  const element = document.getElementById('root');
  if (!element) return;
  const language = browser.i18n.getUILanguage() || navigator.language;
  document.documentElement.lang = language;
  const db = new PlanLensDb();
  // StorageManager.persist() exists only in window contexts, not in the background service worker.
  void navigator.storage?.persist?.().catch(() => false);
  const pinned = Number(new URLSearchParams(location.search).get('tabId'));
  createRoot(element).render(
    <Panel
      db={db}
      notes={notesStrings(language)}
      targets={targetsStrings(language)}
      pinned={Number.isInteger(pinned) && pinned > 0 ? pinned : null}
    />,
  );
}

renderPanel();
