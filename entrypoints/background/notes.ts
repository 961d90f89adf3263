/**
 * The notes feature in the background: owns the database (content scripts reach it only through
 * these handlers), the "Add note" context-menu item and shortcut, and injects the reader on request
 * (shortcut, menu, side panel) into pages that were not detected as plans.
 *
 * @module
 */
import { browser, type Browser } from 'wxt/browser';
import { isNoteOfPage, type NoteRecord } from '@/lib/db/note';
import { deleteNote, notesForPage, restoreNote, saveNote, updateNote } from '@/lib/db/notes-repo';
import { onMessage, sendTabMessage } from '@/lib/messaging/runtime';
import { notesStrings } from '@/components/notes-strings';
import { notesDb, requestPersistentStorage } from './notes-store';
import { ensureReader } from './reader-injection';

const MENU_ADD = 'notes-add';
const COMMAND_ADD = 'add-note';

/** Registers the background's notes message handlers, menu item, shortcut and tab watcher. */
export function registerNotesHandlers(): void {
  void requestPersistentStorage();

  onMessage('notesForPage', (page) => notesForPage(notesDb(), page));
  // A content script may only write notes of the page it runs in; extension pages may write any.
  onMessage('notesSave', ({ draft }, sender) => {
    assertOwnPage(sender, { url: draft.url, canonicalUrl: '' });
    return saveNote(notesDb(), draft);
  });
  onMessage('notesUpdate', async ({ id, changes }, sender) => {
    assertOwnPage(sender, await notesDb().notes.get(id));
    return updateNote(notesDb(), id, changes);
  });
  onMessage('notesDelete', async ({ id }, sender) => {
    assertOwnPage(sender, await notesDb().notes.get(id));
    return deleteNote(notesDb(), id);
  });
  onMessage('notesRestore', ({ note }, sender) => {
    assertOwnPage(sender, note);
    return restoreNote(notesDb(), note);
  });
  // The side panel asks for the document the tab shows now; it never wakes the background on its own.
  onMessage('notesEnsureReader', ({ tabId }) => ensureReader(tabId));

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: MENU_ADD,
      title: notesStrings(browser.i18n.getUILanguage()).menuAddNote,
      contexts: ['selection'],
      documentUrlPatterns: ['http://*/*', 'https://*/*'],
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ADD && tab?.id !== undefined) void addFromSelection(tab.id);
  });
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command !== COMMAND_ADD) return;
    void (async () => {
      const id = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
      if (id !== undefined) await addFromSelection(id);
    })();
  });
}

/**
 * Throws unless the message comes from an extension page, or from a content script on the note's
 * page (its address or canonical address).
 */
function assertOwnPage(
  sender: Browser.runtime.MessageSender,
  note: Pick<NoteRecord, 'url' | 'canonicalUrl'> | undefined,
): void {
  if (sender.tab && !isNoteOfPage(note, sender.url ?? sender.tab.url ?? '')) {
    throw new Error('A page can only change its own notes.');
  }
}

/** Opens the note editor on the tab's selection, starting the reader first if needed. */
async function addFromSelection(tabId: number): Promise<void> {
  if (await ensureReader(tabId)) await sendTabMessage(tabId, 'notesPageAddFromSelection', {});
}
