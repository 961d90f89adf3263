import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, ROOT, startFixtureServer, type FixtureServer, type TestBrowser } from './harness';
import { waitForHighlights } from './highlight-helpers';
import { counterPlanPage } from './hostile-pages';

/** Real plan text (seed 002, 内蒙古 reports, ≈27,000 characters), twice over: ≈55,000 characters. */
const SEED = readFileSync(path.join(ROOT, 'tests/fixtures/seeds/002_2e0490dc36b0060a.txt'), 'utf8');
/** A plan page whose article carries a view counter the test updates, as news sites do every second. */
const COUNTER_PAGE = counterPlanPage(SEED);

/** How many re-highlights the page goes through. */
const PASSES = 200;
/** Allowed growth of the renderer's JS heap over all passes (one leaked pass kept ≈0.25 MB here). */
const MAX_GROWTH_BYTES = 8 * 1024 * 1024;

describe('memory across page changes', () => {
  let browser: TestBrowser;
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer(undefined, { '/counter.html': COUNTER_PAGE });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it(`keeps the JS heap bounded across ${PASSES} re-highlights of a page with a counter`, async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('counter.html'));
    await waitForHighlights(page);
    const cdp = await browser.context.newCDPSession(page);
    const passes = () => page.evaluate(() => performance.getEntriesByName('planlens:highlight').length);
    await expect.poll(passes, { timeout: 20_000 }).toBeGreaterThan(0);
    /** Ticks the counter and waits for the reader's pass over the changed article. */
    const tick = async (n: number) => {
      const before = await passes();
      await page.evaluate((value) => {
        document.getElementById('views')!.textContent = String(value);
      }, n);
      await page.waitForFunction(
        (seen) => performance.getEntriesByName('planlens:highlight').length > seen,
        before,
        {
          timeout: 15_000,
        },
      );
    };
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    // A few passes first, so lazily built caches (fold tables, the card's strings) count as baseline.
    for (let n = 2; n < 7; n++) await tick(n);
    const start = await heap();
    for (let n = 7; n < 7 + PASSES; n++) await tick(n);
    const growth = (await heap()) - start;
    console.log(`JS heap growth over ${PASSES} passes: ${(growth / 1024 / 1024).toFixed(1)} MB`);
    expect(growth).toBeLessThan(MAX_GROWTH_BYTES);
  }, 300_000);
});
