import { createRoot, type Root } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { NotesPanel } from '@/components/notes-panel';
import type { UiLocale } from '@/lib/i18n/locale';
import { formatString, notesStrings } from '@/lib/i18n/strings';
import { PlanLensDb } from '@/lib/db/schema';
import { notesDueForBackup, parseBackupReminder } from '@/lib/settings/backup-reminder';
import { backupReminderItem, lastBackupItem, loadUiLocale, watchUiLocale } from '@/lib/settings/items';
import './style.css';

/** How many notes wait for a backup, when the reader asked to be reminded (0 otherwise). */
async function readBackupDue(db: PlanLensDb): Promise<number> {
  const every = parseBackupReminder(await backupReminderItem.getValue());
  if (every === 0) return 0;
  const created = (await db.notes.toArray()).map((note) => note.created);
  return notesDueForBackup(created, await lastBackupItem.getValue(), every);
}

/** Draws the panel in `locale`: a tab list (Notes for now) over the Notes tab. */
function renderPanel(root: Root, db: PlanLensDb, locale: UiLocale, backupDue: number): void {
  const strings = notesStrings(locale);
  document.documentElement.lang = locale;
  const pinned = Number(new URLSearchParams(location.search).get('tabId'));
  root.render(
    <main className="space-y-3 p-3 text-sm text-slate-900 dark:bg-slate-900 dark:text-slate-100">
      {backupDue > 0 && (
        <p role="status" data-testid="backup-due" className="rounded border border-amber-500 p-2">
          {formatString(strings.backupDue, { n: backupDue })}{' '}
          <button type="button" className="underline" onClick={() => void browser.runtime.openOptionsPage()}>
            {strings.backupNow}
          </button>
        </p>
      )}
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
