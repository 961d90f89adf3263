import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { NotesPanel } from '@/components/notes-panel';
import { notesStrings } from '@/components/notes-strings';
import { PlanLensDb } from '@/lib/db/schema';
import './style.css';

/** The side panel: a tab list (Notes for now) over the Notes tab. */
function renderPanel(): void {
  const element = document.getElementById('root');
  if (!element) return;
  const language = browser.i18n.getUILanguage() || navigator.language;
  const strings = notesStrings(language);
  document.documentElement.lang = language;
  const db = new PlanLensDb();
  // StorageManager.persist() exists only in window contexts, not in the background service worker.
  void navigator.storage?.persist?.().catch(() => false);
  const pinned = Number(new URLSearchParams(location.search).get('tabId'));
  createRoot(element).render(
    <main className="space-y-3 p-3 text-sm text-slate-900 dark:bg-slate-900 dark:text-slate-100">
      <div role="tablist" aria-label="PlanLens">
        <button
          type="button"
          role="tab"
          aria-selected="true"
          id="tab-notes"
          className="border-b-2 font-semibold"
        >
          {strings.panelTitle}
        </button>
      </div>
      <div role="tabpanel" aria-labelledby="tab-notes">
        <NotesPanel
          db={db}
          strings={strings}
          tabId={Number.isInteger(pinned) && pinned > 0 ? pinned : null}
        />
      </div>
    </main>,
  );
}

renderPanel();
