import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startFixtureServer, type FixtureServer, type TestBrowser } from './harness';
import { readHighlight, tabIdOf, waitForHighlights } from './highlight-helpers';
import { findTargetCard } from './notes-helpers';
import { parseCsv } from '../helpers/parse-csv';

/** Every target and achieved highlight, in document order, as `kind text`. */
function readAllHighlights(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const all: { range: Range; kind: string }[] = [];
    for (const kind of ['target', 'achieved']) {
      for (const r of CSS.highlights.get(`planlens-${kind}`) ?? []) {
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        all.push({ range: live, kind });
      }
    }
    all.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
    return all.map((h) => `${h.kind} ${h.range.toString()}`);
  });
}

/** The table's rows as `kind quote` (English UI: kinds are written `target`/`achieved`). */
function readRows(panel: Page): Promise<string[]> {
  return panel.evaluate(() =>
    [...document.querySelectorAll('[data-testid="targets-table"] tbody tr')].map((tr) => {
      const cells = [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '');
      return `${cells[6]} ${cells[1]}`;
    }),
  );
}

const PAGES: [string, string][] = [
  ['gov-portal-plan-2026.html', 'www.nmg.gov.cn'],
  ['reprint-traditional-report.html', 'www.chinapower.com.cn'],
];

describe('the side panel’s Targets table', () => {
  let browser: TestBrowser;
  let server: FixtureServer;
  const pages: Page[] = [];
  const panels: Page[] = [];

  beforeAll(async () => {
    server = await startFixtureServer();
    browser = await launchBrowser({ locale: 'en-US' });
    for (const [file, host] of PAGES) {
      const page = await browser.context.newPage();
      const url = server.url(file, host);
      await page.goto(url);
      await waitForHighlights(page);
      const panel = await browser.context.newPage();
      await panel.goto(
        `chrome-extension://${browser.extensionId}/sidepanel.html?tabId=${await tabIdOf(browser, url)}`,
      );
      pages.push(page);
      panels.push(panel);
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('has exactly one row per highlight, in document order, of the same kind', async () => {
    for (const [k, page] of pages.entries()) {
      const highlights = await readAllHighlights(page);
      expect(highlights.length).toBeGreaterThan(10);
      await expect
        .poll(() => readRows(panels[k]!).then((r) => r.length), { timeout: 15_000 })
        .toBe(highlights.length);
      const rows = await readRows(panels[k]!);
      rows.forEach((row, i) => {
        const [kind, quote] = row.split(' ');
        // The highlight covers the quantity and its qualifier (`18万人以上`), the row shows the quantity.
        expect(highlights[i]!.startsWith(`${kind} `), `${row} vs ${highlights[i]}`).toBe(true);
        expect(highlights[i]!.includes(quote!), `${row} vs ${highlights[i]}`).toBe(true);
      });
    }
  });

  it('focuses the clicked row’s highlight on the page and opens its card', async () => {
    const [page, panel] = [pages[0]!, panels[0]!];
    const highlights = await readAllHighlights(page);
    const pick = Math.floor(highlights.length * 0.8);
    await panel.locator(`[data-testid="targets-table"] tbody tr[data-index="${pick}"]`).click();
    await expect.poll(() => readHighlight(page, 'planlens-focus')).toEqual([highlights[pick]!.split(' ')[1]]);
    await expect.poll(async () => (await findTargetCard(page)) !== null).toBe(true);
  });

  it('card: direction with the quantity, the source sentence, achieved figures named as such', async () => {
    const [page, panel] = [pages[0]!, panels[0]!];
    const cells = await panel.evaluate(() =>
      [...document.querySelectorAll('[data-testid="targets-table"] tbody tr')].map((tr) => ({
        index: Number((tr as HTMLElement).dataset.index),
        cells: [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''),
      })),
    );
    const down = cells.find((r) => r.cells[5] !== '' && r.cells[6] === 'target')!;
    expect(down).toBeDefined();
    await panel.locator(`[data-testid="targets-table"] tbody tr[data-index="${down.index}"]`).click();
    await expect
      .poll(async () => (await findTargetCard(page))?.text ?? '')
      .toContain(`${down.cells[5]} ${down.cells[1]}`);
    const card = (await findTargetCard(page))!;
    expect(card.name).toMatch(/^PlanLens target: /u);
    // The sentence around the quantity, from the indicator on.
    expect(card.text).toContain(`${down.cells[0]}`);
    // The 2026 plan has no achieved figures: the 2023 work report reviews the year before.
    const [report, reportPanel] = [pages[1]!, panels[1]!];
    const achieved = reportPanel
      .locator('[data-testid="targets-table"] tbody tr')
      .filter({ hasText: 'achieved' });
    await achieved.first().click();
    await expect
      .poll(async () => (await findTargetCard(report))?.name ?? '')
      .toMatch(/^PlanLens achieved figure: /u);
  });

  it('filters by kind and text (简/繁 alike), then exports exactly the shown rows as CSV with a BOM', async () => {
    const [page, panel] = [pages[1]!, panels[1]!]; // the traditional-script report
    const achieved = (await readHighlight(page, 'planlens-achieved')).length;
    await panel.getByTestId('targets-filter-kind').selectOption('achieved');
    await expect.poll(() => readRows(panel).then((r) => r.length)).toBe(achieved);
    // A simplified query finds the traditional page's 生產總值 rows.
    await panel.getByTestId('targets-filter-text').fill('生产总值');
    const shown = await readRows(panel);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(achieved);
    const [download] = await Promise.all([
      panel.waitForEvent('download'),
      panel.getByTestId('targets-export-csv').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/u);
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...records] = parseCsv(bytes.toString('utf8').slice(1));
    expect(records).toHaveLength(shown.length);
    const col = (name: string) => records.map((r) => r[header!.indexOf(name)]);
    expect(new Set(col('kind'))).toEqual(new Set(['achieved']));
    expect(col('quantity')).toEqual(shown.map((r) => r.split(' ')[1]));
    expect(col('indicator').every((s) => /[\u4e00-\u9fff]/u.test(s!))).toBe(true);
    expect(new Set(col('url'))).toEqual(new Set([page.url()]));
  });

  it('follows the page as it changes: the reader tells the open panel (nothing polls)', async () => {
    const [page, panel] = [pages[0]!, panels[0]!]; // the gov portal, table unfiltered
    const before = (await readAllHighlights(page)).length;
    await expect.poll(() => readRows(panel).then((r) => r.length)).toBe(before);
    // A paragraph with two more targets, added after the article's first highlighted one.
    await page.evaluate(() => {
      const first = [...(CSS.highlights.get('planlens-target') ?? [])][0] as StaticRange;
      const block = first.startContainer.parentElement!.closest('p, div, td')!;
      const added = document.createElement('p');
      added.id = 'planlens-test-added';
      added.textContent = '2027年主要预期目标：城镇新增就业30万人以上，粮食产量稳定在800亿斤以上。';
      block.after(added);
    });
    await expect
      .poll(() => readAllHighlights(page).then((h) => h.length), { timeout: 10_000 })
      .toBe(before + 2);
    await expect.poll(() => readRows(panel).then((r) => r.length), { timeout: 10_000 }).toBe(before + 2);
    // Other figures, the same counts: the toolbar's counts (the tab's stored state) do not change,
    // so only the reader's announcement can bring them to the panel.
    await page.evaluate(() => {
      document.getElementById('planlens-test-added')!.textContent =
        '2027年主要预期目标：城镇新增就业35.5万人以上，粮食产量稳定在1000亿斤以上。';
    });
    await expect
      .poll(() => readRows(panel).then((rows) => rows.some((row) => row.includes('35.5万人'))), {
        timeout: 10_000,
      })
      .toBe(true);
    expect((await readRows(panel)).some((row) => row.includes('30万人'))).toBe(false);
    await page.evaluate(() => document.getElementById('planlens-test-added')!.remove());
    await expect.poll(() => readRows(panel).then((r) => r.length), { timeout: 10_000 }).toBe(before);
  });
});
