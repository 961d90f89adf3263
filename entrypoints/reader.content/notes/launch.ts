/**
 * The notes feature's part in the reader's core file: it answers the feature's messages and starts
 * the feature (built into its own file, `entrypoints/reader-notes.ts`, see core/lazy-features) only
 * when the page needs it — notes stored for the page or offered from other copies of it, a
 * selection (the toolbar's "Add note"), the card's "Add note", or a message of the side panel or
 * the background. Most plan pages carry no notes and nobody selects text on them: they never load
 * the anchoring, the notes UI or the editor.
 *
 * @module
 */
import { FINGERPRINT_HEAD_CHARS } from '@/lib/anchor/fingerprint';
import type { EditorEvent, NotesPageState } from '@/lib/messaging/protocol-notes';
import { onMessage, sendMessage } from '@/lib/messaging/runtime';
import { supportsHighlights } from '../core/highlight-registry';
import { loadFeature } from '../core/lazy-features';
import type { PageCore } from '../core/page-core';
import { readCanonicalUrl } from '../core/page-records';

/** What the core drives of a started notes feature (./index). */
export interface NotesFeature {
  state(): Promise<NotesPageState>;
  addFromSelection(): Promise<boolean>;
  addOnRange(range: StaticRange): Promise<boolean>;
  /** Shows the toolbar for a selection made before the feature started. */
  followSelection(): void;
  scrollTo(id: string): boolean;
  reattach(id: string): Promise<boolean>;
  takeEditorEvent(token: string, event: EditorEvent): boolean;
  reload(): Promise<void>;
  stop(): void;
}

/**
 * Answers the notes messages and starts the feature when the page needs it. Until then the
 * feature's first pass is this launcher's: it asks for the page's notes (with the highlight
 * feature's records, in the reader's one start-up request) and, finding none, marks
 * `planlens:anchor` as the feature would after anchoring nothing. Returns the function that stops it.
 */
export function launchNotes(core: PageCore): () => void {
  if (!supportsHighlights()) return () => undefined;
  const waiting = new AbortController();
  let feature: Promise<NotesFeature> | null = null;
  const load = () => {
    if (!feature) {
      const loading = loadFeature<NotesFeature | null>(core, 'notes').then(
        (started) => {
          if (!started) throw new Error('PlanLens: no notes in this browser');
          // Started: it follows the selection itself from now on.
          waiting.abort();
          return started;
        },
        (error: unknown) => {
          // Not kept: the next need (a selection, a message) asks for the file again.
          if (feature === loading) feature = null;
          throw error;
        },
      );
      feature = loading;
    }
    return feature;
  };
  const use = <T>(act: (started: NotesFeature) => T | Promise<T>): Promise<T> => load().then(act);
  const removers = [
    onMessage('notesPageState', () => use((f) => f.state())),
    // Answer at once: the editor stays open as long as the user likes.
    onMessage('notesPageAddFromSelection', () => {
      void use((f) => f.addFromSelection()).catch(() => undefined);
      return true;
    }),
    onMessage('notesPageScrollTo', ({ id }) => use((f) => f.scrollTo(id))),
    onMessage('notesPageReattach', ({ id }) => use((f) => f.reattach(id))),
    onMessage('notesPageEditorEvent', ({ token, event }) => use((f) => f.takeEditorEvent(token, event))),
    onMessage('notesPageReload', () => use((f) => f.reload()).then(() => true as const)),
  ];
  // The target card's "Add note" (the highlight feature asks through the core, never directly).
  core.bus.on(
    'note:start-on-range',
    ({ range }) => void use((f) => f.addOnRange(range)).catch(() => undefined),
    core.signal,
  );
  // A selection gets the toolbar: the feature starts on the first one and shows it then.
  document.addEventListener(
    'selectionchange',
    () => {
      const selection = document.getSelection();
      if (!selection || selection.isCollapsed || !selection.toString().trim()) return;
      void use((f) => f.followSelection()).catch(() => undefined);
    },
    { signal: AbortSignal.any([waiting.signal, core.signal]), passive: true },
  );
  // Back/forward cache: a request abandoned when the page left is redone when it is back.
  window.addEventListener(
    'pageshow',
    (event) => {
      if (!event.persisted) return;
      if (feature) void feature.then((f) => f.reload()).catch(() => undefined);
      else void startIfNoted(core, load, false).catch(() => undefined);
    },
    { signal: core.signal },
  );
  void startIfNoted(core, load, true).catch(() => undefined);
  return () => {
    waiting.abort();
    for (const remove of removers) remove();
    void feature?.then((started) => started.stop()).catch(() => undefined);
  };
}

/**
 * Starts the feature when the background has notes for this page or offers notes from other
 * copies of it; otherwise marks the (empty) first pass. `first`: take the reader's start-up answer.
 */
async function startIfNoted(core: PageCore, load: () => Promise<unknown>, first: boolean): Promise<void> {
  const started = performance.now();
  const lead = { title: document.title, head: core.text.bodyHead(FINGERPRINT_HEAD_CHARS) };
  const { here, elsewhere } = await ((first
    ? core.records.take('notes', lead)?.then(({ notes }) => notes)
    : null) ??
    sendMessage('notesForPage', { url: location.href, canonicalUrl: readCanonicalUrl(), ...lead }));
  if (core.signal.aborted) return;
  if (here.length > 0 || elsewhere.length > 0) await load();
  else performance.measure('planlens:anchor', { start: started, end: performance.now() });
}
