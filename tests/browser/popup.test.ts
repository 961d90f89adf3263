import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, startFixtureServer, type FixtureServer, type TestBrowser } from './harness';
import { NAMES, readHighlight, registryNames, tabIdOf, waitForHighlights } from './highlight-helpers';

const PLAN_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<title>2026年政府工作报告</title></head>
<body><h1>政府工作报告</h1><h2>二、2026年主要预期目标</h2>
<p>地区生产总值增长6%左右，城镇调查失业率5.5%左右，居民消费价格涨幅3.5%左右。</p></body></html>`;

const NEWS_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>本地新闻</title></head>
<body><h1>周末天气</h1><p>明天降水概率60%，气温回升。</p></body></html>`;

/** PlanLens's registry entries on a page. */
async function planLensEntries(page: Page): Promise<string[]> {
  return (await registryNames(page)).filter((n) => (NAMES as readonly string[]).includes(n));
}

describe('the popup', () => {
  let browser: TestBrowser;
  let server: FixtureServer;
  let plan: Page;
  let popup: Page;
  beforeAll(async () => {
    server = await startFixtureServer(undefined, { '/plan.html': PLAN_PAGE, '/news.html': NEWS_PAGE });
    browser = await launchBrowser({ locale: 'en-US' });
    plan = await browser.context.newPage();
    await plan.goto(server.url('plan.html'));
    await waitForHighlights(plan);
    popup = await browser.context.newPage();
    await popup.goto(
      `chrome-extension://${browser.extensionId}/popup.html?tabId=${await tabIdOf(browser, server.url('plan.html'))}`,
    );
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the detection and the counts of the page', async () => {
    await expect.poll(() => popup.getByTestId('detection').textContent()).toContain('Plan page detected');
    await expect.poll(() => popup.getByTestId('count-target').textContent()).toBe('3');
    expect(await popup.getByTestId('count-achieved').textContent()).toBe('0');
    await popup.getByText('Detection signals').click();
    expect(await popup.locator('details').getAttribute('open')).not.toBeNull();
    // The reasons in plain words, not the detector's ids.
    const reasons = await popup.getByTestId('signals').textContent();
    expect(reasons).toContain('The page names itself a plan and states figures as targets');
    expect(reasons).not.toContain('named-with-targets');
  });

  it('turns highlights off and on with an accessible switch', async () => {
    const toggle = popup.getByRole('switch', { name: 'Highlight targets on this page' });
    expect(await toggle.getAttribute('aria-checked')).toBe('true');
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('false');
    await expect.poll(() => planLensEntries(plan)).toEqual([]);
    expect(await plan.locator('[data-planlens-ui=card]').count()).toBe(0);
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('true');
    await expect.poll(async () => (await readHighlight(plan, 'planlens-target')).length).toBe(3);
  });

  it('remembers "never" for the site: a reload stays untouched', async () => {
    await popup.getByRole('radio', { name: 'Never' }).check();
    await expect.poll(() => planLensEntries(plan)).toEqual([]);
    // WXT dispatches a start event on the document for each content-script start (named with our
    // id): count the reader's on the reloaded page.
    await plan.addInitScript((id) => {
      const w = window as unknown as { __readerStarts: number };
      w.__readerStarts = 0;
      document.addEventListener(`${id}:reader:wxt:content-script-started`, () => w.__readerStarts++);
    }, browser.extensionId);
    await plan.reload();
    // The gate reports the plan page and marks itself settled once the background has answered,
    // which it does after injecting a reader or deciding not to.
    await plan.waitForFunction(() => performance.getEntriesByName('planlens:gate-settled').length > 0);
    expect(
      await plan.evaluate(
        () => (performance.getEntriesByName('planlens:gate-settled')[0] as PerformanceMark).detail,
      ),
    ).toEqual({ reported: true });
    expect(await plan.evaluate(() => (window as unknown as { __readerStarts: number }).__readerStarts)).toBe(
      0,
    );
    expect(await planLensEntries(plan)).toEqual([]);
    await popup.reload();
    expect(await popup.getByRole('radio', { name: 'Never' }).isChecked()).toBe(true);
  });

  it('"always on" reads pages that are not detected as plans', async () => {
    const news = await browser.context.newPage();
    await news.goto(server.url('news.html'));
    const tabId = await tabIdOf(browser, server.url('news.html'));
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
    await expect.poll(() => popup.getByTestId('detection').textContent()).toContain('Not detected');
    // 127.0.0.1 is one site: it was set to never above; always overrides.
    await popup.getByRole('radio', { name: 'Always on' }).check();
    await waitForHighlights(news);
    await expect.poll(() => readHighlight(news, 'planlens-target')).toEqual(['60%']);
    // The gate reads the choice itself: after a reload the page is read again without the popup.
    await news.reload();
    await waitForHighlights(news);
    expect(await readHighlight(news, 'planlens-target')).toEqual(['60%']);
  });
});

describe('the popup follows the page while it is open (no polling)', () => {
  it('shows a new page of its tab, and a switch flipped in another popup', async () => {
    const server = await startFixtureServer(undefined, { '/plan.html': PLAN_PAGE, '/news.html': NEWS_PAGE });
    const browser = await launchBrowser({ locale: 'en-US' });
    try {
      const tab = await browser.context.newPage();
      await tab.goto(server.url('news.html'));
      const tabId = await tabIdOf(browser, server.url('news.html'));
      const popupUrl = `chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`;
      const popup = await browser.context.newPage();
      await popup.goto(popupUrl);
      await expect.poll(() => popup.getByTestId('detection').textContent()).toContain('Not detected');
      // The tab moves on to a plan page: the gate's verdict and then the reader's counts arrive.
      await tab.goto(server.url('plan.html'));
      await expect.poll(() => popup.getByTestId('detection').textContent()).toContain('Plan page detected');
      await expect.poll(() => popup.getByTestId('count-target').textContent()).toBe('3');
      // Highlights switched off from a second popup on the same tab show in the first one.
      const other = await browser.context.newPage();
      await other.goto(popupUrl);
      await other.getByRole('switch', { name: 'Highlight targets on this page' }).click();
      const toggle = popup.getByRole('switch', { name: 'Highlight targets on this page' });
      await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('false');
      expect(await popup.getByTestId('count-target').textContent()).toBe('—');
    } finally {
      await browser.close();
      await server.close();
    }
  });
});

describe('the popup follows the browser language', () => {
  it.each([
    ['zh-CN', '在此页面高亮目标', '从不', '页面自称规划类文件并给出数字目标'],
    ['zh-TW', '在此頁面標示目標', '永不', '頁面自稱規劃類文件並給出數字目標'],
  ])('%s', async (locale, switchName, never, reason) => {
    const server = await startFixtureServer(undefined, { '/plan.html': PLAN_PAGE });
    const browser = await launchBrowser({ locale });
    try {
      const plan = await browser.context.newPage();
      await plan.goto(server.url('plan.html'));
      await waitForHighlights(plan);
      const popup = await browser.context.newPage();
      await popup.goto(
        `chrome-extension://${browser.extensionId}/popup.html?tabId=${await tabIdOf(browser, server.url('plan.html'))}`,
      );
      await expect.poll(() => popup.getByRole('switch', { name: switchName }).count()).toBe(1);
      expect(await popup.getByRole('radio', { name: never }).count()).toBe(1);
      expect(await popup.getByTestId('signals').textContent()).toContain(reason);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
