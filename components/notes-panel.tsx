/**
 * The side panel's Notes tab: notes on the active tab's page in document order (click to scroll
 * there), notes from other copies of the document, orphans with "re-attach to selection", and all
 * notes across documents with 简/繁-blind search and tag/site filters; export and import.
 *
 * Uses Dexie directly (same extension origin as the background) with `liveQuery`, and the typed
 * messages to talk to the reader in the tab.
 *
 * @module
 */
import { useActiveTab } from './use-active-tab';
import { liveQuery } from 'dexie';
import { useEffect, useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import { normalizePageUrl, type NoteRecord } from '@/lib/db/note';
import { exportCsv, exportJsonLd, exportMarkdown, JSONLD_MEDIA_TYPE } from '@/lib/db/export';
import { fileTooLarge, IMPORT_LIMITS, ImportError, importAnnotations } from '@/lib/db/import';
import { deleteNote, restoreNote, searchNotes, type NoteQuery } from '@/lib/db/notes-repo';
import type { PlanLensDb } from '@/lib/db/schema';
import type { NotesPageState, PlacedNote } from '@/lib/messaging/protocol-notes';
import { onMessage, sendMessage, sendTabMessage } from '@/lib/messaging/runtime';
import { CONTENT_SCHEMAS } from '@/lib/messaging/schemas';
import { downloadText, exportFileName } from './notes-files';
import { formatString, type NotesStrings } from '@/lib/i18n/strings';

function useLive<T>(query: () => Promise<T>, deps: unknown[], initial: T): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({ next: setValue, error: () => undefined });
    return () => subscription.unsubscribe();
  }, deps);
  return value;
}

/** True when notes were made on the tab's current address. */
async function hasNotes(db: PlanLensDb, tabId: number): Promise<boolean> {
  try {
    const url = (await browser.tabs.get(tabId)).url ?? '';
    return /^https?:/u.test(url) && (await db.notes.where('url').equals(normalizePageUrl(url)).count()) > 0;
  } catch {
    return false;
  }
}

function excerpt(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function NoteLine({ note, current, strings }: { note: NoteRecord; current?: string; strings: NotesStrings }) {
  return (
    <span className="block">
      <span className="block text-slate-600 dark:text-slate-300">“{excerpt(note.quote.exact)}”</span>
      {current !== undefined && (
        <span className="block text-amber-700 dark:text-amber-300" data-state="changed">
          {strings.changed}: {excerpt(current)}
        </span>
      )}
      {note.body && <span className="block">{note.body}</span>}
      {note.tags.length > 0 && (
        <span className="block text-blue-700 dark:text-sky-300">
          {note.tags.map((t) => `#${t}`).join(' ')}
        </span>
      )}
    </span>
  );
}

/** The Notes tab. */
export function NotesPanel({
  db,
  strings,
  tabId: fixedTab = null,
}: {
  db: PlanLensDb;
  strings: NotesStrings;
  tabId?: number | null;
}) {
  const tabId = useActiveTab(fixedTab);
  const [page, setPage] = useState<NotesPageState | null | 'none'>(null);
  const [query, setQuery] = useState<NoteQuery>({});
  const [message, setMessage] = useState('');
  const [deleted, setDeleted] = useState<NoteRecord | null>(null);
  const all = useLive(
    () => searchNotes(db, query),
    [db, query.text, query.tag, query.site],
    [] as NoteRecord[],
  );
  const everything = useLive(() => db.notes.toArray(), [db], [] as NoteRecord[]);
  const tags = useMemo(() => [...new Set(everything.flatMap((n) => n.tags))].sort(), [everything]);
  const sites = useMemo(() => [...new Set(everything.map((n) => n.site))].sort(), [everything]);

  // Re-read the page's state whenever the tab or any note changes, or the reader re-anchors.
  useEffect(() => {
    if (tabId === null) return;
    let cancelled = false;
    const refresh = () =>
      sendTabMessage(tabId, 'notesPageState', {}).then(
        (state) => !cancelled && setPage(state),
        async () => {
          // No reader in the tab: start it when the page has notes (it was not detected as a plan).
          const started =
            !cancelled &&
            (await hasNotes(db, tabId)) &&
            (await sendMessage('notesEnsureReader', { tabId }).catch(() => false));
          // A started reader reports through notesPageUpdated once it has anchored.
          if (!started && !cancelled) setPage('none');
        },
      );
    void refresh();
    const remove = onMessage(
      'notesPageUpdated',
      (_, sender) => {
        if (sender.tabId === tabId) void refresh();
        return null;
      },
      CONTENT_SCHEMAS.notesPageUpdated,
    );
    // A new document in the tab (the panel stays open across navigations).
    const onUpdated = (id: number, change: { status?: string }) => {
      if (id === tabId && change.status === 'complete') void refresh();
    };
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      cancelled = true;
      remove();
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, [tabId, everything]);

  const toTab = async <N extends 'notesPageScrollTo' | 'notesPageReattach' | 'notesPageReload'>(
    name: N,
    data: N extends 'notesPageReload' ? Record<string, never> : { id: string },
  ) => {
    if (tabId === null) return;
    try {
      await sendTabMessage(tabId, name, data as never);
      setPage(await sendTabMessage(tabId, 'notesPageState', {}));
    } catch {
      setPage('none');
    }
  };

  const onImport = async (file: File | undefined) => {
    if (!file) return;
    setDeleted(null);
    try {
      // Never read a file no export could be: a 100 MB file would take the panel's memory first.
      if (file.size > IMPORT_LIMITS.fileBytes) throw fileTooLarge();
      const report = await importAnnotations(db, await file.text());
      const renamed = report.renamed
        ? ` ${formatString(strings.importRenamed, { renamed: report.renamed })}`
        : '';
      setMessage(formatString(strings.imported, { added: report.added, skipped: report.skipped }) + renamed);
      await toTab('notesPageReload', {});
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      // Batches already written stay: say so instead of "nothing was imported".
      const partial = error instanceof ImportError && error.added > 0;
      setMessage(`${partial ? strings.importStopped : strings.importFailed} ${text}`);
    }
  };

  const placed = page && page !== 'none' ? page.notes : [];
  const here = placed.filter((p) => !p.offered && p.placement !== 'orphan');
  const offered = placed.filter((p) => p.offered);
  const orphans = placed.filter((p) => p.placement === 'orphan');
  const item = (p: PlacedNote) => (
    <li key={p.note.id}>
      <button
        type="button"
        className="w-full rounded px-2 py-1 text-left hover:bg-slate-100 dark:hover:bg-slate-800"
        onClick={() => void toTab('notesPageScrollTo', { id: p.note.id })}
        data-note-id={p.note.id}
      >
        <NoteLine note={p.note} current={p.current} strings={strings} />
      </button>
    </li>
  );

  return (
    <div className="space-y-4">
      <section aria-labelledby="notes-here">
        <h2 id="notes-here" className="font-semibold">
          {strings.thisPage}
        </h2>
        {page === 'none' ? (
          <p>
            {strings.noReader}{' '}
            <button
              type="button"
              className="underline"
              onClick={() =>
                tabId !== null &&
                void sendMessage('notesEnsureReader', { tabId }).then(() => toTab('notesPageReload', {}))
              }
            >
              {strings.startReader}
            </button>
          </p>
        ) : here.length === 0 ? (
          <p className="text-slate-500 dark:text-slate-400">{strings.noNotesHere}</p>
        ) : (
          <ol aria-label={strings.thisPage}>{here.map(item)}</ol>
        )}
      </section>
      {offered.length > 0 && (
        <section aria-labelledby="notes-offered">
          <h2 id="notes-offered" className="font-semibold">
            {strings.otherCopies}
          </h2>
          <ol>{offered.map(item)}</ol>
        </section>
      )}
      {orphans.length > 0 && (
        <section aria-labelledby="notes-orphans">
          <h2 id="notes-orphans" className="font-semibold">
            {strings.orphans}
          </h2>
          <ul aria-label={strings.orphans}>
            {orphans.map((p) => (
              <li key={p.note.id} className="px-2 py-1">
                <NoteLine note={p.note} strings={strings} />
                <button
                  type="button"
                  className="mt-1 rounded border px-2 border-slate-300 dark:border-slate-600"
                  onClick={() => void toTab('notesPageReattach', { id: p.note.id })}
                >
                  {strings.reattach}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {deleted && (
        <p role="status" className="flex gap-2">
          {strings.deleted}
          <button
            type="button"
            className="underline"
            onClick={async () => {
              await restoreNote(db, deleted);
              setDeleted(null);
              await toTab('notesPageReload', {});
            }}
          >
            {strings.undo}
          </button>
        </p>
      )}
      <section aria-labelledby="notes-all" className="space-y-2">
        <h2 id="notes-all" className="font-semibold">
          {strings.allNotes}
        </h2>
        <input
          type="search"
          aria-label={strings.search}
          placeholder={strings.searchPlaceholder}
          className="w-full rounded border px-2 py-1 border-slate-300 dark:border-slate-600"
          value={query.text ?? ''}
          onChange={(e) => setQuery({ ...query, text: e.target.value })}
        />
        <div className="flex gap-2">
          <label className="flex-1">
            {strings.tagFilter}{' '}
            <select
              value={query.tag ?? ''}
              onChange={(e) => setQuery({ ...query, tag: e.target.value || undefined })}
              className="rounded border border-slate-300 dark:border-slate-600"
            >
              <option value="">{strings.any}</option>
              {tags.map((t) => (
                <option key={t}>{t}</option>
              ))}
            </select>
          </label>
          <label className="flex-1">
            {strings.siteFilter}{' '}
            <select
              value={query.site ?? ''}
              onChange={(e) => setQuery({ ...query, site: e.target.value || undefined })}
              className="rounded border border-slate-300 dark:border-slate-600"
            >
              <option value="">{strings.any}</option>
              {sites.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </label>
        </div>
        <ul aria-label={strings.allNotes} className="space-y-1">
          {all.map((note) => (
            <li
              key={note.id}
              className="rounded border px-2 py-1 border-slate-300 dark:border-slate-600"
              data-note-id={note.id}
            >
              <a
                href={note.url}
                target="_blank"
                rel="noreferrer"
                className="block text-xs text-blue-700 underline dark:text-sky-300"
              >
                {note.title || note.url}
              </a>
              <NoteLine note={note} strings={strings} />
              <button
                type="button"
                className="text-xs underline"
                onClick={async () => {
                  setDeleted(await deleteNote(db, note.id));
                  await toTab('notesPageReload', {});
                }}
              >
                {strings.delete}
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section className="flex flex-wrap gap-2">
        <button
          type="button"
          className="rounded border px-2 border-slate-300 dark:border-slate-600"
          onClick={async () =>
            downloadText(exportFileName('jsonld'), exportJsonLd(await db.notes.toArray()), JSONLD_MEDIA_TYPE)
          }
        >
          {strings.exportJson}
        </button>
        <button
          type="button"
          className="rounded border px-2 border-slate-300 dark:border-slate-600"
          onClick={async () =>
            downloadText(exportFileName('md'), exportMarkdown(await db.notes.toArray()), 'text/markdown')
          }
        >
          {strings.exportMarkdown}
        </button>
        <button
          type="button"
          className="rounded border px-2 border-slate-300 dark:border-slate-600"
          onClick={async () =>
            downloadText(exportFileName('csv'), exportCsv(await db.notes.toArray()), 'text/csv')
          }
        >
          {strings.exportCsv}
        </button>
        <label className="rounded border px-2 border-slate-300 dark:border-slate-600">
          {strings.importFile}
          <input
            type="file"
            accept=".jsonld,.json,application/ld+json,application/json"
            className="sr-only"
            onChange={(e) => {
              const file = e.target.files?.[0];
              // Cleared so that choosing the same file again imports again (and reports duplicates).
              e.target.value = '';
              void onImport(file);
            }}
          />
        </label>
        {message && (
          <p role="status" className="w-full">
            {message}
          </p>
        )}
      </section>
    </div>
  );
}
