import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startFixtureServer, type FixtureServer, type TestBrowser } from './harness';
import {
  clickInNotesUi,
  fillInNotesUi,
  findInNotesUi,
  openEditorOn,
  storedNotes,
  waitForNotes,
} from './notes-helpers';

const CLAUSE = '投入帮扶资金90亿元以上';
const UNSAVED = { role: 'alertdialog', name: 'Note not saved' } as const;

/** Opens the editor on the clause, waits until it is ready and types `text` (not saved yet). */
async function typeNote(page: Page, text: string): Promise<void> {
  await openEditorOn(page, CLAUSE);
  await fillInNotesUi(page, { role: 'textbox', name: 'Note' }, text);
}

/** Stops the extension's service worker the way Chrome does when it is idle. */
async function stopServiceWorker(browser: TestBrowser, page: Page): Promise<void> {
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

describe('notes are never lost without a word', () => {
  let browser: TestBrowser;
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lands a save made while the background is stopped, exactly once', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('gov-portal-plan-2026.html', 'www.nmg.gov.cn'));
    await waitForNotes(browser, page, () => true);
    const body = '后台停了也要存下';
    await typeNote(page, body);
    await stopServiceWorker(browser, page);
    await clickInNotesUi(page, { role: 'button', name: 'Save' });
    await waitForNotes(browser, page, (s) => s.notes.some((n) => n.note.body === body));
    expect((await storedNotes(browser)).filter((n) => n.body === body)).toHaveLength(1);
    await page.close();
  });

  it('keeps the text on screen with a message when the extension is reloaded under an open editor', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('gov-portal-plan-2026.html', 'www.nmg.gov.cn'));
    await waitForNotes(browser, page, () => true);
    const body = '扩展重启时正在写的批注，不能丢';
    await typeNote(page, body);

    // Reload the extension (as an update does) while the editor is open.
    const old = browser.worker!;
    const closed = new Promise((resolve) => old.once('close', resolve));
    await old
      .evaluate(() => {
        (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload();
      })
      .catch(() => undefined);
    await closed;

    // The editor frame goes with the extension (Chromium tears it down some 100-200 ms after the
    // worker closes, later under load). A reader quick enough presses Save in it once, where it was
    // (no waiting for it: it may be gone by then, which is the point). Either way the completion
    // signal is the reader's message: it notices the reload (at most half a second) and keeps the
    // text. Under load that can take longer, hence the generous bound.
    const save = await findInNotesUi(page, { role: 'button', name: 'Save' });
    if (save) await page.mouse.click(save.x, save.y);
    await expect.poll(() => findInNotesUi(page, UNSAVED), { timeout: 30_000 }).not.toBeNull();
    const kept = await findInNotesUi(page, { role: 'textbox', name: 'Note', within: UNSAVED });
    expect(kept?.value).toBe(body);
    expect(await findInNotesUi(page, { role: 'button', name: 'Copy', within: UNSAVED })).not.toBeNull();
    // (What the reloaded extension stored is not checked here: in headless Chromium an unpacked
    // extension reloaded by chrome.runtime.reload() does not come back, so its store is out of reach.)
    await page.close();
  });
});
