import { supportsHighlights } from '../core/highlight-registry';
import type { PageCore } from '../core/page-core';
import { readerNotesStrings } from '../core/reader-settings';
import type { NotesFeature } from './launch';
import { NotesSession } from './session';

/**
 * Starts the notes feature in the page: loads and paints the page's notes and follows the page and
 * the user. Built into its own file (`entrypoints/reader-notes.ts`) and started by ./launch when the
 * page first needs it; the core answers its messages and hands them on. One session per document:
 * a newer reader stops this one first (see core/injection).
 */
export function startNotes(core: PageCore): NotesFeature | null {
  if (!supportsHighlights()) return null;
  const session = new NotesSession(core, readerNotesStrings());
  // A request abandoned when the page went into the back/forward cache is redone when it is back.
  void session.start().catch(() => undefined);
  return {
    state: () => session.state(),
    addFromSelection: () => session.addFromSelection(),
    addOnRange: (range) => session.addOnRange(range),
    followSelection: () => session.followSelection(),
    scrollTo: (id) => session.scrollTo(id),
    reattach: (id) => session.reattach(id),
    takeEditorEvent: (token, event) => session.takeEditorEvent(token, event),
    reload: () => session.reload(),
    stop: () => session.stop(),
  };
}
