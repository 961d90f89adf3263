import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startFixtureServer, type FixtureServer, type TestBrowser } from './harness';

// Not a plan: a weather note. Only a remembered 简/繁 choice for its site brings the reader here.
const WEATHER_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>本地新闻</title></head>
<body><h1>周末天气</h1><p id="p">明天降水概率60%，气温回升，适宜户外运动。</p></body></html>`;

interface ChromeEvent {
  hasListeners(): boolean;
}
interface WorkerChrome {
  chrome: {
    tabs: { onUpdated: ChromeEvent; onActivated: ChromeEvent };
    webNavigation?: { onCompleted: ChromeEvent };
    storage: { local: { set(items: object): Promise<void> } };
  };
}

describe('what wakes the background', () => {
  let browser: TestBrowser;
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer(undefined, { '/weather.html': WEATHER_PAGE });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('listens to no tab-wide event that fires for every page in every tab', async () => {
    const listening = await browser.worker!.evaluate(() => {
      const { chrome } = globalThis as unknown as WorkerChrome;
      return {
        tabsUpdated: chrome.tabs.onUpdated.hasListeners(),
        tabsActivated: chrome.tabs.onActivated.hasListeners(),
        navigation: chrome.webNavigation?.onCompleted.hasListeners() ?? false,
      };
    });
    expect(listening).toEqual({ tabsUpdated: false, tabsActivated: false, navigation: false });
  });

  it('still re-applies a remembered script on a page that is not a plan (the gate reports the site)', async () => {
    await browser.worker!.evaluate(async () => {
      const { chrome } = globalThis as unknown as WorkerChrome;
      await chrome.storage.local.set({
        'convert:settings': {
          sites: { 'weather.example.cn': { target: 'tw', hidePinyin: false } },
          defaultTarget: null,
          twpAllowed: false,
        },
      });
    });
    const page = await browser.context.newPage();
    await page.goto(server.url('weather.html', 'weather.example.cn'));
    await page.waitForFunction(() => document.documentElement.lang === 'zh-Hant-TW', undefined, {
      timeout: 10_000,
    });
    expect(await page.locator('#p').textContent()).toBe('明天降水概率60%，氣溫回升，適宜戶外運動。');
    await page.close();
  });
});
