import { onMessage } from '@/lib/messaging/runtime';
import { supportsHighlights } from '../core/highlight-registry';
import type { PageCore } from '../core/page-core';
import { NotesSession } from './session';
import { readerNotesStrings } from '../core/reader-settings';

/**
 * Starts the notes feature in the page: loads and paints the page's notes and answers the
 * background and side panel. One session per document: a newer reader stops this one first (see
 * core/injection). Returns the function that stops it.
 */
export function startNotes(core: PageCore): () => void {
  if (!supportsHighlights()) return () => undefined;
  const session = new NotesSession(core, readerNotesStrings());
  const removers = [
    onMessage('notesPageState', () => session.state()),
    // Answer at once: the editor stays open as long as the user likes.
    onMessage('notesPageAddFromSelection', () => {
      void session.addFromSelection();
      return true;
    }),
    onMessage('notesPageScrollTo', ({ id }) => session.scrollTo(id)),
    onMessage('notesPageReattach', ({ id }) => session.reattach(id)),
    onMessage('notesPageEditorEvent', ({ token, event }) => session.takeEditorEvent(token, event)),
    onMessage('notesPageReload', async () => {
      await session.reload();
      return true;
    }),
  ];
  // The target card's "Add note" (the highlight feature asks through the core, never directly).
  core.bus.on('note:start-on-range', ({ range }) => void session.addOnRange(range), core.signal);
  // A request abandoned when the page went into the back/forward cache is redone when it is back.
  void session.start().catch(() => undefined);
  window.addEventListener(
    'pageshow',
    (event) => {
      if (event.persisted) void session.reload().catch(() => undefined);
    },
    { signal: core.signal },
  );
  return () => {
    for (const remove of removers) remove();
    session.stop();
  };
}
