/**
 * The side panel on a tab that shows the PlanLens PDF reader: its Targets, Outline and Notes tabs
 * work as on a web page (the panel asks the reader's extension page in the tab), a row click shows
 * the quantity in the reader, and exports cite the PDF's page.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseCsv } from '../helpers/parse-csv';
import {
  launchBrowser,
  PAGES_DIR,
  startFixtureServer,
  type FixtureServer,
  type TestBrowser,
} from './harness';
import { tabIdOf } from './highlight-helpers';
import {
  readPdfHighlightsInPage,
  scrollHeadingNearTopInPage,
  selectClauseOnPage2InPage,
} from './pdf-helpers';
import { printPageToPdf } from './pdf-print';

const ROWS = '[data-testid="targets-table"] tbody tr[data-index]';

/** The page numbers and texts of the focus highlight's ranges, and whether its first range is in view. */
function readFocusInPage() {
  return [...(CSS.highlights.get('planlens-focus') ?? [])].map((r) => {
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    const box = range.getBoundingClientRect();
    return {
      text: range.toString(),
      page: Number(r.startContainer.parentElement!.closest<HTMLElement>('.page')!.dataset.pageNumber),
      inView: box.top >= 0 && box.bottom <= innerHeight,
    };
  });
}

describe('the side panel on the PDF reader', () => {
  let browser: TestBrowser;
  let pages: FixtureServer;
  let pdfs: FixtureServer;
  let pdfDir: string;
  let reader: Page;
  let panel: Page;
  let viewer: string;

  beforeAll(async () => {
    pages = await startFixtureServer(PAGES_DIR);
    pdfDir = await mkdtemp(path.join(tmpdir(), 'planlens-pdf-panel-'));
    browser = await launchBrowser({ locale: 'en-US' });
    const printer = await browser.context.newPage();
    await writeFile(
      path.join(pdfDir, 'plan.pdf'),
      await printPageToPdf(printer, pages.url('gov-portal-plan-2026.html')),
    );
    await printer.close();
    pdfs = await startFixtureServer(pdfDir);
    viewer = `chrome-extension://${browser.extensionId}/viewer.html?file=${encodeURIComponent(pdfs.url('plan.pdf'))}`;
    reader = await browser.context.newPage();
    await reader.goto(viewer);
    await reader.waitForFunction(
      () => document.documentElement.dataset.planlensReader === 'ready',
      undefined,
      {
        timeout: 30_000,
      },
    );
    panel = await browser.context.newPage();
    await panel.goto(
      `chrome-extension://${browser.extensionId}/sidepanel.html?tabId=${await tabIdOf(browser, viewer)}`,
    );
  });
  afterAll(async () => {
    await browser?.close();
    await pdfs?.close();
    await pages?.close();
    if (pdfDir) await rm(pdfDir, { recursive: true, force: true });
  });

  it('lists one row per highlight, and a row click shows its quantity in the reader with its card', async () => {
    const highlights = await reader.evaluate(readPdfHighlightsInPage);
    expect(highlights.length).toBeGreaterThan(10);
    await expect.poll(() => panel.locator(ROWS).count(), { timeout: 15_000 }).toBe(highlights.length);
    const quotes = await panel.locator(`${ROWS} td:nth-child(2)`).allTextContents();
    quotes.forEach((quote, i) => expect(highlights[i]!.text.replace(/\s/g, ''), quote).toContain(quote));
    // A quantity far down the document, out of view until the row is clicked.
    const pick = Math.floor(highlights.length * 0.8);
    expect((await reader.evaluate(readFocusInPage)).length).toBe(0);
    await panel.locator(`${ROWS}[data-index="${pick}"]`).click();
    await expect
      .poll(() => reader.evaluate(readFocusInPage).then((f) => f.map((r) => r.text).join('')))
      .toBe(highlights[pick]!.text);
    expect((await reader.evaluate(readFocusInPage))[0]!.inView).toBe(true);
    expect(await reader.locator('#card').isVisible()).toBe(true);
    expect(await reader.locator('#card').textContent()).toContain('Indicator');
  });

  it('a panel open on the tab before the PDF is read lists its rows once it is', async () => {
    // The panel follows the tab from a web page with no reader to the PDF reader: the tab's load
    // completes before the reader has read the PDF, so only the reader's own word can tell it.
    const tab = await browser.context.newPage();
    const before = pages.url('sports-scores.html?early-panel');
    await tab.goto(before);
    const early = await browser.context.newPage();
    await early.goto(
      `chrome-extension://${browser.extensionId}/sidepanel.html?tabId=${await tabIdOf(browser, before)}`,
    );
    await tab.goto(viewer);
    await tab.waitForFunction(() => document.documentElement.dataset.planlensReader === 'ready', undefined, {
      timeout: 30_000,
    });
    const highlights = await tab.evaluate(readPdfHighlightsInPage);
    expect(highlights.length).toBeGreaterThan(10);
    await expect.poll(() => early.locator(ROWS).count(), { timeout: 15_000 }).toBe(highlights.length);
    await early.close();
    await tab.close();
  });

  it('marks the row of the quantity the pointer is over in the reader', async () => {
    await reader.bringToFront();
    await reader.evaluate(() => scrollTo(0, 0));
    // The first highlighted quantity's box, in the reader's viewport.
    const box = await reader.evaluate(() => {
      const [first] = [...(CSS.highlights.get('planlens-target') ?? [])];
      if (!first) return null;
      const range = document.createRange();
      range.setStart(first.startContainer, first.startOffset);
      range.setEnd(first.endContainer, first.endOffset);
      first.startContainer.parentElement!.scrollIntoView({ block: 'center' });
      const r = range.getClientRects()[0]!;
      return { x: r.left + r.width / 2, y: r.top + r.height / 2, text: range.toString() };
    });
    expect(box).not.toBeNull();
    await reader.mouse.move(box!.x, box!.y);
    await expect.poll(() => reader.locator('#card').isVisible()).toBe(true);
    const hovered = panel.locator(`${ROWS}[data-hovered]`);
    await expect.poll(() => hovered.count(), { timeout: 10_000 }).toBe(1);
    expect(box!.text.replace(/\s/g, '')).toContain(await hovered.locator('td:nth-child(2)').textContent());
    await reader.mouse.move(1, 1);
    await expect.poll(() => hovered.count(), { timeout: 10_000 }).toBe(0);
  });

  it('exports cite the page of every quantity', async () => {
    const pick = Math.floor((await panel.locator(ROWS).count()) * 0.8);
    await panel.locator(`${ROWS}[data-index="${pick}"]`).click();
    await expect.poll(() => reader.evaluate(readFocusInPage).then((f) => f.length)).toBeGreaterThan(0);
    const [focused] = await reader.evaluate(readFocusInPage);
    const [download] = await Promise.all([
      panel.waitForEvent('download'),
      panel.getByTestId('targets-export-csv').click(),
    ]);
    const [header, ...records] = parseCsv(
      (await readFile((await download.path())!)).toString('utf8').slice(1),
    );
    const pages = records.map((r) => Number(r[header!.indexOf('page')]));
    expect(pages.every((p) => Number.isInteger(p) && p >= 1)).toBe(true);
    expect(pages).toEqual([...pages].sort((a, b) => a - b));
    expect(pages.at(-1)).toBeGreaterThan(pages[0]!);
    expect(pages[pick]).toBe(focused!.page);
    expect(new Set(records.map((r) => r[header!.indexOf('url')]))).toEqual(new Set([pdfs.url('plan.pdf')]));
  });

  it('Outline: a section click brings its heading into view in the reader', async () => {
    await panel.getByRole('tab', { name: 'Outline' }).click();
    const sections = panel.locator('[data-testid="outline"] button');
    await expect.poll(() => sections.count()).toBeGreaterThan(3);
    // The last heading (`十四、`): the reader starts at the top, far from it.
    const last = sections.last();
    await reader.evaluate(() => scrollTo(0, 0));
    const heading = ((await last.locator('span').first().textContent()) ?? '').replace(/\s/g, '').slice(0, 3);
    await last.click();
    await expect
      .poll(() =>
        reader.evaluate((start) => {
          // The text in view, in layer order (a heading may be cut into runs: `十` | `四、坚持…`).
          const inView = [...document.querySelectorAll<HTMLElement>('.textLayer span')].filter((span) => {
            const box = span.getBoundingClientRect();
            return box.top >= 0 && box.bottom <= innerHeight;
          });
          return inView
            .map((span) => span.textContent)
            .join('')
            .replace(/\s/g, '')
            .includes(start);
        }, heading),
      )
      .toBe(true);
  });

  it('Outline: the section the reader scrolls to is marked current, and scrolling back marks the earlier one', async () => {
    await panel.getByRole('tab', { name: 'Outline' }).click();
    const buttons = panel.locator('[data-testid="outline"] button');
    await expect.poll(() => buttons.count()).toBeGreaterThan(3);
    const sections = await buttons.evaluateAll((all) =>
      all.map((b) => ({
        title: b.querySelector('span')!.textContent ?? '',
        start: Number((b as HTMLElement).dataset.offset),
      })),
    );
    // Sections with a long text before the next heading, so only their heading is near the line.
    const titles = sections
      .filter((s, k) => (sections[k + 1]?.start ?? Infinity) - s.start > 400)
      .map((s) => s.title);
    expect(titles.length).toBeGreaterThan(2);
    const current = () =>
      panel.evaluate(() => document.querySelector('[aria-current="location"] span')?.textContent ?? '');
    // The reader draws frames (and so reports its scroll) only in front.
    await reader.bringToFront();
    for (const title of [titles.at(-1)!, titles[1]!]) {
      await reader.evaluate(scrollHeadingNearTopInPage, title);
      await expect.poll(current, { timeout: 10_000 }).toBe(title);
    }
  });

  it('Notes: a note made in the reader is listed, and a click shows it', async () => {
    await reader.evaluate(() => scrollTo(0, 0));
    const chosen = await reader.evaluate(selectClauseOnPage2InPage);
    await reader.locator('#add-note').click();
    await reader.locator('#note-body').fill('面板里也要看到');
    await reader.locator('#note-save').click();
    await reader.waitForFunction(() => document.documentElement.dataset.planlensNotes === '1');
    await reader.evaluate(() => scrollTo(0, 0));
    await panel.getByRole('tab', { name: 'Notes' }).click();
    const listed = panel.getByRole('list', { name: 'On this page' }).locator('button[data-note-id]');
    await expect.poll(() => listed.count(), { timeout: 15_000 }).toBe(1);
    expect(await listed.textContent()).toContain(chosen);
    expect(await listed.textContent()).toContain('面板里也要看到');
    await listed.click();
    await expect
      .poll(() =>
        reader.evaluate(() => {
          const r = [...CSS.highlights.get('planlens-note-yellow')!][0]!;
          const box = (r.startContainer.parentElement as HTMLElement).getBoundingClientRect();
          return box.top >= 0 && box.bottom <= innerHeight;
        }),
      )
      .toBe(true);
  });

  it('Ledger: the PDF is one library entry, with its year, whose targets the Ledger lists; none while paused', async () => {
    await reader.waitForFunction(() => document.documentElement.dataset.planlensLibrary !== undefined);
    const key = await reader.evaluate(() => document.documentElement.dataset.planlensLibrary);
    expect(key).toMatch(/^(pdf|doc):/);
    const ledger = await browser.context.newPage();
    await ledger.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tab=ledger`);
    const rows = () =>
      ledger.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('[data-testid="ledger-row"]')].map((tr) => {
          const cells = [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '');
          return `${tr.dataset.year} ${tr.dataset.metric} ${cells[3]} | ${cells[4]}`;
        }),
      );
    await expect
      .poll(rows, { timeout: 15_000 })
      .toEqual(
        expect.arrayContaining(['2026 gdp_growth 5%左右soft | —', '2026 grain_output 超过840亿斤firm | —']),
      );
    /** The library's entry under `key` as `year urls…`, read from the extension's database. */
    const readEntry = () =>
      ledger.evaluate(
        (wanted) =>
          new Promise<string[]>((resolve, reject) => {
            const open = indexedDB.open('planlens');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const all = open.result.transaction('libraryDocs').objectStore('libraryDocs').getAll();
              all.onsuccess = () => {
                open.result.close();
                const docs = all.result as Array<{ key: string; year: number; urls: string[] }>;
                resolve(docs.filter((d) => d.key === wanted).map((d) => [d.year, ...d.urls].join(' ')));
              };
            };
          }),
        key,
      );
    // The printed plan has a 发文字号: the PDF is the same document as the web page it was printed
    // from (which the web reader recorded when the test printed it), one entry for both.
    const web = pages.url('gov-portal-plan-2026.html');
    expect(key).toBe('doc:内政发[2026]5号');
    expect(await readEntry()).toEqual([`2026 ${web} ${pdfs.url('plan.pdf')}`]);
    const openReader = async (address: string) => {
      const tab = await browser.context.newPage();
      await tab.goto(
        `chrome-extension://${browser.extensionId}/viewer.html?file=${encodeURIComponent(address)}`,
      );
      await tab.waitForFunction(
        () => document.documentElement.dataset.planlensLibrary !== undefined,
        undefined,
        {
          timeout: 30_000,
        },
      );
      const written = await tab.evaluate(() => document.documentElement.dataset.planlensLibrary);
      await tab.close();
      return written;
    };
    const setPaused = (paused: boolean) =>
      ledger.evaluate(
        (value) =>
          (
            globalThis as unknown as {
              chrome: { storage: { local: { set(items: object): Promise<void> } } };
            }
          ).chrome.storage.local.set({ 'library:paused': value }),
        paused,
      );
    // Paused: the same file at another address is not written.
    await setPaused(true);
    expect(await openReader(pdfs.url('plan.pdf?copy=2'))).toBe('');
    expect(await readEntry()).toEqual([`2026 ${web} ${pdfs.url('plan.pdf')}`]);
    // Resumed: the same file at another address joins its one entry.
    await setPaused(false);
    expect(await openReader(pdfs.url('plan.pdf?copy=3'))).toBe(key);
    expect(await readEntry()).toEqual([`2026 ${web} ${pdfs.url('plan.pdf')} ${pdfs.url('plan.pdf?copy=3')}`]);
    await ledger.close();
  });

  it('Corrections: a row marked not a target, or switched to the other kind, changes the reader’s highlights', async () => {
    await panel.getByRole('tab', { name: 'Targets' }).click();
    await expect.poll(() => panel.locator(ROWS).count(), { timeout: 15_000 }).toBeGreaterThan(10);
    const count = (kind: 'target' | 'achieved') =>
      reader.evaluate((k) => CSS.highlights.get(`planlens-${k}`)?.size ?? 0, kind);
    const targets = await count('target');
    const achieved = await count('achieved');
    const kinds = await panel.locator(`${ROWS} td:nth-child(7)`).allTextContents();
    const quotes = await panel.locator(`${ROWS} td:nth-child(2)`).allTextContents();
    const [dismiss, flip] = kinds.flatMap((kind, i) => (kind === 'target' ? [i] : [])).slice(2, 4) as [
      number,
      number,
    ];
    // Not a target: the row's correction controls.
    await panel.locator(`${ROWS}[data-index="${dismiss}"]`).getByTestId('targets-correct').click();
    await panel.getByTestId('targets-dismiss').click();
    await expect.poll(() => count('target')).toBeLessThan(targets);
    await expect.poll(() => panel.getByTestId('targets-dismissed').textContent()).toContain(quotes[dismiss]);
    // The other kind: K on the focused row.
    const flipIndex = (await panel.locator(`${ROWS} td:nth-child(2)`).allTextContents()).indexOf(
      quotes[flip]!,
    );
    await panel.locator(`${ROWS}[data-index="${flipIndex}"]`).focus();
    await panel.keyboard.press('k');
    await expect.poll(() => count('achieved')).toBeGreaterThan(achieved);
    const flipped = panel.locator(`${ROWS}[data-index="${flipIndex}"]`);
    await expect.poll(() => flipped.getAttribute('data-corrected')).toBe('kind');
    // A reader opened again applies them.
    // (In a tab behind others, which draws no frames: layout must not wait for one.)
    await reader.reload();
    await reader.waitForFunction(
      () => document.documentElement.dataset.planlensNotes !== undefined,
      undefined,
      {
        timeout: 30_000,
      },
    );
    expect(await count('achieved')).toBeGreaterThan(achieved);
    expect(await count('target')).toBeLessThan(targets);
  });
});
