/**
 * Leaving a plan page while PlanLens starts, in Chromium: the reader must never land in the page
 * that follows (a sports page); Back shows the plan page as a fresh load does. (The Firefox twin,
 * with the back/forward cache, is tests/firefox/navigation.test.ts.)
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageStatus } from '../../lib/messaging/protocol-page';
import { openControlPage, sendFromExtension } from './convert-helpers';
import { readAllHighlightsInPage, type Highlighted } from './fixture-gold';
import { launchBrowser, startFixtureServer, type FixtureServer, type TestBrowser } from './harness';
import { tabIdOf, waitForHighlights } from './highlight-helpers';
import { leavingPlanPage, PLAN_HOST, SPORTS_HOST, type LeaveMoment } from './navigation-pages';

/** The race is lost in some runs only (2 in 4 in Chromium by hand): try each moment a few times. */
const ROUNDS = 3;

describe('navigating away while PlanLens starts, in Chromium', () => {
  let browser: TestBrowser;
  let server: FixtureServer;
  let control: Page;
  let fresh: Highlighted[];
  const routes: Record<string, string> = {};

  beforeAll(async () => {
    server = await startFixtureServer(undefined, routes);
    const sports = server.url('sports-scores.html', SPORTS_HOST);
    browser = await launchBrowser({ locale: 'en-US' });
    for (const moment of ['load', 'detect', 'reader'] as const) {
      routes[`/race/leave-at-${moment}.html`] = leavingPlanPage(moment, sports, browser.extensionId);
    }
    control = await openControlPage(browser);
    const page = await browser.context.newPage();
    await page.goto(server.url('gov-portal-plan-2026.html', PLAN_HOST));
    await waitForHighlights(page);
    fresh = await page.evaluate(readAllHighlightsInPage);
    await page.close();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each<LeaveMoment>(['load', 'detect', 'reader'])(
    'leaving at %s: the sports page stays untouched, Back shows the plan as fresh',
    async (moment) => {
      expect(fresh.length).toBeGreaterThan(10);
      for (let round = 0; round < ROUNDS; round++) {
        const page = await browser.context.newPage();
        await page.goto(server.url(`race/leave-at-${moment}.html?round=${round}`, PLAN_HOST));
        await page.waitForURL((url) => url.hostname === SPORTS_HOST);
        await page.waitForFunction(() => performance.getEntriesByName('planlens:detect').length > 0);
        // A round trip through the background, which asks the tab whether a reader answers.
        const tabId = await tabIdOf(browser, page.url());
        const status = await sendFromExtension<PageStatus>(control, 'getPageStatus', { tabId });
        expect(status.injected).toBe(false);
        await page.waitForTimeout(600);
        const traces = await page.evaluate(() => ({
          registry: [...CSS.highlights.keys()].filter((n) => n.startsWith('planlens-')),
          ui: document.querySelectorAll('[data-planlens-ui], planlens-notes, planlens-card').length,
        }));
        expect(traces).toEqual({ registry: [], ui: 0 });

        // Chromium treats a navigation before the load event as a client redirect that replaces
        // the history entry: after leaving at detect there is no plan page to go back to.
        if (moment === 'detect') {
          await page.close();
          continue;
        }
        await page.goBack();
        await waitForHighlights(page);
        await expect.poll(() => page.evaluate(readAllHighlightsInPage), { timeout: 15_000 }).toEqual(fresh);
        await page.close();
      }
    },
  );
});
