import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  PAGES_DIR,
  startFixtureServer,
  type FixtureServer,
  type TestBrowser,
} from './harness';
import { openControlPage, pageMarkup, switchScript, textOf } from './convert-helpers';

const GOV = 'gov-portal-plan-2026.html';
const NEWS = 'news-portal-plan-2020.html';
const REPRINT = 'reprint-traditional-report.html';

describe('simplified ⇄ traditional switching in the built extension', () => {
  let browser: TestBrowser;
  let server: FixtureServer;
  let control: Page;

  beforeAll(async () => {
    server = await startFixtureServer(undefined, {});
    browser = await launchBrowser();
    control = await openControlPage(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(file: string, host = '127.0.0.1'): Promise<Page> {
    const page = await browser.context.newPage();
    await page.goto(server.url(file, host));
    return page;
  }

  it.each([
    [GOV, 'tw', '國民經濟和社會發展計劃', 'zh-Hant-TW'],
    [GOV, 'hk', '國民經濟和社會發展計劃', 'zh-Hant-HK'],
    [NEWS, 'tw', '國民經濟', 'zh-Hant-TW'],
  ] as const)('converts %s to %s and restores it byte for byte', async (file, target, expected, lang) => {
    const page = await open(file);
    const before = await pageMarkup(page);
    const status = await switchScript(browser, control, page, target);
    expect(status.detected).toBe('simplified');
    expect(await textOf(page, 'body')).toContain(expected);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
    await switchScript(browser, control, page, 'original');
    expect(await pageMarkup(page)).toBe(before);
    await page.close();
  });

  it('converts the traditional reprint to simplified, hides pinyin on request, and restores exactly', async () => {
    const page = await open(REPRINT);
    const before = await pageMarkup(page);
    const status = await switchScript(browser, control, page, 'cn');
    expect(status.detected).toBe('traditional');
    expect(status.hasPinyin).toBe(true);
    const body = await textOf(page, 'body');
    expect(body).toContain('内(nèi)蒙古');
    expect(body).toContain('当(dāng)前');
    await switchScript(browser, control, page, 'cn', { hidePinyin: true });
    expect(await textOf(page, 'body')).toContain('当前位置');
    await switchScript(browser, control, page, 'tw', { hidePinyin: true });
    expect(await textOf(page, 'body')).toContain('當前位置');
    await switchScript(browser, control, page, 'original', { hidePinyin: false });
    expect(await pageMarkup(page)).toBe(before);
    await page.close();
  });
});

void readFileSync;
void path;
void PAGES_DIR;
