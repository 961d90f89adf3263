import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  PAGES_DIR,
  startFixtureServer,
  type FixtureServer,
  type TestBrowser,
} from './harness';
import {
  addNoteThroughToolbar,
  injectReaderAsBackground,
  markTexts,
  selectText,
  notesState,
  storedNotes,
  tabOf,
  waitForNotes,
} from './notes-helpers';

const CLAUSE = '推动盟市零基预算全覆盖';
const OTHER = '加快盛乐机场空港国际物流园建设';
const ORIGINAL = readFileSync(path.join(PAGES_DIR, 'gov-portal-plan-2026.html'), 'utf8');

describe('the Notes side panel', () => {
  let browser: TestBrowser;
  let server: FixtureServer;
  let page: Page;
  let panel: Page;
  const routes: Record<string, string> = {};

  beforeAll(async () => {
    routes['/panel/plan.html'] = ORIGINAL;
    routes['/panel/plain.html'] =
      '<!doctype html><meta charset="utf-8"><title>随笔</title><p>今天读了一段关于零基预算的评论。</p>';
    server = await startFixtureServer(undefined, routes);
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await page.goto(server.url('panel/plan.html', 'www.nmg.gov.cn'));
    await waitForNotes(browser, page, () => true);
    await addNoteThroughToolbar(page, CLAUSE, '零基预算改革');
    await addNoteThroughToolbar(page, OTHER, '空港物流');
    await waitForNotes(browser, page, (s) => s.notes.length === 2);
    panel = await browser.context.newPage();
    await panel.goto(
      `chrome-extension://${browser.extensionId}/sidepanel.html?tab=notes&tabId=${await tabOf(browser, page)}`,
    );
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lists the page notes in document order and scrolls to one on click', async () => {
    const list = panel.getByRole('list', { name: 'On this page' });
    await expect.poll(() => list.getByRole('listitem').allTextContents()).toHaveLength(2);
    const texts = await list.getByRole('listitem').allTextContents();
    const order = [ORIGINAL.indexOf(CLAUSE), ORIGINAL.indexOf(OTHER)];
    const expected = order[0]! < order[1]! ? ['零基预算改革', '空港物流'] : ['空港物流', '零基预算改革'];
    expect(texts.map((t) => (t.includes('零基预算改革') ? '零基预算改革' : '空港物流'))).toEqual(expected);
    await list.getByRole('button').filter({ hasText: '零基预算改革' }).click();
    await expect.poll(() => markTexts(page, 'focus')).toEqual([CLAUSE]);
  });

  it('updates live when a note is added in the page (Dexie liveQuery across contexts)', async () => {
    const list = panel.getByRole('list', { name: 'All notes' });
    await expect.poll(() => list.getByRole('listitem').count()).toBe(2);
    await addNoteThroughToolbar(page, '推动非主业非优势业务出清', '国企改革');
    await expect.poll(() => list.getByRole('listitem').count()).toBe(3);
    await expect
      .poll(() => panel.getByRole('list', { name: 'On this page' }).getByRole('listitem').count())
      .toBe(3);
    await list
      .getByRole('listitem')
      .filter({ hasText: '国企改革' })
      .getByRole('button', { name: 'Delete' })
      .click();
    await expect.poll(() => list.getByRole('listitem').count()).toBe(2);
    await waitForNotes(browser, page, (s) => s.notes.length === 2);
    await panel.getByRole('status').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => list.getByRole('listitem').count()).toBe(3);
    await waitForNotes(browser, page, (s) => s.notes.length === 3);
    await list
      .getByRole('listitem')
      .filter({ hasText: '国企改革' })
      .getByRole('button', { name: 'Delete' })
      .click();
    await waitForNotes(browser, page, (s) => s.notes.length === 2);
  });

  it('searches all notes ignoring 简/繁', async () => {
    const all = panel.getByRole('list', { name: 'All notes' });
    await panel.getByRole('searchbox', { name: 'Search notes' }).fill('零基預算');
    await expect.poll(() => all.getByRole('listitem').count()).toBe(1);
    await panel.getByRole('searchbox', { name: 'Search notes' }).fill('');
    await expect.poll(() => all.getByRole('listitem').count()).toBe(2);
  });

  it('round-trips export → wipe → import without losing anything', async () => {
    const before = await storedNotes(browser);
    const [download] = await Promise.all([
      panel.waitForEvent('download'),
      panel.getByRole('button', { name: 'Export JSON-LD' }).click(),
    ]);
    const file = (await download.path())!;
    const text = await readFile(file, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ type: 'AnnotationCollection', total: 2 });
    const [md] = await Promise.all([
      panel.waitForEvent('download'),
      panel.getByRole('button', { name: 'Export Markdown' }).click(),
    ]);
    expect(await readFile((await md.path())!, 'utf8')).toContain(`> ${CLAUSE}`);
    // Wipe: clear the store behind Dexie's back, as data loss would.
    await panel.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('planlens');
          open.onsuccess = () => {
            const tx = open.result.transaction('notes', 'readwrite');
            tx.objectStore('notes').clear();
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    expect(await storedNotes(browser)).toEqual([]);
    await panel.locator('input[type=file]').setInputFiles(file);
    await expect.poll(() => panel.getByRole('status').textContent()).toContain('Imported 2 notes, skipped 0');
    const after = await storedNotes(browser);
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect(after.sort(byId)).toEqual(before.sort(byId));
    // Importing again skips both.
    await panel.locator('input[type=file]').setInputFiles(file);
    await expect.poll(() => panel.getByRole('status').textContent()).toContain('skipped 2');
  });

  it('refuses a corrupt file with a clear message and changes nothing', async () => {
    const before = await storedNotes(browser);
    await panel
      .locator('input[type=file]')
      .setInputFiles(path.resolve(PAGES_DIR, '../notes/corrupt-collection.jsonld'));
    await expect.poll(() => panel.getByRole('status').textContent()).toContain('Nothing was imported');
    expect(await storedNotes(browser)).toEqual(before);
  });

  it('lists an orphan with its quote and re-attaches it to the selection', async () => {
    routes['/panel/plan.html'] = ORIGINAL.replace(CLAUSE, '');
    await page.reload();
    await waitForNotes(browser, page, (s) => s.notes.some((n) => n.placement === 'orphan'));
    await panel.reload();
    const orphans = panel.getByRole('list', { name: 'Not found on this page' });
    await expect.poll(() => orphans.textContent()).toContain(CLAUSE);
    await selectText(page, '推动非主业非优势业务出清');
    await orphans.getByRole('button', { name: 'Re-attach to selection' }).click();
    const state = await waitForNotes(browser, page, (s) => s.notes.every((n) => n.placement === 'anchored'));
    expect(state.notes.map((n) => n.note.quote.exact)).toContain('推动非主业非优势业务出清');
  });

  it('starts the reader again on a noted page that is not a plan, and the panel lists its note', async () => {
    const plain = await browser.context.newPage();
    await plain.goto(server.url('panel/plain.html', 'blog.example'));
    const tabId = await tabOf(browser, plain);
    expect(await notesState(browser, plain)).toBeNull(); // not a plan: no reader
    await injectReaderAsBackground(browser, tabId);
    await waitForNotes(browser, plain, () => true);
    await addNoteThroughToolbar(plain, '零基预算的评论', '博客上的批注');
    await waitForNotes(browser, plain, (s) => s.notes.length === 1);
    // The gate reads the noted sites from storage, which the background writes after the save.
    await expect
      .poll(() =>
        browser.worker!.evaluate(async () => {
          type Local = { get(key: string): Promise<Record<string, unknown>> };
          const api = (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome;
          return JSON.stringify(await api.storage.local.get('notes:sites'));
        }),
      )
      .toContain('blog.example');
    await plain.reload();
    // A reload drops the injected reader; the gate of a noted site asks for one again, notes only.
    const state = await waitForNotes(browser, plain, (s) => s.notes.length === 1);
    const side = await browser.context.newPage();
    await side.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tab=notes&tabId=${tabId}`);
    expect(state.notes[0]).toMatchObject({ placement: 'anchored' });
    await expect
      .poll(() => side.getByRole('list', { name: 'On this page' }).textContent())
      .toContain('博客上的批注');
    await side.close();
    await plain.close();
  });
});
