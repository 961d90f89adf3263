/**
 * The built extension on every fixture page of tests/fixtures/pages/manifest.json, served under
 * its realistic host name: the highlight registry against the labelled gold, the achieved/target
 * split, split-element quantities, negative pages untouched, the hover card, the page's own
 * scripts, late content.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, startFixtureServer, type FixtureServer, type TestBrowser } from './harness';
import {
  MANIFEST,
  MIN_KIND_ACCURACY,
  MIN_PRECISION,
  MIN_RECALL,
  NEGATIVE,
  POSITIVE,
  readAllHighlightsInPage,
  readGold,
  scoreAgainstGold,
  squash,
  type Highlighted,
} from './fixture-gold';
import { NAMES, readHighlight, rectOfText, registryNames, waitForHighlights } from './highlight-helpers';
import { findTargetCard } from './notes-helpers';

/** Both registries, merged in document order. */
function readAllHighlights(page: Page): Promise<Highlighted[]> {
  return page.evaluate(readAllHighlightsInPage);
}

describe('highlights on the fixture pages', () => {
  let browser: TestBrowser;
  let server: FixtureServer;
  let page: Page;
  beforeAll(async () => {
    server = await startFixtureServer();
    browser = await launchBrowser({ locale: 'en-US' });
    page = await browser.context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each(POSITIVE.map((e) => [e.file, e] as const))(
    '%s: the registry matches the gold',
    async (_, entry) => {
      await page.goto(server.url(entry.file, entry.host));
      await waitForHighlights(page);
      // The watcher may still settle late layout; wait for two equal reads.
      let got = await readAllHighlights(page);
      await expect
        .poll(async () => {
          const previous = got.length;
          got = await readAllHighlights(page);
          return got.length === previous;
        })
        .toBe(true);
      const { gold, precision, recall, kindAccuracy } = scoreAgainstGold(entry.gold!, got);
      console.log(
        `${entry.file}: ${got.length} highlighted, ${gold} gold, P=${precision.toFixed(3)} R=${recall.toFixed(3)} kind=${kindAccuracy.toFixed(3)}`,
      );
      expect(precision).toBeGreaterThanOrEqual(MIN_PRECISION);
      expect(recall).toBeGreaterThanOrEqual(MIN_RECALL);
      expect(kindAccuracy).toBeGreaterThanOrEqual(MIN_KIND_ACCURACY);
    },
  );

  it('highlights quantities split across elements whole', async () => {
    const entry = MANIFEST.find((e) => e.file === 'split-quantities.html')!;
    await page.goto(server.url(entry.file, entry.host));
    await waitForHighlights(page);
    const got = (await readAllHighlights(page)).map((h) => squash(h.text));
    const missing = readGold(entry.gold!)
      .map((g) => squash(g.quote))
      .filter((q) => !got.some((t) => t.includes(q)));
    expect(missing).toEqual([]);
  });

  it.each(NEGATIVE.map((e) => [e.file, e] as const))('%s: not a plan, left untouched', async (_, entry) => {
    await page.goto(server.url(entry.file, entry.host));
    await page.waitForFunction(() => performance.getEntriesByName('planlens:detect').length > 0);
    await page.waitForTimeout(600);
    expect((await registryNames(page)).filter((n) => (NAMES as readonly string[]).includes(n))).toEqual([]);
    expect(await page.locator('[data-planlens-ui]').count()).toBe(0);
  });

  it('shows the hover card with the indicator, and pins it on click', async () => {
    const entry = MANIFEST.find((e) => e.file === 'dynamic-page.html')!;
    await page.goto(server.url(entry.file, entry.host));
    await waitForHighlights(page);
    const point = await rectOfText(page, '18万人');
    expect(point).not.toBeNull();
    await page.mouse.move(point!.x, point!.y);
    // The card lives in a closed shadow root: read it through CDP (null while it is not shown).
    const cardText = async () => (await findTargetCard(page))?.text ?? '';
    await expect.poll(cardText).toContain('城镇新增就业');
    // The quantity once (its normal form reads the same), then its sentence with the quantity in it.
    expect(await cardText()).toContain('Quantity18万人Qualifier');
    expect(await cardText()).toContain('城镇新增就业18万人以上');
    await page.mouse.click(point!.x, point!.y);
    await page.mouse.move(5, 5);
    await page.waitForTimeout(500);
    expect(await cardText()).not.toBe(''); // pinned: stays (visible) when the pointer leaves
    await page.keyboard.press(']');
    await expect.poll(cardText).toContain('居民消费价格涨幅');
    await page.keyboard.press('Escape');
    await expect.poll(cardText).toBe('');
  });

  it("keeps the page's own scripts working and highlights content they add", async () => {
    const entry = MANIFEST.find((e) => e.file === 'dynamic-page.html')!;
    await page.goto(server.url(entry.file, entry.host));
    await waitForHighlights(page);
    const readState = () =>
      page.evaluate(() => {
        const s = (window as unknown as { __pageState: { ticks: number; nodeCount: number } }).__pageState;
        return {
          ticks: s.ticks,
          nodeCount: s.nodeCount,
          clock: document.getElementById('live-clock')!.textContent,
        };
      });
    // The page's first tick runs before the parser has finished its body: start from the second.
    await page.waitForFunction(
      () => (window as unknown as { __pageState: { ticks: number } }).__pageState.ticks >= 2,
    );
    const before = await readState();
    await page.waitForTimeout(800);
    const after = await readState();
    expect(after.ticks).toBeGreaterThan(before.ticks);
    expect(after.nodeCount).toBe(before.nodeCount);
    expect(after.clock).toBe(`阅读 ${1000 + after.ticks} 次`);
    await page.evaluate(() => (window as unknown as { __addMore(): string }).__addMore());
    await expect
      .poll(
        async () =>
          (await readHighlight(page, 'planlens-target')).filter((t) => /3600个|1万亿元/.test(t)).length,
        {
          timeout: 10_000,
        },
      )
      .toBe(2);
  });
});
