import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../helpers/parse-csv';
import { launchBrowser, startFixtureServer, type FixtureServer, type TestBrowser } from './harness';
import { tabIdOf, waitForHighlights } from './highlight-helpers';
import { EXPECTED_LEDGER_ROWS, readLedgerRowsInPage } from './ledger-helpers';
import { BULLETIN_2026 } from './ledger-pages';
import { findTargetCard } from './notes-helpers';

/** The Ledger tab's rows as `year metric target | achieved | met`. */
function readLedgerRows(panel: Page): Promise<string[]> {
  return panel.evaluate(readLedgerRowsInPage);
}

describe('the Ledger tab across three documents', () => {
  let browser: TestBrowser;
  let server: FixtureServer;
  let panel: Page;
  const pages = new Map<string, Page>();

  beforeAll(async () => {
    server = await startFixtureServer(undefined, { '/bulletin-2026.html': BULLETIN_2026 });
    browser = await launchBrowser({ locale: 'en-US' });
    for (const [file, host] of [
      ['gov-portal-plan-2026.html', 'www.nmg.gov.cn'],
      ['reprint-traditional-report.html', 'www.chinapower.com.cn'],
    ] as const) {
      const page = await browser.context.newPage();
      await page.goto(server.url(file, host));
      await waitForHighlights(page);
      pages.set(file, page);
    }
    // A statistics bulletin is not a plan page: the reader turns PlanLens on for it.
    const bulletin = await browser.context.newPage();
    const bulletinUrl = server.url('bulletin-2026.html', 'tj.nmg.gov.cn');
    await bulletin.goto(bulletinUrl);
    await bulletin.waitForFunction(() => performance.getEntriesByName('planlens:detect').length > 0);
    panel = await browser.context.newPage();
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tab=ledger`);
    const tabId = await tabIdOf(browser, bulletinUrl);
    await panel.evaluate(async (id) => {
      const api = (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }
      ).chrome;
      await api.runtime.sendMessage({ planlens: 'setPageEnabled', data: { tabId: id, enabled: true } });
    }, tabId);
    await waitForHighlights(bulletin);
    pages.set('bulletin', bulletin);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('puts each target beside its outcome and says whether it was met', async () => {
    await expect
      .poll(
        async () => {
          const rows = await readLedgerRows(panel);
          return EXPECTED_LEDGER_ROWS.filter((row) => !rows.includes(row));
        },
        { timeout: 30_000 },
      )
      .toEqual([]);
    const rows = await readLedgerRows(panel);
    // One row per (jurisdiction, year, metric): three documents read, no duplicates.
    const keys = rows.map((r) => r.split(' ').slice(0, 2).join(' '));
    expect(new Set(keys).size).toBe(keys.length);
    expect(rows.filter((r) => r.startsWith('2026 ')).length).toBeGreaterThanOrEqual(5);
  });

  it('filters by year and metric and charts the metric over the years', async () => {
    await panel.selectOption('[data-testid="ledger-filter-metric"]', 'gdp_growth');
    await expect
      .poll(() => readLedgerRows(panel).then((r) => r.map((x) => x.split(' ')[0])))
      .toEqual(['2022', '2023', '2026']);
    const chart = await panel.evaluate(() => {
      const svg = document.querySelector('[data-testid="ledger-chart"]');
      return { label: svg?.getAttribute('aria-label'), dots: svg?.querySelectorAll('circle').length };
    });
    expect(chart.label).toBe('GDP growth, 内蒙古自治区, by year');
    expect(chart.dots).toBe(2); // achieved 2022 and 2026
    await panel.selectOption('[data-testid="ledger-filter-year"]', '2026');
    await expect.poll(() => readLedgerRows(panel)).toEqual(['2026 gdp_growth 5%左右soft | 5.2% | true']);
  });

  it('exports what is shown as CSV with a BOM and the issue’s columns', async () => {
    const [download] = await Promise.all([
      panel.waitForEvent('download'),
      panel.click('[data-testid="ledger-export-csv"]'),
    ]);
    const text = await readFile((await download.path())!, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header).toEqual([
      'jurisdiction',
      'level',
      'year',
      'metric',
      'kind',
      'value',
      'valueMax',
      'unit',
      'qualifier',
      'direction',
      'firmness',
      'quote',
      'title',
      'source',
    ]);
    const brief = rows.map((r) => r.slice(0, 12).join(','));
    expect(brief).toEqual([
      '内蒙古自治区,province,2026,gdp_growth,target,5,,%,左右,up,soft,5%',
      '内蒙古自治区,province,2026,gdp_growth,achieved,5.2,,%,,up,,5.2%',
    ]);
    expect(rows[1]![12]).toBe('内蒙古自治区2026年国民经济和社会发展统计公报');
    expect(rows[1]![13]).toBe(server.url('bulletin-2026.html', 'tj.nmg.gov.cn'));
  });

  it('opens a figure’s page with its sentence focused when its cell is clicked', async () => {
    const plan = pages.get('gov-portal-plan-2026.html')!;
    await plan.evaluate(() => CSS.highlights.get('planlens-focus')?.clear());
    await panel.click('[data-testid="ledger-row"] td:nth-child(4) [data-testid="ledger-figure"]');
    await plan.waitForFunction(() => (CSS.highlights.get('planlens-focus')?.size ?? 0) > 0, undefined, {
      timeout: 20_000,
    });
    const focused = await plan.evaluate(() => {
      const r = [...CSS.highlights.get('planlens-focus')!][0]!;
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      return live.toString();
    });
    expect(focused).toBe('5%左右');
  });

  it('shows the metric’s history from the library in the card on a plan page', async () => {
    const plan = pages.get('gov-portal-plan-2026.html')!;
    await expect
      .poll(async () => (await findTargetCard(plan))?.text ?? '', { timeout: 15_000 })
      .toContain('2026 target 5%左右 → actual 5.2% ✓ met');
    expect((await findTargetCard(plan))?.text).toContain('2022 actual 4%以上');
  });

  it('lists the documents on the options page, searches them 简/繁-blind and deletes one with its figures', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const titles = () =>
      options.evaluate(() =>
        [...document.querySelectorAll('[data-testid="library-doc"] p.font-medium')].map((p) => p.textContent),
      );
    await expect.poll(() => titles().then((t) => t.length)).toBe(3);
    await options.fill('[data-testid="library-search"]', '統計公報');
    await expect.poll(titles).toEqual(['内蒙古自治区2026年国民经济和社会发展统计公报']);
    await options.click('[data-testid="library-doc"] button');
    await expect.poll(titles).toEqual([]);
    await expect
      .poll(() => options.textContent('[data-testid="library-usage"]'))
      .toMatch(/^2 documents, \d+ figures · Storage used by PlanLens: /);
    // The ledger follows: the bulletin's outcomes are gone.
    await panel.selectOption('[data-testid="ledger-filter-year"]', '0');
    await expect
      .poll(() => readLedgerRows(panel))
      .toEqual([
        '2022 gdp_growth — | 4%以上 | ',
        '2023 gdp_growth 6%左右soft | — | ',
        '2026 gdp_growth 5%左右soft | — | ',
      ]);
    await options.close();
  });
});
