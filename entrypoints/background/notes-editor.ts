/**
 * The background's part in the note editor frame. Text is typed in an extension page
 * (`note-editor.html`) framed in the reader's closed UI, so none of the key or input events of
 * typing reach the page's listeners (they would, composed, from any element in the page's own
 * document). The reader and the frame never talk to each other directly: a page could post to the
 * frame or listen to what it posts. Instead:
 * - the reader registers the editor (`notesEditorOpen`: a fresh token and what to edit) for its tab;
 * - the frame, named by that token in its address, asks for it (`notesEditorSetup`) and reports
 *   typing, save, cancel and its height (`notesEditorEvent`), which the background forwards to the
 *   reader of the same tab only (`notesPageEditorEvent`). The reader saves as before.
 * Sender policy: setup and events only from our own `note-editor.html`, in the tab that registered
 * the token, with that token in its address. Registrations live in session storage, so a stopped
 * service worker that wakes for the frame's next message still knows them.
 *
 * @module
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { ContentSender, ExtensionSender } from '@/lib/messaging/dispatch';
import type { EditorSetup } from '@/lib/messaging/protocol-notes';
import { sendTabMessage, type BackgroundRoutes } from '@/lib/messaging/runtime';
import { CONTENT_SCHEMAS } from '@/lib/messaging/schemas';

/** The editor page's path (an unlisted WXT page, web-accessible to http(s) pages only). */
export const NOTE_EDITOR_PATH = '/note-editor.html';

/** One open editor: the tab whose reader opened it and what it edits. */
interface Registration {
  tabId: number;
  setup: EditorSetup;
}

const item = (token: string) =>
  storage.defineItem<Registration | null>(`session:noteEditor:${token}`, { fallback: null });

/** Message of every refusal: a frame that is not the registered editor learns nothing. */
export const NOT_OUR_EDITOR = 'Not an open PlanLens note editor.';

/** The registration `sender` may use: ours, the editor page, same tab, token in its own address. */
async function registrationFor(token: string, sender: ExtensionSender): Promise<Registration> {
  let address: URL;
  try {
    address = new URL(sender.url);
  } catch {
    throw new Error(NOT_OUR_EDITOR);
  }
  if (address.pathname !== NOTE_EDITOR_PATH || address.searchParams.get('t') !== token)
    throw new Error(NOT_OUR_EDITOR);
  const registration = await item(token).getValue();
  if (!registration || sender.tabId === undefined || registration.tabId !== sender.tabId)
    throw new Error(NOT_OUR_EDITOR);
  return registration;
}

/** The note editor's messages. */
export function notesEditorRoutes(): Pick<
  BackgroundRoutes,
  'notesEditorOpen' | 'notesEditorSetup' | 'notesEditorEvent'
> {
  return {
    notesEditorOpen: {
      from: 'content',
      schema: CONTENT_SCHEMAS.notesEditorOpen,
      handle: async ({ token, setup }, sender: ContentSender) => {
        if (sender.frameId !== 0) throw new Error(NOT_OUR_EDITOR);
        await item(token).setValue({ tabId: sender.tabId, setup });
        return null;
      },
    },
    notesEditorSetup: {
      from: 'extension',
      handle: async ({ token }, sender) => (await registrationFor(token, sender)).setup,
    },
    notesEditorEvent: {
      from: 'extension',
      handle: async ({ token, event }, sender) => {
        const { tabId } = await registrationFor(token, sender);
        const taken = await sendTabMessage(tabId, 'notesPageEditorEvent', { token, event });
        if (taken && (event.type === 'submit' || event.type === 'cancel')) await item(token).removeValue();
        return taken;
      },
    },
  };
}

/** Forgets the editors of closed tabs. */
export function registerNotesEditorCleanup(): void {
  browser.tabs.onRemoved.addListener((tabId) => {
    void (async () => {
      const all = await browser.storage.session.get(null);
      const stale = Object.entries(all)
        .filter(([key, value]) => key.startsWith('noteEditor:') && (value as Registration)?.tabId === tabId)
        .map(([key]) => key);
      if (stale.length > 0) await browser.storage.session.remove(stale);
    })().catch(() => undefined);
  });
}
