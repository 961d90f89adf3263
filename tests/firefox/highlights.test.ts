/**
 * The built add-on in Firefox on the fixture pages, served under their realistic host names: the
 * same gold, thresholds and untouched negative pages as the Chromium tests (tests/browser/
 * fixture-gold.ts), the hover card, late content, and no errors from the extension.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../browser/harness';
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
} from '../browser/fixture-gold';
import { launchFirefox, type FirefoxBrowser } from './firefox-harness';
import {
  extensionErrors,
  gateRanInPage,
  highlightsShownInPage,
  KEYS,
  planLensTracesInPage,
  pointerTo,
  pointOfTextInPage,
  pressKeys,
  readHighlightInPage,
  waitInPage,
} from './firefox-helpers';

/**
 * In the page, with the system principal: the text of the target card (in a closed shadow root,
 * reached through `openOrClosedShadowRoot`), or '' while there is none.
 */
function cardTextInPage(): string {
  const host = document.querySelector('[data-planlens-ui="card"]');
  const root =
    host?.shadowRoot ?? (host as unknown as { openOrClosedShadowRoot?: ShadowRoot })?.openOrClosedShadowRoot;
  return root?.querySelector('[role="dialog"]')?.textContent ?? '';
}

describe('highlights in Firefox', () => {
  let ff: FirefoxBrowser;
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
    ff = await launchFirefox();
  });
  afterAll(async () => {
    await ff?.close();
    await server?.close();
  });

  async function openFixture(file: string): Promise<void> {
    const entry = MANIFEST.find((e) => e.file === file)!;
    await ff.navigate(server.url(entry.file, entry.host));
  }

  it.each(POSITIVE.map((e) => [e.file, e] as const))(
    '%s: the registry matches the gold',
    async (file, entry) => {
      await openFixture(file);
      await waitInPage(ff, highlightsShownInPage, [], 'highlights');
      // The watcher may still settle late layout; wait for two equal reads.
      let got = await ff.evaluate(readAllHighlightsInPage);
      await expect
        .poll(async () => {
          const previous = got.length;
          got = await ff.evaluate(readAllHighlightsInPage);
          return got.length === previous;
        })
        .toBe(true);
      const { gold, precision, recall, kindAccuracy } = scoreAgainstGold(entry.gold!, got);
      console.log(
        `firefox ${file}: ${got.length} highlighted, ${gold} gold, P=${precision.toFixed(3)} R=${recall.toFixed(3)} kind=${kindAccuracy.toFixed(3)}`,
      );
      expect(precision).toBeGreaterThanOrEqual(MIN_PRECISION);
      expect(recall).toBeGreaterThanOrEqual(MIN_RECALL);
      expect(kindAccuracy).toBeGreaterThanOrEqual(MIN_KIND_ACCURACY);
    },
  );

  it('highlights quantities split across elements whole', async () => {
    await openFixture('split-quantities.html');
    await waitInPage(ff, highlightsShownInPage, [], 'highlights');
    const got = (await ff.evaluate(readAllHighlightsInPage)).map((h) => squash(h.text));
    const entry = MANIFEST.find((e) => e.file === 'split-quantities.html')!;
    const missing = readGold(entry.gold!)
      .map((g) => squash(g.quote))
      .filter((q) => !got.some((t) => t.includes(q)));
    expect(missing).toEqual([]);
  });

  it.each(NEGATIVE.map((e) => [e.file] as const))('%s: not a plan, left untouched', async (file) => {
    await openFixture(file);
    await waitInPage(ff, gateRanInPage, [], 'the gate');
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await ff.evaluate(planLensTracesInPage)).toEqual({ registry: [], ui: 0 });
  });

  it('shows the hover card with the indicator, pins it, and moves with ] and Esc', async () => {
    await openFixture('dynamic-page.html');
    await waitInPage(ff, highlightsShownInPage, [], 'highlights');
    const point = await ff.evaluate(pointOfTextInPage, '18万人', 0);
    expect(point).not.toBeNull();
    await pointerTo(ff, point!.x, point!.y);
    await expect.poll(() => ff.evaluatePrivileged(cardTextInPage), { timeout: 20_000 }).not.toBe('');
    const card = await ff.evaluatePrivileged(cardTextInPage);
    expect(card).toContain('城镇新增就业');
    // The quantity as Chinese writes it, never as base units (issue #11: not `180000 人`).
    expect(card).toContain('18万人');
    expect(card).not.toContain('180000');
    await pointerTo(ff, point!.x, point!.y, true);
    await pointerTo(ff, 5, 5);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await ff.evaluatePrivileged(cardTextInPage)).toContain('城镇新增就业'); // pinned
    await pressKeys(ff, ']');
    await expect.poll(() => ff.evaluatePrivileged(cardTextInPage)).toContain('居民消费价格涨幅');
    await pressKeys(ff, KEYS.Escape);
    await expect.poll(() => ff.evaluatePrivileged(cardTextInPage)).toBe('');
  });

  it('highlights content the page adds later', async () => {
    await openFixture('dynamic-page.html');
    await waitInPage(ff, highlightsShownInPage, [], 'highlights');
    await ff.evaluate(() => {
      // Marionette's default scripts run in the page's own scope, next to its globals.
      (window as unknown as { __addMore(): string }).__addMore();
    });
    await expect
      .poll(
        async () =>
          (await ff.evaluate(readHighlightInPage, 'planlens-target')).filter((t) => /3600个|1万亿元/.test(t))
            .length,
        {
          timeout: 10_000,
        },
      )
      .toBe(2);
  });

  it('left no errors in the background page, extension pages or page consoles', async () => {
    expect(await extensionErrors(ff)).toEqual([]);
  });
});
