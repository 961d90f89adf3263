/**
 * The notes feature in the background: owns the database (content scripts reach it only through
 * these handlers), the "Add note" context-menu item and shortcut, and injects the reader on request
 * (shortcut, menu, side panel) into pages that were not detected as plans.
 *
 * @module
 */
import { browser } from 'wxt/browser';
import { sendTabMessage, type BackgroundRoutes } from '@/lib/messaging/runtime';
import { notesStrings } from '@/lib/i18n/strings';
import { loadUiLocale } from '@/lib/settings/items';
import { notesStoreRoutes } from './notes-access';
import { notesEditorRoutes, registerNotesEditorCleanup } from './notes-editor';
import { countNotesOfPage, followNotedSites, notesDb, requestPersistentStorage } from './notes-store';
import { ensureReader } from './reader-injection';

const MENU_ADD = 'notes-add';
const COMMAND_ADD = 'add-note';

/** The notes feature's messages: the store for content scripts, the reader for the side panel. */
export function notesRoutes(): ReturnType<typeof notesStoreRoutes> &
  ReturnType<typeof notesEditorRoutes> &
  Pick<BackgroundRoutes, 'notesEnsureReader' | 'notesCountForTab'> {
  return {
    ...notesStoreRoutes(notesDb),
    ...notesEditorRoutes(),
    notesEnsureReader: { from: 'extension', handle: ({ tabId }) => ensureReader(tabId) },
    notesCountForTab: {
      from: 'extension',
      handle: async ({ tabId }) => countNotesOfPage((await browser.tabs.get(tabId)).url ?? ''),
    },
  };
}

/** Registers the "Add note" context-menu item and shortcut, and asks for persistent storage. */
export function registerNotesUi(): void {
  void requestPersistentStorage();
  followNotedSites();
  registerNotesEditorCleanup();

  browser.runtime.onInstalled.addListener(async () => {
    browser.contextMenus.create({
      id: MENU_ADD,
      title: notesStrings(await loadUiLocale()).menuAddNote,
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

/** Opens the note editor on the tab's selection, starting the reader first if needed. */
async function addFromSelection(tabId: number): Promise<void> {
  if (await ensureReader(tabId)) await sendTabMessage(tabId, 'notesPageAddFromSelection', {});
}
