import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startFixtureServer, type FixtureServer, type TestBrowser } from './harness';

describe('the built extension in Chromium', () => {
  let browser: TestBrowser;
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer(undefined, {
      '/hello.html': '<!doctype html><title>hi</title><p>你好</p>',
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('loads with a background worker and serves its popup', async () => {
    expect(browser.extensionId).toMatch(/^[a-p]{32}$/);
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await expect.poll(() => page.locator('main').textContent()).toContain('PlanLens');
    await page.goto(server.url('hello.html'));
    expect(await page.title()).toBe('hi');
  });
});
