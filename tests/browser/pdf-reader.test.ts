/**
 * The PDF reader with the built extension: PDFs printed during the run from the fixture pages by
 * Chromium (headers and page numbers on), served on localhost and opened in viewer.html. The
 * highlighted quantities are compared with the labels of the page, as for the HTML pages; the
 * popup offers the reader on a PDF tab; a PDF without text gets the scan message.
 */
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  launchBrowser,
  PAGES_DIR,
  startFixtureServer,
  type FixtureServer,
  type TestBrowser,
} from './harness';
import { alignByLcs, readGold, squash } from './fixture-gold';
import { readPdfHighlightsInPage } from './pdf-helpers';
import { tabIdOf } from './highlight-helpers';
import { buildSeed001PdfHtml } from './plan-pdf';
import { printPageToPdf } from './pdf-print';

/** The extension API an extension page's script uses here (the tests run without chrome's types). */
interface ChromeApi {
  chrome: {
    tabs: { sendMessage(tabId: number, message: unknown): Promise<unknown> };
    runtime: { sendMessage(message: unknown): Promise<unknown> };
  };
}

const PRINTED = [
  { pdf: 'gov-portal-plan-2026.pdf', page: 'gov-portal-plan-2026.html', gold: '003_29900545c6a00a71.jsonl' },
  { pdf: 'pdf-text-plan-2020.pdf', page: 'pdf-text-plan-2020.html', gold: '001_3671b968aed7ce7c.jsonl' },
  // Seed 001 laid out as its source PDF: fixed-width lines cut inside numbers, running header, `— n —`.
  { pdf: 'seed-001-layout.pdf', page: null, gold: '001_3671b968aed7ce7c.jsonl' },
];

describe('the PDF reader', () => {
  let browser: TestBrowser;
  let pages: FixtureServer;
  let pdfs: FixtureServer;
  let pdfDir: string;
  let viewerUrl: (file: string) => string;

  beforeAll(async () => {
    pages = await startFixtureServer(PAGES_DIR);
    pdfDir = await mkdtemp(path.join(tmpdir(), 'planlens-pdf-'));
    browser = await launchBrowser({ locale: 'en-US' });
    const printer = await browser.context.newPage();
    for (const { pdf, page } of PRINTED) {
      if (!page) continue;
      await writeFile(path.join(pdfDir, pdf), await printPageToPdf(printer, pages.url(page)));
    }
    // A 繁體 reprint that kept the simplified magnitude words (`1200万人`, `1.3万亿斤`).
    await printer.goto(pages.url('reprint-traditional-report.html'));
    await printer.evaluate(() => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node as Text;
        text.data = text.data.replaceAll('萬', '万').replaceAll('億', '亿');
      }
    });
    await writeFile(path.join(pdfDir, 'traditional-stray.pdf'), await printPageToPdf(printer, null));
    await printer.goto('about:blank');
    await printer.setContent(buildSeed001PdfHtml().html);
    await printer.emulateMedia({ media: 'print' });
    await writeFile(
      path.join(pdfDir, 'seed-001-layout.pdf'),
      await printer.pdf({ format: 'A4', preferCSSPageSize: true }),
    );
    // The same file under another name: notes follow the file, not the address.
    await copyFile(path.join(pdfDir, 'seed-001-layout.pdf'), path.join(pdfDir, 'mirror-copy.pdf'));
    await printer.setContent('<html><body><canvas width="600" height="800"></canvas></body></html>');
    await writeFile(path.join(pdfDir, 'scan.pdf'), await printer.pdf({ format: 'A4' }));
    await printer.close();
    pdfs = await startFixtureServer(pdfDir);
    viewerUrl = (file) =>
      `chrome-extension://${browser.extensionId}/viewer.html?file=${encodeURIComponent(pdfs.url(file))}`;
  });
  afterAll(async () => {
    await browser?.close();
    await pages?.close();
    await pdfs?.close();
    if (pdfDir) await rm(pdfDir, { recursive: true, force: true });
  });

  /** Opens the reader on `file` and waits until it has read the PDF. */
  async function openReader(file: string): Promise<Page> {
    const page = await browser.context.newPage();
    await page.goto(viewerUrl(file));
    await page.waitForFunction(
      () => document.documentElement.dataset.planlensReader !== undefined,
      undefined,
      {
        timeout: 30_000,
      },
    );
    return page;
  }

  it.each(PRINTED.map((p) => [p.pdf, p] as const))(
    '%s: highlights the quantities the labels name',
    async (_, printed) => {
      const page = await openReader(printed.pdf);
      expect(await page.evaluate(() => document.documentElement.dataset.planlensReader)).toBe('ready');
      const got = await page.evaluate(readPdfHighlightsInPage);
      const gold = readGold(printed.gold);
      const pairs = alignByLcs(gold, got);
      const precision = pairs.length / Math.max(1, got.length);
      const recall = pairs.length / Math.max(1, gold.length);
      const kindAccuracy = pairs.filter(([g, h]) => g.kind === h.kind).length / Math.max(1, pairs.length);
      const firstHighlight = await page.evaluate(
        () => performance.getEntriesByName('planlens:pdf-first-highlight')[0]?.duration ?? -1,
      );
      console.log(
        `${printed.pdf}: ${got.length} highlighted, ${gold.length} gold, P=${precision.toFixed(3)} R=${recall.toFixed(3)} kind=${kindAccuracy.toFixed(3)}, first highlight ${firstHighlight.toFixed(0)} ms`,
      );
      const matched = new Set(pairs.map(([, h]) => h));
      const matchedGold = new Set(pairs.map(([g]) => g));
      const missed = gold.filter((g) => !matchedGold.has(g)).map((g) => g.quote);
      const extra = got.filter((h) => !matched.has(h)).map((h) => h.text);
      if (missed.length || extra.length)
        console.log(`missed ${missed.join(' | ')}; extra ${extra.join(' | ')}`);
      expect(precision).toBeGreaterThanOrEqual(0.95);
      expect(recall).toBeGreaterThanOrEqual(0.95);
      expect(kindAccuracy).toBeGreaterThanOrEqual(0.95);
      // Chromium's running header and page numbers are not read as text: no highlight sits in them.
      expect(got.some((h) => /\d+\/\d+/.test(h.text))).toBe(false);
      expect(await page.locator('#status').textContent()).toContain('Plan page detected');
      await page.close();
    },
  );

  it('draws the pages in view on their canvases (pdf.js slices run in tasks of their own)', async () => {
    const page = await openReader('seed-001-layout.pdf');
    await page.waitForSelector('.page[data-page-number="1"][data-painted]', { timeout: 30_000 });
    const inked = await page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('.page[data-page-number="1"] canvas')!;
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      let dark = 0;
      for (let k = 0; k < data.length; k += 4) if (data[k]! + data[k + 1]! + data[k + 2]! < 384) dark++;
      return { dark, size: canvas.width * canvas.height };
    });
    // Text: a few percent of the pixels are ink, not none (blank) and not all (unpainted black).
    expect(inked.dark / inked.size).toBeGreaterThan(0.005);
    expect(inked.dark / inked.size).toBeLessThan(0.5);
    await page.close();
  });

  it('lays seed 001 out with quantities cut across lines and pages, as its source PDF has them', () => {
    const { html, pages } = buildSeed001PdfHtml();
    const lines = [...html.matchAll(/<div class="line[^"]*">([^<]*)<\/div>/g)].map((m) => squash(m[1]!));
    // Labelled quantities that no single line holds whole (`100 万千` | `瓦`, `300` | page | `万亩`).
    const cut = readGold('001_3671b968aed7ce7c.jsonl').filter(
      (g) => !lines.some((l) => l.includes(squash(g.quote))),
    );
    expect(cut.length).toBeGreaterThanOrEqual(2);
    expect(html).toMatch(/— 2 —/);
    expect(pages).toBeGreaterThanOrEqual(8);
  });

  it('shows a card for a highlighted quantity, and searches the text', async () => {
    const page = await openReader('gov-portal-plan-2026.pdf');
    const point = await page.evaluate(() => {
      const r = [...CSS.highlights.get('planlens-target')!][0]!;
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      (r.startContainer.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2, text: range.toString() };
    });
    await page.mouse.move(point.x, point.y);
    await expect.poll(() => page.locator('#card').isVisible()).toBe(true);
    expect(await page.locator('#card').textContent()).toContain('Indicator');
    expect(await page.locator('#card').textContent()).toContain(
      squash(point.text).replace(/(左右|以上|以内)$/, ''),
    );
    await page.locator('#search').fill('主要预期目标');
    await expect.poll(() => page.locator('#search-count').textContent()).toMatch(/^[1-9]\d* matches$/);
    // The text layer is selectable: a selection over it reads the PDF's words.
    const selected = await page.evaluate(() => {
      const span = document.querySelector('.textLayer span')!;
      const range = document.createRange();
      range.selectNodeContents(span);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return getSelection()!.toString();
    });
    expect(selected.length).toBeGreaterThan(0);
    await page.close();
  });

  it('keeps a note made in the reader: found after reopening and at another address, citing its page', async () => {
    const page = await openReader('seed-001-layout.pdf');
    await page.waitForFunction(() => document.documentElement.dataset.planlensNotes === '0');
    // Eight characters inside one line of page 2.
    const chosen = await page.evaluate(() => {
      const span = [
        ...document.querySelectorAll<HTMLElement>('.page[data-page-number="2"] .textLayer span'),
      ].find((s) => /^[\u4e00-\u9fff]{10}/.test(s.textContent!.trim()))!;
      span.scrollIntoView({ block: 'center' });
      const text = span.firstChild as Text;
      const at = text.data.search(/[\u4e00-\u9fff]/) + 1;
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + 8);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return { page: Number(span.closest<HTMLElement>('.page')!.dataset.pageNumber), text: range.toString() };
    });
    await page.locator('#add-note').click();
    await page.locator('#note-body').fill('六项指标，对照年底数字');
    await page.locator('#note-save').click();
    await page.waitForFunction(() => document.documentElement.dataset.planlensNotes === '1');
    const noted = (p: Page) =>
      p.evaluate(() => {
        const r = [...CSS.highlights.get('planlens-note-yellow')!][0]!;
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        // The list's text without each note's Edit and Delete buttons.
        const list = [...document.querySelectorAll('#notes-list li[data-note-id]')]
          .flatMap((li) => [...li.children].filter((child) => !child.classList.contains('note-actions')))
          .map((child) => child.textContent)
          .join('');
        return { text: range.toString(), list };
      });
    const expected = { text: chosen.text, list: `p. ${chosen.page}${chosen.text}六项指标，对照年底数字` };
    expect(chosen.page).toBe(2);
    expect(await noted(page)).toEqual(expected);
    await page.close();
    for (const file of ['seed-001-layout.pdf', 'mirror-copy.pdf']) {
      const again = await openReader(file);
      await again.waitForFunction(() => document.documentElement.dataset.planlensNotes === '1');
      expect(await noted(again)).toEqual(expected);
      await again.close();
    }
  });

  it('edits and deletes a note in the reader (with undo), and the change holds after reopening', async () => {
    const file = 'pdf-text-plan-2020.pdf';
    const page = await openReader(file);
    await page.waitForFunction(() => document.documentElement.dataset.planlensNotes === '0');
    await page.evaluate(() => {
      const span = [
        ...document.querySelectorAll<HTMLElement>('.page[data-page-number="1"] .textLayer span'),
      ].find((s) => /^[\u4e00-\u9fff]{8}/.test(s.textContent!.trim()))!;
      const text = span.firstChild as Text;
      const at = text.data.search(/[\u4e00-\u9fff]/);
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + 6);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    await page.locator('#add-note').click();
    await page.locator('#note-body').fill('初稿');
    await page.locator('#note-save').click();
    await page.waitForFunction(() => document.documentElement.dataset.planlensNotes === '1');
    await page.locator('#notes-toggle').click();
    const item = page.locator('#notes-list li[data-note-id]');
    await item.getByRole('button', { name: 'Edit' }).click();
    expect(await page.locator('#note-body').inputValue()).toBe('初稿');
    await page.locator('#note-body').fill('改过的笔记：对照年底数字');
    await page.locator('#note-save').click();
    await expect.poll(() => item.locator('p').textContent()).toBe('改过的笔记：对照年底数字');
    await page.close();
    const reopened = await openReader(file);
    await reopened.waitForFunction(() => document.documentElement.dataset.planlensNotes === '1');
    const again = reopened.locator('#notes-list li[data-note-id]');
    expect(await again.locator('p').textContent()).toBe('改过的笔记：对照年底数字');
    await reopened.locator('#notes-toggle').click();
    // Delete, undo, delete: the undo brings the note back whole, the second delete holds.
    await again.getByRole('button', { name: 'Delete' }).click();
    await reopened.waitForFunction(() => document.documentElement.dataset.planlensNotes === '0');
    expect(await reopened.evaluate(() => CSS.highlights.has('planlens-note-yellow'))).toBe(false);
    await reopened.getByRole('button', { name: 'Undo' }).click();
    await reopened.waitForFunction(() => document.documentElement.dataset.planlensNotes === '1');
    expect(await again.locator('p').textContent()).toBe('改过的笔记：对照年底数字');
    await again.getByRole('button', { name: 'Delete' }).click();
    await reopened.waitForFunction(() => document.documentElement.dataset.planlensNotes === '0');
    await reopened.close();
    const last = await openReader(file);
    await last.waitForFunction(() => document.documentElement.dataset.planlensNotes === '0');
    expect(await last.locator('#notes-list li[data-note-id]').count()).toBe(0);
    await last.close();
  });

  it('shows the text layer in 繁體 with the highlights on the same quantities, and restores it exactly', async () => {
    const page = await openReader('gov-portal-plan-2026.pdf');
    const layerText = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('.textLayer span')].map((s) => s.textContent).join('\n'),
      );
    const before = { text: await layerText(), highlights: await page.evaluate(readPdfHighlightsInPage) };
    await page.locator('#script').selectOption('tw');
    await page.waitForFunction(() => document.documentElement.dataset.planlensScript === 'tw');
    const converted = { text: await layerText(), highlights: await page.evaluate(readPdfHighlightsInPage) };
    expect(converted.text).not.toBe(before.text);
    expect(converted.text).toContain('發展');
    expect(converted.text.length).toBe(before.text.length);
    // The same quantities, each now read in traditional script (個 for 个), none moved or lost.
    expect(converted.highlights.map((h) => h.kind)).toEqual(before.highlights.map((h) => h.kind));
    expect(converted.highlights.map((h) => [...h.text].length)).toEqual(
      before.highlights.map((h) => [...h.text].length),
    );
    expect(converted.highlights.map((h) => h.text.replace(/\D/g, ''))).toEqual(
      before.highlights.map((h) => h.text.replace(/\D/g, '')),
    );
    expect(converted.highlights.filter((h) => /[個條噸時畝]/.test(h.text)).length).toBeGreaterThan(5);
    expect(await page.evaluate(() => document.querySelector('.textLayer')!.getAttribute('lang'))).toBe(
      'zh-Hant-TW',
    );
    await page.locator('#script').selectOption('original');
    await page.waitForFunction(() => document.documentElement.dataset.planlensScript === 'original');
    expect(await layerText()).toBe(before.text);
    expect(await page.evaluate(readPdfHighlightsInPage)).toEqual(before.highlights);
    await page.close();
  });

  it('shows 万 and 亿 left in a 繁體 PDF as 萬 and 億, the highlights on the same quantities', async () => {
    const page = await openReader('traditional-stray.pdf');
    const strays = () =>
      page.evaluate(
        () =>
          [...document.querySelectorAll('.textLayer span')]
            .map((s) => s.textContent)
            .join('')
            .match(/[万亿]/g)?.length ?? 0,
      );
    const before = await page.evaluate(readPdfHighlightsInPage);
    const left = await strays();
    expect(left).toBeGreaterThan(5);
    expect(before.filter((h) => /[万亿]/.test(h.text)).length).toBeGreaterThan(3);
    await page.locator('#script').selectOption('tw');
    await page.waitForFunction(() => document.documentElement.dataset.planlensScript === 'tw');
    expect(await strays()).toBe(0);
    const after = await page.evaluate(readPdfHighlightsInPage);
    expect(after.map((h) => h.kind)).toEqual(before.map((h) => h.kind));
    expect(after.map((h) => h.text)).toEqual(
      before.map((h) => h.text.replaceAll('万', '萬').replaceAll('亿', '億')),
    );
    await page.locator('#script').selectOption('original');
    await page.waitForFunction(() => document.documentElement.dataset.planlensScript === 'original');
    expect(await strays()).toBe(left);
    await page.close();
  });

  it('says a PDF without a text layer cannot be read', async () => {
    const page = await openReader('scan.pdf');
    expect(await page.evaluate(() => document.documentElement.dataset.planlensReader)).toBe('no-text');
    expect(await page.locator('#message').textContent()).toContain('no text layer');
    await page.close();
  });

  it('is offered by the popup on a tab that shows a PDF, and opens there', async () => {
    const tab = await browser.context.newPage();
    const address = pdfs.url('pdf-text-plan-2020.pdf');
    await tab.goto(address).catch(() => undefined); // the built-in viewer may answer as a download in headless mode
    const tabId = await tabIdOf(browser, address);
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
    const offer = popup.getByRole('button', { name: 'Open in PlanLens reader' });
    await offer.click();
    await expect.poll(() => tab.url()).toBe(viewerUrl('pdf-text-plan-2020.pdf'));
    // An HTML page gets no offer.
    const html = await browser.context.newPage();
    await html.goto(pages.url('gov-portal-plan-2026.html'));
    const htmlPopup = await browser.context.newPage();
    await htmlPopup.goto(
      `chrome-extension://${browser.extensionId}/popup.html?tabId=${await tabIdOf(browser, pages.url('gov-portal-plan-2026.html'))}`,
    );
    await htmlPopup.getByText('Plan page detected').waitFor();
    expect(await htmlPopup.getByTestId('pdf-offer').count()).toBe(0);
  });

  it('is offered on a tab whose PDF is known by its content type only (`/download?id=3`)', async () => {
    const bytes = await readFile(path.join(pdfDir, 'pdf-text-plan-2020.pdf'));
    const server = await startFixtureServer(pdfDir, {
      '/download': { type: 'application/pdf', body: bytes },
      '/page': '<html><body><p>不是 PDF</p></body></html>',
    });
    try {
      const address = server.url('download?id=3');
      const tab = await browser.context.newPage();
      await tab.goto(address).catch(() => undefined);
      const tabId = await tabIdOf(browser, address);
      const popup = await browser.context.newPage();
      await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
      await popup.getByRole('button', { name: 'Open in PlanLens reader' }).click();
      // The popup here is a tab in front of the PDF's: a real popup leaves the PDF's tab in front.
      await tab.bringToFront();
      await expect
        .poll(() => tab.url())
        .toBe(`chrome-extension://${browser.extensionId}/viewer.html?file=${encodeURIComponent(address)}`);
      await tab.waitForFunction(
        () => document.documentElement.dataset.planlensReader === 'ready',
        undefined,
        {
          timeout: 30_000,
        },
      );
      // The same kind of address serving HTML gets no offer.
      const html = await browser.context.newPage();
      await html.goto(server.url('page?id=3'));
      const htmlPopup = await browser.context.newPage();
      await htmlPopup.goto(
        `chrome-extension://${browser.extensionId}/popup.html?tabId=${await tabIdOf(browser, server.url('page?id=3'))}`,
      );
      await htmlPopup.waitForFunction(() => document.documentElement.dataset.pdfTab === 'no');
      expect(await htmlPopup.getByTestId('pdf-offer').count()).toBe(0);
    } finally {
      await server.close();
    }
  });

  it('opens PDFs from the sites chosen on the options page in the reader directly', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByTestId('pdf-sites').fill('https://www.NMG.gov.cn/zwgk/\nnot a host');
    await options.getByRole('button', { name: 'Save sites' }).click();
    await expect.poll(() => options.getByTestId('pdf-sites').inputValue()).toBe('www.nmg.gov.cn');
    // A PDF from another site stays where it is: checked once a later chosen one was redirected.
    const other = pdfs.url('pdf-text-plan-2020.pdf', 'www.example.org');
    const otherTab = await browser.context.newPage();
    await otherTab.goto(other).catch(() => undefined);
    const chosen = pdfs.url('pdf-text-plan-2020.pdf', 'files.www.nmg.gov.cn');
    const tab = await browser.context.newPage();
    await tab.goto(chosen).catch(() => undefined); // the redirect interrupts the navigation
    await expect
      .poll(() => tab.url())
      .toBe(`chrome-extension://${browser.extensionId}/viewer.html?file=${encodeURIComponent(chosen)}`);
    await tab.waitForFunction(() => document.documentElement.dataset.planlensReader === 'ready', undefined, {
      timeout: 30_000,
    });
    expect(otherTab.url()).toBe(other);
  });
  it('opens a PDF known by its content type only (`/download?id=3`) from a chosen site in the reader', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByTestId('pdf-sites').fill('www.nmg.gov.cn');
    await options.getByRole('button', { name: 'Save sites' }).click();
    await expect.poll(() => options.getByTestId('pdf-sites').inputValue()).toBe('www.nmg.gov.cn');
    await options.close();
    const bytes = await readFile(path.join(pdfDir, 'pdf-text-plan-2020.pdf'));
    const server = await startFixtureServer(pdfDir, {
      '/download': { type: 'application/pdf', body: bytes },
      '/page': '<html><body><p>不是 PDF</p></body></html>',
    });
    try {
      // Another site's PDF and the chosen site's HTML at the same kind of address stay where they are.
      const other = server.url('download?id=3', 'www.example.org');
      const otherTab = await browser.context.newPage();
      await otherTab.goto(other).catch(() => undefined);
      const html = server.url('page?id=3', 'files.www.nmg.gov.cn');
      const htmlTab = await browser.context.newPage();
      await htmlTab.goto(html);
      // The gate has run past its PDF check once it has timed its detection.
      await htmlTab.waitForFunction(() => performance.getEntriesByName('planlens:detect').length > 0);
      const chosen = server.url('download?id=3', 'files.www.nmg.gov.cn');
      const tab = await browser.context.newPage();
      await tab.goto(chosen).catch(() => undefined);
      await expect
        .poll(() => tab.url(), { timeout: 20_000 })
        .toBe(`chrome-extension://${browser.extensionId}/viewer.html?file=${encodeURIComponent(chosen)}`);
      await tab.waitForFunction(
        () => document.documentElement.dataset.planlensReader === 'ready',
        undefined,
        {
          timeout: 30_000,
        },
      );
      expect(otherTab.url()).toBe(other);
      expect(htmlTab.url()).toBe(html);
      await Promise.all([tab.close(), otherTab.close(), htmlTab.close()]);
    } finally {
      await server.close();
    }
  });
  it('opens a library figure of a PDF in the reader, at that figure', async () => {
    const address = pdfs.url('seed-001-layout.pdf');
    const reader = await openReader('seed-001-layout.pdf');
    const tabId = await tabIdOf(browser, viewerUrl('seed-001-layout.pdf'));
    const extensionPage = await browser.context.newPage();
    await extensionPage.goto(`chrome-extension://${browser.extensionId}/options.html`);
    // The figure as the panel and the library know it: its text and its offset in the reading text.
    const state = (await extensionPage.evaluate(
      ([id]) =>
        (globalThis as unknown as ChromeApi).chrome.tabs.sendMessage(id!, {
          planlens: 'targetsPageState',
          data: {},
        }),
      [tabId],
    )) as { ok: boolean; value: { targets: Array<{ text: string; start: number }> } };
    const index = 7;
    const { text, start } = state.value.targets[index]!;
    await reader.close();
    const opened = (await extensionPage.evaluate(
      (data) =>
        (globalThis as unknown as ChromeApi).chrome.runtime.sendMessage({
          planlens: 'libraryOpenFigure',
          data,
        }),
      { url: address, start, text },
    )) as { ok: boolean; value: boolean };
    expect(opened).toEqual({ ok: true, value: true });
    const tab = browser.context.pages().find((p) => p.url() === viewerUrl('seed-001-layout.pdf'))!;
    expect(tab).toBeDefined();
    expect(await tab.evaluate(() => document.documentElement.dataset.planlensFocus)).toBe(String(index));
    await Promise.all([tab.close(), extensionPage.close()]);
  });
});
