import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { notesStrings } from '@/components/notes-strings';
import { onMessage } from '@/lib/messaging/runtime';
import { supportsNoteHighlights } from './notes-highlights';
import { NotesSession } from './notes-session';

const ACTIVE = Symbol.for('planlens.notes.active');
type Scoped = typeof globalThis & { [ACTIVE]?: () => void };

/**
 * Starts the notes feature in the page: loads and paints the page's notes and answers the
 * background and side panel. One session per document: when the reader is injected again (the
 * page feature and the notes feature may both inject it), the newer start replaces the older
 * session instead of running beside it.
 */
export function startNotes(ctx: ContentScriptContext): void {
  if (!supportsNoteHighlights()) return;
  const scope = globalThis as Scoped;
  scope[ACTIVE]?.();
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
  const stop = () => {
    for (const remove of removers) remove();
    session.stop();
    if (scope[ACTIVE] === stop) scope[ACTIVE] = undefined;
  };
  scope[ACTIVE] = stop;
  ctx.onInvalidated(stop);
  // A request abandoned when the page went into the back/forward cache is redone when it is back.
  void session.start().catch(() => undefined);
  ctx.addEventListener(window, 'pageshow', (event) => {
    if (event.persisted && scope[ACTIVE] === stop) void session.reload().catch(() => undefined);
  });
}
