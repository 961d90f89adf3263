/**
 * PDFs known only by their content type in Firefox ESR (`/download?id=3` served as
 * `application/pdf`), which Firefox shows in its own viewer where no content script runs: the
 * background reads the response's headers (`webRequest`). One from a site chosen on the options
 * page opens in the reader; one from another site stays in Firefox's viewer; the popup offers the
 * reader for such a tab, and not for an HTML page at the same kind of address.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, PAGES_DIR, startFixtureServer, type FixtureServer } from '../browser/harness';
import { printPageToPdf } from '../browser/pdf-print';
import { EXTENSION_ORIGIN, launchFirefox, type FirefoxBrowser } from './firefox-harness';
import { ControlWindow, extensionErrors, waitInPage } from './firefox-helpers';

/** In an extension page: stores the sites whose PDFs open in the reader (as the options page does). */
async function storePdfSitesInPage(sites: string[]): Promise<void> {
  const api = (
    window as unknown as { browser: { storage: { local: { set(items: object): Promise<void> } } } }
  ).browser;
  await api.storage.local.set({ 'settings:pdfReaderSites': sites });
}

/** The reader's address for the PDF at `file`. */
function viewerAddress(file: string): string {
  return `${EXTENSION_ORIGIN}/viewer.html?file=${encodeURIComponent(file)}`;
}

describe('PDFs known by their content type only, in Firefox', () => {
  let ff: FirefoxBrowser;
  let pages: FixtureServer;
  let server: FixtureServer;
  let control: ControlWindow;
  let dir: string;
  let pdfTab: string;

  /** Loads `address` in the PDF tab (a redirect to the reader may interrupt the load). */
  async function openInPdfTab(address: string): Promise<void> {
    await ff.switchTo(pdfTab);
    await ff.navigate(address).catch(() => undefined);
  }

  /** Waits until the current tab shows `address`. */
  async function waitForTabAddress(address: string): Promise<void> {
    const until = Date.now() + 20_000;
    while ((await ff.url()) !== address) {
      if (Date.now() > until) throw new Error(`still at ${await ff.url()}, not ${address}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Waits until the background has handled the top-level response for `address` as a PDF. */
  async function waitForPdfResponse(address: string): Promise<number> {
    const tabId = await control.tabIdOf(address);
    const until = Date.now() + 20_000;
    while (!(await control.send<boolean>('tabShowsPdf', { tabId, url: address }))) {
      if (Date.now() > until) throw new Error(`the background never saw ${address} as a PDF`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return tabId;
  }

  beforeAll(async () => {
    pages = await startFixtureServer(PAGES_DIR);
    dir = await mkdtemp(path.join(tmpdir(), 'planlens-ff-pdf-type-'));
    const chromium = await launchBrowser({ extension: false });
    let bytes: Buffer;
    try {
      bytes = await printPageToPdf(await chromium.context.newPage(), pages.url('pdf-text-plan-2020.html'));
    } finally {
      await chromium.close();
    }
    await writeFile(path.join(dir, 'plan.pdf'), bytes);
    server = await startFixtureServer(dir, {
      '/download': { type: 'application/pdf', body: bytes },
      // A generic type with a PDF file name, shown inline: Firefox's viewer takes it too.
      '/attachment': {
        type: 'application/octet-stream',
        body: bytes,
        headers: {
          'content-disposition': `inline; filename="plan-2020.pdf"; filename*=UTF-8''${encodeURIComponent('2020年计划.pdf')}`,
        },
      },
      '/page': '<html><body><p>不是 PDF</p></body></html>',
    });
    ff = await launchFirefox({ locale: 'en-US' });
    pdfTab = (await ff.client.send<{ value: string }>('WebDriver:GetWindowHandle')).value;
    control = await ControlWindow.open(ff);
    await control.run(storePdfSitesInPage, ['www.nmg.gov.cn']);
  });
  afterAll(async () => {
    await ff?.close();
    await server?.close();
    await pages?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('opens one from a chosen site in the reader', async () => {
    const chosen = server.url('download?id=3', 'files.www.nmg.gov.cn');
    await openInPdfTab(chosen);
    await waitForTabAddress(viewerAddress(chosen));
    const state = await waitInPage(
      ff,
      () => document.documentElement.dataset.planlensReader ?? '',
      [],
      'the reader to finish',
      60_000,
    );
    expect(state).toBe('ready');
  });

  it('still opens a .pdf address from a chosen site (tab address and response both say so)', async () => {
    const chosen = server.url('plan.pdf', 'www.nmg.gov.cn');
    await openInPdfTab(chosen);
    await waitForTabAddress(viewerAddress(chosen));
  });

  it('opens one sent as application/octet-stream with a .pdf file name from a chosen site', async () => {
    const chosen = server.url('attachment?id=4', 'www.nmg.gov.cn');
    await openInPdfTab(chosen);
    await waitForTabAddress(viewerAddress(chosen));
  });

  it("leaves one from another site in Firefox's viewer, and the popup offers the reader there", async () => {
    const other = server.url('download?id=3', 'www.example.org');
    await openInPdfTab(other);
    // Handled: the background has decided on this response (and noted it for the popup).
    const tabId = await waitForPdfResponse(other);
    expect(await ff.url()).toBe(other);
    // The popup, as a page about that tab.
    await ff.switchTo(control.handle);
    await ff.navigate(`${EXTENSION_ORIGIN}/popup.html?tabId=${tabId}`);
    const checked = await waitInPage(
      ff,
      () => document.documentElement.dataset.pdfTab ?? '',
      [],
      'the check',
    );
    expect(checked).toBe('yes');
    await ff.evaluate(() =>
      [...document.querySelectorAll('button')]
        .find((b) => b.textContent === 'Open in PlanLens reader')!
        .click(),
    );
    await ff.switchTo(pdfTab);
    await waitForTabAddress(viewerAddress(other));
  });

  it('offers nothing for an HTML page at the same kind of address', async () => {
    const html = server.url('page?id=3', 'www.example.org');
    await openInPdfTab(html);
    const tabId = await control.tabIdOf(html);
    await ff.switchTo(control.handle);
    await ff.navigate(`${EXTENSION_ORIGIN}/popup.html?tabId=${tabId}`);
    const answer = await waitInPage(ff, () => document.documentElement.dataset.pdfTab ?? '', [], 'the check');
    expect(answer).toBe('no');
    expect(await ff.evaluate(() => document.querySelector('[data-testid="pdf-offer"]'))).toBeNull();
    await ff.switchTo(pdfTab);
  });

  it('left no errors in the extension', async () => {
    expect(await extensionErrors(ff)).toEqual([]);
  });
});
