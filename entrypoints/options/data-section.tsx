/**
 * Options → Data: storage used, export of everything to one file, restore from such a file (all
 * or nothing, with the reason when a file is refused), and the backup reminder (off by default).
 *
 * @module
 */
import { useEffect, useState, type ChangeEvent } from 'react';
import { browser } from 'wxt/browser';
import { downloadText } from '@/components/notes-files';
import { exportEverything, restoreEverything, type BackupStorage } from '@/lib/backup/restore';
import type { PlanLensDb } from '@/lib/db/schema';
import type { OptionsStrings } from '@/lib/i18n/strings';
import {
  BACKUP_REMINDER_CHOICES,
  notesDueForBackup,
  parseBackupReminder,
} from '@/lib/settings/backup-reminder';
import { backupReminderItem, lastBackupItem, SETTINGS_KEYS } from '@/lib/settings/items';

const storage = (): BackupStorage => browser.storage.local as unknown as BackupStorage;

/** `1.2 MB`-style sizes. */
function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** IndexedDB and extension storage in use by PlanLens, as far as the browser tells. */
async function measureStorage(): Promise<number> {
  const estimate = await navigator.storage?.estimate?.().catch(() => null);
  const local = browser.storage.local as unknown as { getBytesInUse?: (keys: null) => Promise<number> };
  const settings = (await local.getBytesInUse?.(null).catch(() => 0)) ?? 0;
  return (estimate?.usage ?? 0) + settings;
}

/** The data section. `entries` are the raw storage entries, `db` the notes database. */
export function DataSection({
  db,
  entries,
  strings,
}: {
  db: PlanLensDb;
  entries: Record<string, unknown>;
  strings: OptionsStrings;
}) {
  const { t, format, locale } = strings;
  const [bytes, setBytes] = useState<number | null>(null);
  const [created, setCreated] = useState<string[]>([]);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const every = parseBackupReminder(entries[SETTINGS_KEYS.backupReminder]);
  const lastBackup = (entries[SETTINGS_KEYS.lastBackup] as string | null | undefined) ?? null;
  const due = notesDueForBackup(created, lastBackup, every);

  // Re-measured whenever storage changes (a restore, a note written in another tab's side panel).
  useEffect(() => {
    void measureStorage().then(setBytes);
    void db.notes.toArray().then((notes) => setCreated(notes.map((n) => n.created)));
  }, [db, entries]);

  const exportAll = async () => {
    const now = new Date();
    const name = `planlens-backup-${now.toISOString().slice(0, 10)}.json`;
    downloadText(name, await exportEverything(db, storage(), now), 'application/json');
    await lastBackupItem.setValue(now.toISOString());
    setMessage({ text: format('exported', { file: name }), error: false });
  };

  const restore = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file || !window.confirm(t('restoreConfirm'))) return;
    try {
      const report = await restoreEverything(db, storage(), await file.text());
      setCreated((await db.notes.toArray()).map((n) => n.created));
      const restored = format('restored', { notes: report.notes, settings: report.settings });
      // An older file carries no corrections or library: those were left as they are, and not named.
      const tables =
        report.corrections === null && report.documents === null
          ? ''
          : ` ${format('restoredTables', {
              corrections: report.corrections ?? 0,
              documents: report.documents ?? 0,
              figures: report.figures ?? 0,
            })}`;
      setMessage({ text: restored + tables, error: false });
    } catch (error) {
      // BackupError says what is wrong with the file; any other error is the browser's (quota, IndexedDB).
      const reason = error instanceof Error ? error.message : String(error);
      setMessage({ text: `${t('restoreFailed')} ${reason}`, error: true });
    }
  };

  return (
    <section aria-labelledby="data-heading" className="space-y-3">
      <h2 id="data-heading" className="text-lg font-semibold">
        {t('dataHeading')}
      </h2>
      <p data-testid="storage-used">
        {format('storageUsed', { size: bytes === null ? '…' : formatBytes(bytes) })} ·{' '}
        {format('noteCount', { n: created.length })}
      </p>
      <p>
        {lastBackup
          ? format('lastBackup', { date: new Date(lastBackup).toLocaleString(locale) })
          : t('lastBackupNever')}
      </p>
      <div className="flex flex-wrap gap-2">
        <button type="button" className="rounded border px-3 py-1" onClick={() => void exportAll()}>
          {t('exportAll')}
        </button>
        <label className="cursor-pointer rounded border px-3 py-1">
          {t('importAll')}
          <input
            type="file"
            accept=".json,application/json"
            className="sr-only"
            data-testid="restore-file"
            onChange={(e) => void restore(e)}
          />
        </label>
      </div>
      {message && (
        <p role={message.error ? 'alert' : 'status'} data-testid="data-message">
          {message.text}
        </p>
      )}
      <label className="flex flex-wrap items-center gap-2">
        {t('reminderLabel')}
        <select
          value={every}
          onChange={(e) => void backupReminderItem.setValue(Number(e.target.value))}
          className="rounded border border-slate-300 bg-transparent dark:border-slate-600"
        >
          {BACKUP_REMINDER_CHOICES.map((n) => (
            <option key={n} value={n}>
              {n === 0 ? t('reminderOff') : format('reminderEvery', { n })}
            </option>
          ))}
        </select>
      </label>
      {due > 0 && (
        <p role="status" className="rounded border border-amber-500 p-2" data-testid="backup-due">
          {format('backupDue', { n: due })}
        </p>
      )}
    </section>
  );
}
