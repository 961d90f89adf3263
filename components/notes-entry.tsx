/**
 * The popup's notes section: how many notes the page has and a button that opens the side panel's
 * Notes tab. Renders nothing while the count is unknown.
 *
 * @module
 */
import { useEffect, useState } from 'react';
import { openSidePanel } from './open-side-panel';
import { sendMessage, sendTabMessage } from '@/lib/messaging/runtime';
import type { UiLocale } from '@/lib/i18n/locale';
import { formatString, notesStrings } from '@/lib/i18n/strings';

/** Popup section for the tab `tabId`. */
export function NotesEntry({ tabId, locale }: { tabId: number; locale: UiLocale }) {
  const strings = notesStrings(locale);
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    // The reader knows where the notes are; without one (not started, or gone), the store says.
    sendTabMessage(tabId, 'notesPageState', {}).then(
      (state) => setCount(state.notes.filter((n) => !n.offered).length),
      () => sendMessage('notesCountForTab', { tabId }).then(setCount, () => setCount(0)),
    );
  }, [tabId]);
  // The panel's default tab is Targets: this button opens its Notes tab.
  const openPanel = () => openSidePanel(tabId, 'notes');
  return (
    <section aria-label={strings.panelTitle} className="space-y-1">
      <p>{count ? formatString(strings.notesOnPage, { n: count }) : strings.noNotes}</p>
      <button
        type="button"
        className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
        onClick={openPanel}
      >
        {strings.openPanel}
      </button>
    </section>
  );
}
