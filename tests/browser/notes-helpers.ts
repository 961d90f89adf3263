/**
 * Helpers for the notes browser tests: read the reader's notes state and the extension's database
 * through the service worker, and make a note through the page UI like a user.
 */
import type { Page } from 'playwright-core';
import type { NotesPageState } from '../../lib/messaging/protocol-notes';
import type { TestBrowser } from './harness';

interface ChromeApi {
  tabs: {
    query(info: object): Promise<{ id?: number; url?: string }[]>;
    sendMessage(tabId: number, message: unknown, options?: object): Promise<unknown>;
  };
}

/** The tab id of `page`, by its URL. */
export async function tabOf(browser: TestBrowser, page: Page): Promise<number> {
  const url = page.url();
  const id = await browser.worker!.evaluate(async (u) => {
    const api = (globalThis as unknown as { chrome: ChromeApi }).chrome;
    return (await api.tabs.query({})).find((t) => t.url === u)?.id ?? -1;
  }, url);
  if (id < 0) throw new Error(`no tab for ${url}`);
  return id;
}

/** The reader's notes state for `page`, or null while no reader answers. */
export async function notesState(browser: TestBrowser, page: Page): Promise<NotesPageState | null> {
  const tabId = await tabOf(browser, page);
  const result = await browser.worker!.evaluate(async (id) => {
    const api = (globalThis as unknown as { chrome: ChromeApi }).chrome;
    try {
      return await api.tabs.sendMessage(id, { planlens: 'notesPageState', data: {} }, { frameId: 0 });
    } catch (error) {
      return { ok: false, error: String(error) };
    }
  }, tabId);
  const r = result as { ok: true; value: NotesPageState } | { ok: false; error: string } | null;
  if (process.env.PLANLENS_NOTES_DEBUG && !r?.ok) console.log('notesState', tabId, JSON.stringify(r));
  return r?.ok ? r.value : null;
}

/** Waits until the reader's state satisfies `ready` and returns it. */
export async function waitForNotes(
  browser: TestBrowser,
  page: Page,
  ready: (state: NotesPageState) => boolean,
  timeout = 15_000,
): Promise<NotesPageState> {
  const until = Date.now() + timeout;
  let last: NotesPageState | null = null;
  while (Date.now() < until) {
    last = await notesState(browser, page);
    if (last && ready(last)) return last;
    await page.waitForTimeout(150);
  }
  throw new Error(`notes state not reached; last: ${JSON.stringify(last?.notes.map((n) => n.placement))}`);
}

/** Every stored note, read with raw IndexedDB in the extension's service worker. */
export async function storedNotes(browser: TestBrowser): Promise<{ id: string; body: string }[]> {
  return browser.worker!.evaluate(
    () =>
      new Promise<{ id: string; body: string }[]>((resolve, reject) => {
        const open = indexedDB.open('planlens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('notes')) {
            db.close();
            resolve([]);
            return;
          }
          const request = db.transaction('notes').objectStore('notes').getAll();
          request.onsuccess = () => {
            db.close();
            resolve(request.result as { id: string; body: string }[]);
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

/** Selects the first occurrence of `text` in the page (within one text node) as a user would. */
export async function selectText(page: Page, text: string): Promise<void> {
  const ok = await page.evaluate((needle) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n as Text).data.indexOf(needle);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + needle.length);
      (n.parentElement ?? document.body).scrollIntoView({ block: 'center' });
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return true;
    }
    return false;
  }, text);
  if (!ok) throw new Error(`text not on page: ${text}`);
}

/** Makes a note on `text` through the selection toolbar and the editor. */
export async function addNoteThroughToolbar(page: Page, text: string, body: string): Promise<void> {
  await page.locator('planlens-notes').waitFor({ state: 'attached' });
  await selectText(page, text);
  await page.getByRole('button', { name: 'Add note' }).click();
  await page.getByRole('textbox', { name: 'Note' }).fill(body);
  await page.getByRole('button', { name: 'Save' }).click();
}

/** The text under each range of a registered highlight, read in the page. */
export async function highlightTexts(page: Page, name: string): Promise<string[]> {
  return page.evaluate((n) => {
    const highlight = CSS.highlights.get(n);
    if (!highlight) return [];
    return [...highlight].map((r) => {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      return range.toString();
    });
  }, name);
}
