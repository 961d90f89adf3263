import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type TestBrowser } from './harness';

/** Jurisdictions × years × metrics of the seeded library: 600 cells, past the 400 drawn in full. */
const JURISDICTIONS = [
  '北京市',
  '天津市',
  '河北省',
  '山西省',
  '内蒙古自治区',
  '辽宁省',
  '吉林省',
  '黑龙江省',
];
const YEARS = [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030];
const METRICS = ['gdp_growth', 'urban_new_jobs', 'urban_unemployment', 'cpi', 'grain_output'];
const CELLS = JURISDICTIONS.length * YEARS.length * METRICS.length;

/** Writes one work report per jurisdiction and year, with a target per metric, straight into IndexedDB. */
async function seedLibrary(panel: Page): Promise<void> {
  const docs: object[] = [];
  const figures: object[] = [];
  for (const jurisdiction of JURISDICTIONS) {
    for (const year of YEARS) {
      const title = `${year}年${jurisdiction}政府工作报告`;
      const key = `title:${title}|${jurisdiction}|${year}`;
      const url = `https://www.example.gov.cn/${year}/${encodeURIComponent(jurisdiction)}.html`;
      docs.push({
        key,
        fingerprint: { title, docNumber: '', date: `${year}-01-15`, key: `title:${title}` },
        fields: { jurisdiction, level: 'province', year, type: 'work-report', title, docNumber: null },
        jurisdiction,
        year,
        urls: [url],
        searchText: `${title}\n${jurisdiction}\n${url}`,
        figureCount: METRICS.length,
        firstSeen: `${year}-02-01T00:00:00.000Z`,
        lastSeen: `${year}-02-01T00:00:00.000Z`,
      });
      METRICS.forEach((metric, k) =>
        figures.push({
          docKey: key,
          jurisdiction,
          metric,
          quote: '5%',
          text: '5%左右',
          value: 5,
          valueMax: null,
          unit: '%',
          qualifier: '左右',
          indicator: '地区生产总值',
          kind: 'target',
          section: '二、主要预期目标',
          start: k * 100,
          year: null,
          direction: 'up',
          firmness: 'soft',
          headline: true,
          average: false,
        }),
      );
    }
  }
  await panel.evaluate(
    async ({ docs, figures }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('planlens');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const tx = db.transaction(['libraryDocs', 'libraryFigures'], 'readwrite');
      for (const doc of docs) tx.objectStore('libraryDocs').put(doc);
      for (const figure of figures) tx.objectStore('libraryFigures').add(figure);
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { docs, figures },
  );
}

/** The drawn rows' places in the whole table (aria-rowindex), and the table's row count. */
function readDrawn(panel: Page): Promise<{ indexes: number[]; rowCount: string | null }> {
  return panel.evaluate(() => ({
    indexes: [...document.querySelectorAll('[data-testid="ledger-row"]')].map((tr) =>
      Number(tr.getAttribute('aria-rowindex')),
    ),
    rowCount: document.querySelector('[data-testid="ledger-table"]')!.getAttribute('aria-rowcount'),
  }));
}

describe('a long ledger', () => {
  let browser: TestBrowser;
  let panel: Page;

  beforeAll(async () => {
    browser = await launchBrowser({ locale: 'en-US' });
    panel = await browser.context.newPage();
    await panel.setViewportSize({ width: 400, height: 800 });
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tab=ledger`);
    await panel.waitForSelector('[data-testid="ledger-empty"]');
    await seedLibrary(panel);
    await panel.reload();
    await panel.waitForSelector('[data-testid="ledger-row"]');
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('draws only the rows near the view, and says how many there are', async () => {
    expect(await panel.textContent('[data-testid="ledger-shown"]')).toBe(`${CELLS} of ${CELLS} rows`);
    const { indexes, rowCount } = await readDrawn(panel);
    expect(rowCount).toBe(String(CELLS + 1));
    expect(indexes[0]).toBe(2);
    expect(indexes.length).toBeGreaterThan(20);
    expect(indexes.length).toBeLessThan(120);
  });

  it('draws the last rows when the panel is scrolled to the end, and the first again at the top', async () => {
    await panel.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(() => readDrawn(panel).then((d) => d.indexes.at(-1))).toBe(CELLS + 1);
    const { indexes } = await readDrawn(panel);
    expect(indexes[0]).toBeGreaterThan(2);
    expect(indexes.length).toBeLessThan(120);
    // The last row is on screen, not under a spacer: the spacers stand for the undrawn rows' height.
    const lastVisible = await panel.evaluate(() => {
      const rows = document.querySelectorAll('[data-testid="ledger-row"]');
      const box = rows[rows.length - 1]!.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight + 1;
    });
    expect(lastVisible).toBe(true);
    await panel.evaluate(() => window.scrollTo(0, 0));
    await expect.poll(() => readDrawn(panel).then((d) => d.indexes[0])).toBe(2);
  });

  it('draws a filtered table in full when it is short', async () => {
    await panel.selectOption('[data-testid="ledger-filter-jurisdiction"]', '山西省');
    const rows = YEARS.length * METRICS.length;
    await expect.poll(() => readDrawn(panel).then((d) => d.indexes.length)).toBe(rows);
    expect(await panel.locator('[data-testid="ledger-spacer"]').count()).toBe(0);
    expect(await panel.textContent('[data-testid="ledger-shown"]')).toBe(`${rows} of ${CELLS} rows`);
  });
});
