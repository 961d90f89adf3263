import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, startFixtureServer, type FixtureServer, type TestBrowser } from './harness';
import { NAMES, readHighlight, registryNames, waitForHighlights } from './highlight-helpers';

// Sentences from seed 000 (内蒙古 2026 plan): targets with percentages, which every engine version extracts.
const PLAN_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<title>关于内蒙古自治区2025年国民经济和社会发展计划执行情况与2026年计划草案的报告</title></head>
<body><h1>关于2025年国民经济和社会发展计划执行情况与2026年计划草案的报告</h1>
<h2>二、2026年经济社会发展的主要目标</h2>
<p id="p1">地区生产总值增长<span>6</span>%左右，城镇新增就业22万人以上，城镇调查失业率5.5%左右。</p>
<p id="p2">居民消费价格涨幅3.5%左右。</p>
<div id="late"></div>
</body></html>`;

const NEWS_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>本地新闻</title></head>
<body><h1>周末天气</h1><p>明天降水概率60%，气温回升。</p></body></html>`;

/** The prefixes that some highlighted text starts with. */
function startsOf(highlighted: string[], prefixes: string[]): string[] {
  return prefixes.filter((p) => highlighted.some((t) => t.startsWith(p)));
}

describe('highlights in a real browser', () => {
  let browser: TestBrowser;
  let server: FixtureServer;
  let page: Page;
  beforeAll(async () => {
    server = await startFixtureServer(undefined, { '/plan.html': PLAN_PAGE, '/news.html': NEWS_PAGE });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('highlights the targets of a plan page with the Highlight API and no new elements', async () => {
    page = await browser.context.newPage();
    await page.goto(server.url('plan.html'));
    const elementsBefore = await page.evaluate(() => document.body.getElementsByTagName('*').length);
    await waitForHighlights(page);
    const targets = await readHighlight(page, 'planlens-target');
    // Highlighted text is the quantity plus any attached qualifier (5.5%左右), so match the start.
    expect(startsOf(targets, ['5.5%', '3.5%'])).toEqual(['5.5%', '3.5%']);
    // 6 and % sit in different elements: one range covers the whole quantity.
    expect(startsOf(targets, ['6%'])).toEqual(['6%']);
    expect(await page.evaluate(() => document.body.getElementsByTagName('*').length)).toBe(elementsBefore);
  });

  it('emits the User Timing measures', async () => {
    const names = await page.evaluate(() => performance.getEntriesByType('measure').map((m) => m.name));
    expect(names).toEqual(
      expect.arrayContaining(['planlens:detect', 'planlens:analyze', 'planlens:highlight']),
    );
  });

  it('highlights content added later', async () => {
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = '规模以上工业增加值增长7.5%左右。';
      document.getElementById('late')!.append(p);
    });
    await expect
      .poll(async () => startsOf(await readHighlight(page, 'planlens-target'), ['7.5%']), { timeout: 10_000 })
      .toEqual(['7.5%']);
  });

  it('leaves a page that is not a plan untouched', async () => {
    const news = await browser.context.newPage();
    await news.goto(server.url('news.html'));
    // The gate has run once its measure exists; give the background time to (not) inject.
    await news.waitForFunction(() => performance.getEntriesByName('planlens:detect').length > 0);
    await news.waitForTimeout(1000);
    expect((await registryNames(news)).filter((n) => (NAMES as readonly string[]).includes(n))).toEqual([]);
    expect(await news.locator('[data-planlens-ui]').count()).toBe(0);
    await news.close();
  });
});
