import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startFixtureServer, type FixtureServer, type TestBrowser } from './harness';
import { readHighlight, tabIdOf, waitForHighlights } from './highlight-helpers';

/**
 * A hostile plan page: it records every window message it gets and answers each content-script
 * announcement with WXT's "a newer copy started" event, the way a page would keep PlanLens off.
 * Sentences from seed 003 (内蒙古 2026 plan).
 */
const HOSTILE_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<title>关于内蒙古自治区2025年国民经济和社会发展计划执行情况与2026年计划草案的报告</title>
<script>
  window.recorded = [];
  window.addEventListener('message', (event) => {
    let text = '';
    try { text = JSON.stringify(event.data); } catch { text = String(event.data); }
    window.recorded.push(text);
    const type = event.data && event.data.type;
    if (typeof type === 'string' && type.endsWith(':wxt:content-script-started')) {
      document.dispatchEvent(new CustomEvent(type, {
        detail: { contentScriptName: event.data.contentScriptName, messageId: 'page' },
      }));
    }
  });
</script></head>
<body><h1>关于2025年国民经济和社会发展计划执行情况与2026年计划草案的报告</h1>
<h2>二、2026年经济社会发展的主要目标</h2>
<p>地区生产总值增长5%左右，城镇调查失业率5.7%左右，城镇新增就业18万人以上。</p>
<p>居民消费价格涨幅2%左右，粮食产量超过840亿斤。</p>
<div id="late"></div>
</body></html>`;

interface WorkerGlobals {
  chrome: { tabs: { sendMessage(tabId: number, message: object): Promise<unknown> } };
}

describe('a page cannot switch PlanLens off or learn its id', () => {
  let browser: TestBrowser;
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer(undefined, { '/hostile.html': HOSTILE_PAGE });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('keeps the reader and the gate running through forged start events, and never posts our id', async () => {
    const page = await browser.context.newPage();
    const url = server.url('hostile.html', 'www.nmg.gov.cn');
    await page.goto(url);
    await waitForHighlights(page);
    await expect.poll(() => readHighlight(page, 'planlens-target')).toContain('5%左右');

    // A page that knows our id (a store id is public) forges WXT's event for both scripts.
    await page.evaluate((id) => {
      for (const name of ['reader', 'gate']) {
        const type = `${id}:${name}:wxt:content-script-started`;
        document.dispatchEvent(
          new CustomEvent(type, { detail: { contentScriptName: name, messageId: 'forged' } }),
        );
        window.postMessage({ type, contentScriptName: name, messageId: 'forged' }, '*');
      }
    }, browser.extensionId);

    // The reader is still on: highlights stay, and new content gets highlighted.
    expect(await readHighlight(page, 'planlens-target')).toContain('5%左右');
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = '奶产量稳定在750万吨左右。';
      document.getElementById('late')!.append(p);
    });
    await expect
      .poll(async () => (await readHighlight(page, 'planlens-target')).some((t) => t.startsWith('750万吨')), {
        timeout: 10_000,
      })
      .toBe(true);

    // The gate still answers the popup's question.
    const tabId = await tabIdOf(browser, url);
    const answer = await browser.worker!.evaluate(
      ([tab, message]) => (globalThis as unknown as WorkerGlobals).chrome.tabs.sendMessage(tab, message),
      [tabId, { planlens: 'getDetection', data: {} }] as const,
    );
    expect(answer).toMatchObject({ ok: true, value: { url, detection: { match: true } } });

    // Everything the page's world received: nothing names our extension.
    const recorded = await page.evaluate(() => (window as unknown as { recorded: string[] }).recorded);
    expect(recorded.filter((m) => m.includes(browser.extensionId))).toEqual([
      // Only the page's own forged messages carry it.
      expect.stringContaining('"messageId":"forged"'),
      expect.stringContaining('"messageId":"forged"'),
    ]);
  });
});
