/**
 * The note editor is the one web-accessible resource (note-editor.html, framed in our closed UI),
 * declared with `use_dynamic_url`: a page that knows our extension id must not be able to fetch
 * it, load it, or tell it apart from a resource that is not web-accessible at all (the classic
 * way to learn which extensions a visitor has). Our own frame still loads, and leaves no
 * `chrome-extension://` address in the page's resource timing.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startFixtureServer, type FixtureServer, type TestBrowser } from './harness';
import { openEditorOn, waitForNotes } from './notes-helpers';

const CLAUSE = '投入帮扶资金90亿元以上';

/** What a page's probes of `url` give: fetch, and loading it as a script, an image and a stylesheet. */
interface Probe {
  fetch: string;
  script: string;
  img: string;
  link: string;
}

/** In the page's own world: every usual way to probe for an extension's resource at `url`. */
async function probe(page: Page, url: string): Promise<Probe> {
  return page.evaluate(async (address) => {
    const fetched = await fetch(address).then(
      (r) => `answered ${r.status}`,
      () => 'refused',
    );
    const load = (make: () => HTMLElement & { onload: unknown; onerror: unknown }) =>
      new Promise<string>((resolve) => {
        const el = make();
        el.onload = () => resolve('loaded');
        el.onerror = () => resolve('error');
        document.head.append(el);
      });
    const script = await load(() => Object.assign(document.createElement('script'), { src: address }));
    const img = await load(() => Object.assign(document.createElement('img'), { src: address }));
    const link = await load(() =>
      Object.assign(document.createElement('link'), { rel: 'stylesheet', href: address }),
    );
    return { fetch: fetched, script, img, link };
  }, url);
}

const REFUSED: Probe = { fetch: 'refused', script: 'error', img: 'error', link: 'error' };

describe('web-accessible resources', () => {
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

  it('does not let a page fetch, load or detect the note editor by its static address', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('gov-portal-plan-2026.html', 'www.nmg.gov.cn'));
    await waitForNotes(browser, page, () => true);
    const origin = `chrome-extension://${browser.extensionId}`;
    // A resource that is not web-accessible at all is the baseline a page compares with.
    expect(await probe(page, `${origin}/popup.html`)).toEqual(REFUSED);
    expect(await probe(page, `${origin}/note-editor.html`)).toEqual(REFUSED);

    // Our own editor frame loads all the same, and the page learns nothing of it either.
    const editor = await openEditorOn(page, CLAUSE);
    const frameAddress = editor.url().replace(/\?.*/u, '');
    expect(await probe(page, frameAddress)).toEqual(REFUSED);
    expect(await probe(page, `${origin}/note-editor.html`)).toEqual(REFUSED);
    const timed = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((entry) => entry.name),
    );
    expect(timed.filter((name) => !name.startsWith('http'))).toEqual([]);
    await page.close();
  });
});
