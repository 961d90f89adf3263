/**
 * The reader's notes and conversion are files of their own, loaded when the page first needs them
 * (reader.content/core/lazy-features): a plan page without notes that nobody selects text on or
 * converts never loads either, and each comes as soon as it is needed. The reader marks each
 * feature it starts (`planlens:feature:<name>`) in User Timing.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openControlPage, switchScript } from './convert-helpers';
import {
  launchBrowser,
  PAGES_DIR,
  startFixtureServer,
  type FixtureServer,
  type TestBrowser,
} from './harness';
import { selectText, waitForNotesFeature, waitForNotesUi } from './notes-helpers';

const PLAN = readFileSync(path.join(PAGES_DIR, 'gov-portal-plan-2026.html'), 'utf8');

/** The features the reader in `page` has started so far. */
function featuresStarted(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    performance
      .getEntriesByType('mark')
      .map((mark) => mark.name)
      .filter((name) => name.startsWith('planlens:feature:')),
  );
}

describe('reader features loaded on demand', () => {
  let browser: TestBrowser;
  let server: FixtureServer;
  let page: Page;

  beforeAll(async () => {
    server = await startFixtureServer(undefined, { '/lazy/plan.html': PLAN });
    browser = await launchBrowser();
    page = await browser.context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('highlights a plan page without loading notes or conversion, then loads each on first use', async () => {
    await page.goto(server.url('lazy/plan.html', 'www.nmg.gov.cn'));
    await page.waitForFunction(
      () => performance.getEntriesByName('planlens:highlight').length > 0,
      undefined,
      {
        timeout: 30_000,
      },
    );
    // The notes' first pass (no notes here) is done: nothing else would load them unasked.
    await waitForNotesFeature(page);
    expect(await featuresStarted(page)).toEqual([]);

    await selectText(page, '推动盟市零基预算全覆盖');
    await waitForNotesUi(page, { role: 'button', name: 'Add note' });
    expect(await featuresStarted(page)).toEqual(['planlens:feature:notes']);

    const control = await openControlPage(browser);
    await switchScript(browser, control, page, 'tw');
    expect(await page.evaluate(() => document.body.textContent!.includes('推動'))).toBe(true);
    expect(await featuresStarted(page)).toEqual(['planlens:feature:notes', 'planlens:feature:convert']);
    await switchScript(browser, control, page, 'original');
    expect(await page.content()).toContain('推动盟市零基预算全覆盖');
    await control.close();
  });
});
