/**
 * Leaving a plan page while PlanLens starts, in Firefox: the reader must never land in the page
 * that follows (a sports page), and Back — which restores the plan page from the back/forward
 * cache — must show it exactly as a fresh load does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../browser/harness';
import { readAllHighlightsInPage, type Highlighted } from '../browser/fixture-gold';
import { leavingPlanPage, PLAN_HOST, SPORTS_HOST, type LeaveMoment } from '../browser/navigation-pages';
import type { PageStatus } from '../../lib/messaging/protocol-page';
import { ADDON_ID, launchFirefox, type FirefoxBrowser } from './firefox-harness';
import {
  ControlWindow,
  extensionErrors,
  gateRanInPage,
  highlightsShownInPage,
  planLensTracesInPage,
  waitInPage,
} from './firefox-helpers';

/** In the page: how often this document came back from the back/forward cache. */
function restoredInPage(): number {
  return (window as unknown as { __restored?: number }).__restored ?? 0;
}

describe('navigating away while PlanLens starts, in Firefox', () => {
  let ff: FirefoxBrowser;
  let server: FixtureServer;
  let control: ControlWindow;
  let fresh: Highlighted[];
  const routes: Record<string, string> = {};

  beforeAll(async () => {
    server = await startFixtureServer(undefined, routes);
    const sports = server.url('sports-scores.html', SPORTS_HOST);
    for (const moment of ['load', 'detect', 'reader'] as const) {
      routes[`/race/leave-at-${moment}.html`] = leavingPlanPage(moment, sports, ADDON_ID);
    }
    ff = await launchFirefox();
    control = await ControlWindow.open(ff);
    // What a fresh load of the same plan page shows.
    await ff.navigate(server.url('gov-portal-plan-2026.html', PLAN_HOST));
    await waitInPage(ff, highlightsShownInPage, [], 'highlights');
    fresh = await ff.evaluate(readAllHighlightsInPage);
  });
  afterAll(async () => {
    await ff?.close();
    await server?.close();
  });

  it.each<LeaveMoment>(['load', 'detect', 'reader'])(
    'leaving at %s: the sports page stays untouched, Back shows the plan as fresh',
    // Whether Back restores from the back/forward cache is Firefox's call: under a loaded CI
    // machine it once reloaded instead, and the reloaded page left again at its load (once in
    // about ten full runs; never alone). A second try asserts the same things.
    { retry: 1 },
    async (moment) => {
      expect(fresh.length).toBeGreaterThan(10);
      await ff.navigate(server.url(`race/leave-at-${moment}.html`, PLAN_HOST));
      await waitInPage(
        ff,
        (host: string) =>
          location.hostname === host && performance.getEntriesByName('planlens:detect').length > 0,
        [SPORTS_HOST],
        'the sports page measured by the gate',
      );
      const sportsUrl = await ff.url();
      // A round trip through the background, which asks the tab whether a reader answers.
      const status = await control.send<PageStatus>('getPageStatus', {
        tabId: await control.tabIdOf(sportsUrl),
      });
      expect(status.url).toBe(sportsUrl);
      expect(status.injected).toBe(false);
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(await ff.evaluate(planLensTracesInPage)).toEqual({ registry: [], ui: 0 });

      await ff.client.send('WebDriver:Back');
      await waitInPage(ff, restoredInPage, [], 'the plan page back from the back/forward cache');
      await waitInPage(ff, highlightsShownInPage, [], 'highlights after Back');
      await expect.poll(() => ff.evaluate(readAllHighlightsInPage), { timeout: 15_000 }).toEqual(fresh);
      // One reader's notes feature, not two: a selection makes exactly one notes UI. The selection
      // is made again on each try, because the notes feature may still be on its first pass (a
      // reader restarted by a reload Back) when the first one is made.
      const notesUis = await waitInPage(
        ff,
        () => {
          const made = document.querySelectorAll('[data-planlens-ui="notes"]').length;
          if (made > 0) return made === 1 ? 'one' : `${made} notes UIs`;
          const p = [...document.querySelectorAll('p')].find((e) => (e.textContent ?? '').trim().length > 4);
          if (!p) return false;
          const range = document.createRange();
          range.selectNodeContents(p);
          document.getSelection()!.removeAllRanges();
          document.getSelection()!.addRange(range);
          return false;
        },
        [],
        'one notes UI',
      );
      expect(notesUis).toBe('one');
    },
  );

  it('a gate still measures every page it reaches', async () => {
    await ff.navigate(server.url('sports-scores.html', SPORTS_HOST));
    await waitInPage(ff, gateRanInPage, [], 'the gate');
  });

  it('left no errors in the background page, extension pages or page consoles', async () => {
    expect(await extensionErrors(ff)).toEqual([]);
  });
});
