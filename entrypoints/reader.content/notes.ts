import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { notesStrings } from '@/components/notes-strings';
import { onMessage } from '@/lib/messaging/runtime';
import { supportsNoteHighlights } from './notes-highlights';
import { NotesSession } from './notes-session';

const STARTED = Symbol.for('planlens.notes.started');
type Flagged = typeof globalThis & { [STARTED]?: boolean };

/**
 * Starts the notes feature in the page (once per document, even if the reader is injected twice):
 * loads and paints the page's notes and answers the background and side panel.
 */
export function startNotes(ctx: ContentScriptContext): void {
  const scope = globalThis as Flagged;
  if (scope[STARTED] || !supportsNoteHighlights()) return;
  scope[STARTED] = true;
  const session = new NotesSession(ctx.signal, notesStrings(navigator.language));
  const removers = [
    onMessage('notesPageState', () => session.state()),
    // Answer at once: the editor stays open as long as the user likes.
    onMessage('notesPageAddFromSelection', () => {
      void session.addFromSelection();
      return true;
    }),
    onMessage('notesPageScrollTo', ({ id }) => session.scrollTo(id)),
    onMessage('notesPageReattach', ({ id }) => session.reattach(id)),
    onMessage('notesPageReload', async () => {
      await session.reload();
      return true;
    }),
  ];
  ctx.onInvalidated(() => {
    for (const remove of removers) remove();
    session.stop();
    scope[STARTED] = false;
  });
  void session.start();
}
