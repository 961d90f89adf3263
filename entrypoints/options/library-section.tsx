/**
 * Options → Library: pause remembering pages, the storage used and what the library holds, search
 * its documents (简/繁-blind) and delete one with all its figures.
 *
 * @module
 */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';
import {
  countLibrary,
  deleteLibraryDocument,
  searchLibrary,
  type LibraryCounts,
} from '@/lib/db/library-repo';
import type { LibraryDocRecord } from '@/lib/db/library';
import type { PlanLensDb } from '@/lib/db/schema';
import { formatString, type LedgerStrings } from '@/lib/i18n/strings';
import { libraryPausedItem, SETTINGS_KEYS } from '@/lib/settings/items';

/** `1.2 MB`-style sizes. */
function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
}

/** The library section. `entries` are the raw storage entries (for the pause setting). */
export function LibrarySection({
  db,
  entries,
  strings,
}: {
  db: PlanLensDb;
  entries: Record<string, unknown>;
  strings: LedgerStrings;
}) {
  const paused = entries[SETTINGS_KEYS.libraryPaused] === true;
  const [query, setQuery] = useState('');
  const [docs, setDocs] = useState<LibraryDocRecord[]>([]);
  const [counts, setCounts] = useState<LibraryCounts | null>(null);
  const [usage, setUsage] = useState<{ usage: number; quota: number } | null>(null);
  const [message, setMessage] = useState('');

  useEffect(() => {
    const subscription = liveQuery(() => Promise.all([searchLibrary(db, query), countLibrary(db)])).subscribe(
      {
        next: ([found, counted]) => {
          setDocs(found);
          setCounts(counted);
          void navigator.storage
            ?.estimate?.()
            .then((e) => setUsage({ usage: e.usage ?? 0, quota: e.quota ?? 0 }))
            .catch(() => undefined);
        },
        error: () => undefined,
      },
    );
    return () => subscription.unsubscribe();
  }, [db, query]);

  const remove = async (doc: LibraryDocRecord) => {
    await deleteLibraryDocument(db, doc.key);
    setMessage(formatString(strings.libraryDeleted, { title: doc.fields.title || strings.libraryUntitled }));
  };

  return (
    <section className="space-y-3" aria-labelledby="library-title" data-testid="library-section">
      <h2 id="library-title" className="text-lg font-semibold">
        {strings.libraryTitle}
      </h2>
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          data-testid="library-remember"
          checked={!paused}
          onChange={(e) => void libraryPausedItem.setValue(!e.target.checked)}
        />
        {strings.libraryRemember}
      </label>
      <p data-testid="library-usage">
        {counts && formatString(strings.libraryCounts, { ...counts })}
        {usage &&
          ` · ${formatString(strings.libraryStorage, { size: formatBytes(usage.usage), quota: formatBytes(usage.quota) })}`}
      </p>
      <label className="flex flex-col gap-1">
        {strings.librarySearch}
        <input
          type="search"
          className="rounded border border-slate-300 bg-transparent px-2 py-1 dark:border-slate-600"
          data-testid="library-search"
          placeholder={strings.librarySearchPlaceholder}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </label>
      {message && <p role="status">{message}</p>}
      {docs.length === 0 ? (
        <p>{strings.libraryNone}</p>
      ) : (
        <ul className="divide-y divide-slate-200 dark:divide-slate-700" data-testid="library-list">
          {docs.map((doc) => {
            const title = doc.fields.title || strings.libraryUntitled;
            return (
              <li key={doc.key} className="flex items-start gap-2 py-2" data-testid="library-doc">
                <div className="grow">
                  <p className="font-medium">{title}</p>
                  <p className="text-xs text-slate-600 dark:text-slate-300">
                    {[doc.fields.jurisdiction, doc.fields.year, doc.fields.docNumber]
                      .filter(Boolean)
                      .join(' · ')}
                    {' · '}
                    {formatString(strings.libraryRead, {
                      date: doc.lastSeen.slice(0, 10),
                      figures: doc.figureCount,
                    })}
                  </p>
                  <ul className="text-xs break-all text-slate-500">
                    {doc.urls.map((u) => (
                      <li key={u}>{u}</li>
                    ))}
                  </ul>
                </div>
                <button
                  type="button"
                  className="rounded border border-slate-300 px-2 dark:border-slate-600"
                  aria-label={formatString(strings.libraryDeleteLabel, { title })}
                  onClick={() => void remove(doc)}
                >
                  {strings.libraryDelete}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
