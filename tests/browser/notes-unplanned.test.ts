/**
 * Notes on pages that are not detected as plans: they come back after a reload (the gate knows the
 * site has notes, the background finds this page's and starts the reader for them with highlights
 * off), and the popup counts them.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteChoiceKey } from '../../lib/site-prefs/site-choice';
import { launchBrowser, startFixtureServer, type FixtureServer, type TestBrowser } from './harness';
import {
  addNoteThroughToolbar,
  injectReaderAsBackground,
  markTexts,
  notesState,
  tabOf,
  waitForNotes,
} from './notes-helpers';

const HOST = 'www.citynews.example';
const CLAUSE = '新建社区食堂120个';
/** A news item that quotes one figure: far from a plan page for the gate. */
const NEWS = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>社区新闻</title></head>
<body><h1>社区食堂开张了</h1>
<p>今天上午，城东社区食堂正式开张，附近老人排队尝鲜。区里说，今年将${CLAUSE}，方便老年人就餐。</p>
<p>记者在现场看到，菜品价格实惠，不少居民表示满意。</p></body></html>`;

/** What the reader of the tab says about highlighting, or null while none answers. */
async function highlighting(browser: TestBrowser, page: Page): Promise<{ enabled: boolean } | null> {
  const tabId = await tabOf(browser, page);
  return browser.worker!.evaluate(async (id) => {
    const api = (
      globalThis as unknown as {
        chrome: { tabs: { sendMessage(t: number, m: unknown, o: object): Promise<unknown> } };
      }
    ).chrome;
    try {
      const r = (await api.tabs.sendMessage(
        id,
        { planlens: 'getHighlighting', data: {} },
        { frameId: 0 },
      )) as {
        ok: boolean;
        value: { enabled: boolean };
      };
      return r.ok ? r.value : null;
    } catch {
      return null;
    }
  }, tabId);
}

/** The hosts the background lists as having notes (for the gate). */
function notedSites(browser: TestBrowser): Promise<unknown> {
  return browser.worker!.evaluate(async () => {
    const api = (
      globalThis as unknown as {
        chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
      }
    ).chrome;
    return (await api.storage.local.get('notes:sites'))['notes:sites'] ?? null;
  });
}

describe('notes on a page that is not a plan', () => {
  let browser: TestBrowser;
  let server: FixtureServer;
  let page: Page;
  beforeAll(async () => {
    server = await startFixtureServer(undefined, { '/news/canteen.html': NEWS });
    browser = await launchBrowser({ locale: 'en-US' });
    page = await browser.context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('comes back after a reload, with highlights off', async () => {
    await page.goto(server.url('news/canteen.html', HOST));
    // Not a plan: no reader until the reader asks for one (the add-note shortcut or menu does this).
    expect(await notesState(browser, page)).toBeNull();
    await injectReaderAsBackground(browser, await tabOf(browser, page));
    await waitForNotes(browser, page, () => true);
    await addNoteThroughToolbar(page, CLAUSE, '今年目标，年底核对');
    await waitForNotes(browser, page, (s) => s.notes.length === 1);
    await expect.poll(() => notedSites(browser)).toEqual([HOST]);

    await page.reload();
    const state = await waitForNotes(browser, page, (s) => s.notes[0]?.placement === 'anchored');
    expect(state.notes.map((n) => n.note.body)).toEqual(['今年目标，年底核对']);
    await expect.poll(() => markTexts(page, 'note')).toEqual([CLAUSE]);
    // Started for the notes: the page is still not a plan, so its figures are not highlighted.
    expect(await highlighting(browser, page)).toEqual({ enabled: false, counts: { target: 0, achieved: 0 } });
  });

  it('is counted in the popup', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(
      `chrome-extension://${browser.extensionId}/popup.html?tabId=${await tabOf(browser, page)}`,
    );
    await expect
      .poll(() => popup.getByText(/^Notes on this page: \d+$/u).textContent())
      .toBe('Notes on this page: 1');
    await popup.close();
  });

  it('is counted from the store when no reader runs (the site set to never)', async () => {
    await browser.worker!.evaluate(async (key) => {
      const api = (
        globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }
      ).chrome;
      await api.storage.local.set({ [key]: 'never' });
    }, siteChoiceKey(HOST));
    await page.reload();
    const popup = await browser.context.newPage();
    await popup.goto(
      `chrome-extension://${browser.extensionId}/popup.html?tabId=${await tabOf(browser, page)}`,
    );
    await expect
      .poll(() => popup.getByText(/^Notes on this page: \d+$/u).textContent())
      .toBe('Notes on this page: 1');
    // The count did not come from a reader: "never" keeps PlanLens off the page.
    expect(await notesState(browser, page)).toBeNull();
    await popup.close();
  });
});
