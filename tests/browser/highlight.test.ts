import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, startFixtureServer, type FixtureServer, type TestBrowser } from './harness';
import { findTargetCard, notesShadowRootType } from './notes-helpers';
import {
  NAMES,
  readHighlight,
  rectOfText,
  registryNames,
  tabIdOf,
  waitForHighlights,
} from './highlight-helpers';

// Sentences from seed 000 (内蒙古 2026 plan): targets with percentages, which every engine version extracts.
const PLAN_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<title>关于内蒙古自治区2025年国民经济和社会发展计划执行情况与2026年计划草案的报告</title></head>
<body><h1>关于2025年国民经济和社会发展计划执行情况与2026年计划草案的报告</h1>
<h2>二、2026年经济社会发展的主要目标</h2>
<p id="p1">地区生产总值增长<span>6</span>%左右，城镇新增就业22万人以上，城镇调查失业率5.5%左右。</p>
<p id="p2">居民消费价格涨幅3.5%左右。</p>
<div id="late"></div>
</body></html>`;

const ENGLISH_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Weather</title></head>
<body><h1>Weekend weather</h1><p>Rain is likely on Saturday, with highs of 12 degrees.</p></body></html>`;
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
    server = await startFixtureServer(undefined, {
      '/plan.html': PLAN_PAGE,
      '/news.html': NEWS_PAGE,
      '/weather.html': ENGLISH_PAGE,
    });
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

  it('extracts in the background, off the page thread', async () => {
    const detail = await page.evaluate(
      () => (performance.getEntriesByName('planlens:analyze')[0] as PerformanceMeasure).detail as unknown,
    );
    expect(detail).toMatchObject({ extractedIn: 'background', targets: 4 });
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

  it('re-derives ranges when the page rewrites text under them', async () => {
    // Same length, new figure: a StaticRange would now cover the wrong number.
    await page.evaluate(() => {
      const p = document.getElementById('p2')!;
      p.firstChild!.textContent = '居民消费价格涨幅2.5%左右。';
      document.dispatchEvent(new CustomEvent('planlens:text-changed'));
    });
    await expect
      .poll(async () => startsOf(await readHighlight(page, 'planlens-target'), ['2.5%', '3.5%']), {
        timeout: 10_000,
      })
      .toEqual(['2.5%']);
  });

  it('moves between targets from the keyboard and returns focus on Escape', async () => {
    await page.evaluate(() => {
      const button = document.createElement('button');
      button.id = 'page-button';
      button.textContent = 'page';
      document.body.prepend(button);
      button.focus();
    });
    await page.keyboard.press('Alt+Shift+J');
    // The card lives in a closed shadow root: read it through CDP, as the notes UI tests do.
    const card = () => findTargetCard(page);
    await expect.poll(async () => (await card())?.name ?? '').toContain('PlanLens');
    expect(await notesShadowRootType(page, 'planlens-card')).toBe('closed');
    const first = (await card())!.text;
    await expect.poll(() => page.evaluate(() => CSS.highlights.get('planlens-focus')?.size ?? 0)).toBe(1);
    await page.keyboard.press(']');
    await expect.poll(async () => (await card())?.text).not.toBe(first);
    await page.keyboard.press('[');
    await expect.poll(async () => (await card())?.text).toBe(first);
    await page.keyboard.press('Escape');
    await expect.poll(() => card()).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('page-button');
    expect(await page.evaluate(() => CSS.highlights.has('planlens-focus'))).toBe(false);
  });

  it('turning off removes every trace, and nothing comes back with later content', async () => {
    const point = await rectOfText(page, '5.5%');
    await page.mouse.move(point!.x, point!.y);
    await expect.poll(async () => (await findTargetCard(page)) !== null).toBe(true);
    const tabId = await tabIdOf(browser, server.url('plan.html'));
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
    await popup.getByRole('switch').click();
    await expect.poll(() => popup.getByRole('switch').getAttribute('aria-checked')).toBe('false');
    await popup.close();
    // Other features (notes) keep their own UI and styles: check for ours.
    expect((await registryNames(page)).filter((n) => (NAMES as readonly string[]).includes(n))).toEqual([]);
    expect(await page.locator('[data-planlens-ui=card]').count()).toBe(0);
    const ourRules = () =>
      page.evaluate(
        () =>
          [...document.adoptedStyleSheets, ...document.styleSheets].filter((sheet) =>
            [...sheet.cssRules].some((rule) => rule.cssText.includes('planlens-target')),
          ).length,
      );
    expect(await ourRules()).toBe(0);
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = '粮食产量稳定在780亿斤左右，增长3%。';
      document.body.append(p);
    });
    await page.waitForTimeout(800);
    expect((await registryNames(page)).filter((n) => (NAMES as readonly string[]).includes(n))).toEqual([]);
  });

  it('injects the reader once when asked twice at the same moment', async () => {
    const news = await browser.context.newPage();
    // WXT dispatches a start event on the document for each content-script start (named with our id,
    // which this test knows; no longer announced to the page by window message): count the reader's.
    await news.addInitScript((id) => {
      const w = window as unknown as { __readerStarts: number };
      w.__readerStarts = 0;
      document.addEventListener(`${id}:reader:wxt:content-script-started`, () => w.__readerStarts++);
    }, browser.extensionId);
    await news.goto(server.url('news.html?twice'));
    await news.waitForFunction(() => performance.getEntriesByName('planlens:detect').length > 0);
    const tabId = await tabIdOf(browser, server.url('news.html?twice'));
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
    await popup.evaluate(async (id) => {
      const api = (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }
      ).chrome;
      const turnOn = () =>
        api.runtime.sendMessage({ planlens: 'setPageEnabled', data: { tabId: id, enabled: true } });
      await Promise.all([turnOn(), turnOn(), turnOn()]);
    }, tabId);
    await waitForHighlights(news);
    await news.waitForTimeout(800);
    expect(await news.evaluate(() => (window as unknown as { __readerStarts: number }).__readerStarts)).toBe(
      1,
    );
    await popup.close();
    await news.close();
  });

  it('leaves a page that is not a plan untouched: the background only scores its sample, and never hears of an English page', async () => {
    const seen = await browser.worker!.evaluate(() => {
      const api = (globalThis as unknown as { chrome: { runtime: { onMessage: ChromeEvent } } }).chrome;
      const log: string[] = [];
      (globalThis as unknown as { __gateLog: string[] }).__gateLog = log;
      api.runtime.onMessage.addListener((message: { planlens?: string }) => {
        if (message.planlens) log.push(message.planlens);
      });
      interface ChromeEvent {
        addListener(listener: (message: { planlens?: string }) => void): void;
      }
      return log.length;
    });
    expect(seen).toBe(0);
    const news = await browser.context.newPage();
    await news.goto(server.url('news.html'));
    // The gate has done all it does on this load once it marks itself settled: it did not report
    // the page, so the background has nothing to inject a reader for.
    expect(await gateSettled(news)).toEqual({ reported: false });
    expect((await registryNames(news)).filter((n) => (NAMES as readonly string[]).includes(n))).toEqual([]);
    expect(await news.locator('[data-planlens-ui]').count()).toBe(0);
    const log = () =>
      browser.worker!.evaluate(() => (globalThis as unknown as { __gateLog: string[] }).__gateLog);
    // A page with Chinese text: its sample is scored in the background, and nothing else is sent.
    expect(await log()).toEqual(['scorePageSample']);
    // A page without Chinese text is judged by the gate itself: the background hears nothing.
    await news.goto(server.url('weather.html'));
    await news.waitForFunction(() => performance.getEntriesByName('planlens:detect').length > 0);
    expect(
      await news.evaluate(
        () => (performance.getEntriesByName('planlens:detect')[0] as PerformanceMeasure).detail,
      ),
    ).toMatchObject({ scoredIn: 'page' });
    expect(await gateSettled(news)).toEqual({ reported: false });
    expect(await log()).toEqual(['scorePageSample']);
    await news.close();
  });
});

/**
 * Waits for the gate's completion signal on `page` (`planlens:gate-settled`, marked once the gate
 * has done all it does on a load) and gives its detail.
 */
async function gateSettled(page: Page): Promise<unknown> {
  await page.waitForFunction(() => performance.getEntriesByName('planlens:gate-settled').length > 0);
  return page.evaluate(
    () => (performance.getEntriesByName('planlens:gate-settled')[0] as PerformanceMark).detail,
  );
}
