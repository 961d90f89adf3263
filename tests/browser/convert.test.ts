import * as OpenCC from 'opencc-js';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  registeredShortcut,
  startFixtureServer,
  type FixtureServer,
  type TestBrowser,
} from './harness';
import {
  openControlPage,
  pageMarkup,
  sendFromExtension,
  switchScript,
  tabIdOf,
  textOf,
} from './convert-helpers';

const GOV = 'gov-portal-plan-2026.html';
const NEWS = 'news-portal-plan-2020.html';
const REPRINT = 'reprint-traditional-report.html';

// Sentences from seed 003, with the structures the conversion must respect.
const COVERAGE_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>国民经济和社会发展计划</title></head>
<body>
<p id="inline">推动经济实现质的有效提升和<b>量的合理增长</b>,两国关<b>系</b>良好</p>
<p id="attrs"><img alt="乌兰察布市风电基地" src="data:,"><a href="#" title="发展规划" aria-label="打开发展规划">链接</a>
<input id="search" placeholder="请输入关键词"><input id="typed" value="用户输入的内容"><input id="btn" type="button" value="提交意见"></p>
<pre id="pre">发展计划</pre><code id="code">发展计划</code><textarea id="ta">发展计划</textarea>
<div id="edit" contenteditable="true">发展计划</div><p id="no" translate="no">发展计划</p><p id="nt" class="notranslate">发展计划</p>
<div id="ui" data-planlens-ui>发展计划</div>
<div id="host"></div>
<iframe id="frame" srcdoc="<p id='inner'>完成生态建设任务4000万亩</p>"></iframe>
<script>
  document.getElementById('host').attachShadow({ mode: 'open' }).append(Object.assign(document.createElement('p'), { id: 'shadow', textContent: '稳步实施光伏治沙' }));
</script>
</body></html>`;

// The page's own script keeps references to its text nodes (as React does) and edits them later.
const REFERENCES_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>动态页面</title></head>
<body><p id="kept">加快建设库布其至河北输电通道</p><div id="feed"></div>
<script>
  window.keptNode = document.getElementById('kept').firstChild;
  window.addItem = (text) => { const p = document.createElement('p'); p.className = 'item'; p.textContent = text; document.getElementById('feed').append(p); };
</script></body></html>`;

// Another text-rewriting script on the page: it turns 著名 back into 着名 whenever text changes.
const FIGHT_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>着名</title></head>
<body><p id="fight">着名的乌兰布和沙漠</p>
<script>
  window.pageWrites = 0;
  new MutationObserver(() => {
    const node = document.getElementById('fight').firstChild;
    if (node.data.includes('著名')) { window.pageWrites++; node.data = node.data.replace('著名', '着名'); }
  }).observe(document.body, { subtree: true, characterData: true, childList: true });
</script></body></html>`;

const LATE_FRAME_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>框架</title></head>
<body><p>推进新型电力系统建设</p><iframe id="late"></iframe></body></html>`;
const FRAME_INNER = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"></head><body><p id="inner">加强矿产资源开发利用</p></body></html>`;

const ROUTES = {
  '/late-frame.html': LATE_FRAME_PAGE,
  '/frame-inner.html': FRAME_INNER,
  '/coverage.html': COVERAGE_PAGE,
  '/references.html': REFERENCES_PAGE,
  '/fight.html': FIGHT_PAGE,
};

describe('simplified ⇄ traditional switching in the built extension', () => {
  let browser: TestBrowser;
  let server: FixtureServer;
  let control: Page;

  beforeAll(async () => {
    server = await startFixtureServer(undefined, ROUTES);
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

  it('leaves a simplified page untouched when 简体 is asked for', async () => {
    const page = await open(NEWS);
    const before = await pageMarkup(page);
    const status = await switchScript(browser, control, page, 'cn');
    expect(status).toMatchObject({ detected: 'simplified', target: 'cn' });
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

  it('converts inline runs as one string, visible attributes, shadow roots and frames, and skips the rest', async () => {
    const page = await open('coverage.html');
    const before = await pageMarkup(page);
    const frameBefore = await page.frames()[1]!.evaluate(() => document.documentElement.innerText);
    await switchScript(browser, control, page, 'tw');
    const read = () =>
      page.evaluate(() => {
        const $ = (id: string) => document.getElementById(id)!;
        const frameDoc = ($('frame') as HTMLIFrameElement).contentDocument!;
        return {
          title: document.title,
          inline: $('inline').textContent,
          bold: $('inline').querySelectorAll('b')[1]!.textContent,
          alt: document.querySelector('img')!.alt,
          title2: document.querySelector('a')!.title,
          aria: document.querySelector('a')!.getAttribute('aria-label'),
          placeholder: $('search').getAttribute('placeholder'),
          typed: ($('typed') as HTMLInputElement).value,
          button: ($('btn') as HTMLInputElement).value,
          skipped: ['pre', 'code', 'ta', 'edit', 'no', 'nt', 'ui'].map((id) => $(id).textContent),
          shadow: $('host').shadowRoot!.textContent,
          frame: frameDoc.getElementById('inner')!.textContent,
        };
      });
    expect(await read()).toEqual({
      title: '國民經濟和社會發展計劃',
      inline: '推動經濟實現質的有效提升和量的合理增長,兩國關係良好',
      bold: '係',
      alt: '烏蘭察布市風電基地',
      title2: '發展規劃',
      aria: '打開發展規劃',
      placeholder: '請輸入關鍵詞',
      typed: '用户输入的内容',
      button: '提交意見',
      skipped: Array(7).fill('发展计划'),
      shadow: '穩步實施光伏治沙',
      frame: '完成生態建設任務4000萬畝',
    });
    await switchScript(browser, control, page, 'original');
    expect(await pageMarkup(page)).toBe(before);
    expect(await page.frames()[1]!.evaluate(() => document.documentElement.innerText)).toBe(frameBefore);
    await page.close();
  });

  it('converts a same-origin frame that loads after the switch', async () => {
    const page = await open('late-frame.html');
    await switchScript(browser, control, page, 'tw');
    await page.evaluate(() => {
      (document.getElementById('late') as HTMLIFrameElement).src = '/frame-inner.html';
    });
    const inner = () =>
      page.evaluate(
        () =>
          (document.getElementById('late') as HTMLIFrameElement).contentDocument?.getElementById('inner')
            ?.textContent ?? '',
      );
    await expect.poll(inner).toBe('加強礦產資源開發利用');
    await switchScript(browser, control, page, 'original');
    expect(await inner()).toBe('加强矿产资源开发利用');
    await page.close();
  });

  it('keeps a highlight made of StaticRanges on the same characters across every switch', async () => {
    const page = await open(GOV);
    // A highlight like the target highlighter's: StaticRanges over 地区生产总值增长5%左右.
    await page.evaluate(() => {
      const p = [...document.querySelectorAll('p')].find((el) =>
        el.textContent!.includes('地区生产总值增长5%左右'),
      )!;
      const node = p.firstChild as Text;
      const start = node.data.indexOf('地区生产总值增长5%左右');
      const range = new StaticRange({
        startContainer: node,
        startOffset: start,
        endContainer: node,
        endOffset: start + 12,
      });
      CSS.highlights.set('convert-test', new Highlight(range));
    });
    const highlighted = () =>
      page.evaluate(() => {
        const [range] = [...(CSS.highlights.get('convert-test') as Highlight)] as StaticRange[];
        const live = document.createRange();
        live.setStart(range!.startContainer, range!.startOffset);
        live.setEnd(range!.endContainer, range!.endOffset);
        return live.toString();
      });
    expect(await highlighted()).toBe('地区生产总值增长5%左右');
    await switchScript(browser, control, page, 'tw');
    expect(await highlighted()).toBe('地區生產總值增長5%左右');
    await switchScript(browser, control, page, 'hk');
    expect(await highlighted()).toBe('地區生產總值增長5%左右');
    await switchScript(browser, control, page, 'original');
    expect(await highlighted()).toBe('地区生产总值增长5%左右');
    await page.close();
  });

  it('converts content the page adds or edits later, through the nodes the page keeps', async () => {
    const page = await open('references.html');
    await switchScript(browser, control, page, 'tw');
    expect(await page.evaluate(() => (window as unknown as { keptNode: Text }).keptNode.data)).toBe(
      '加快建設庫布其至河北輸電通道',
    );
    expect(await page.evaluate(() => (window as unknown as { keptNode: Text }).keptNode.isConnected)).toBe(
      true,
    );
    await page.evaluate(() => {
      const w = window as unknown as { keptNode: Text; addItem(text: string): void };
      w.keptNode.data = '推进产运销精准对接';
      w.addItem('完善冷链物流网络体系');
    });
    await expect.poll(() => textOf(page, '#kept')).toBe('推進產運銷精準對接');
    await expect.poll(() => textOf(page, '#feed')).toBe('完善冷鏈物流網絡體系');
    await switchScript(browser, control, page, 'original');
    expect(await textOf(page, '#kept')).toBe('推进产运销精准对接');
    expect(await textOf(page, '#feed')).toBe('完善冷链物流网络体系');
    await page.close();
  });

  it('follows the dynamic fixture page: a ticking counter and a late paragraph', async () => {
    const page = await open('dynamic-page.html');
    await switchScript(browser, control, page, 'tw');
    await page.evaluate(() => (window as unknown as { __addMore(): string }).__addMore());
    await expect.poll(() => textOf(page, '#late-paragraph')).toContain('持續擴大有效投資');
    await expect.poll(() => textOf(page, '#live-clock')).toMatch(/^閱讀 \d+ 次$/);
    const ticks = await page.evaluate(
      () => (window as unknown as { __pageState: { ticks: number } }).__pageState.ticks,
    );
    await expect
      .poll(() =>
        page.evaluate(() => (window as unknown as { __pageState: { ticks: number } }).__pageState.ticks),
      )
      .toBeGreaterThan(ticks + 1);
    await switchScript(browser, control, page, 'original');
    expect(await textOf(page, '#late-paragraph')).toContain('持续扩大有效投资');
    await page.close();
  });

  it('settles against a page script that rewrites 著名 back to 着名, with a bounded number of writes', async () => {
    const page = await open('fight.html');
    await switchScript(browser, control, page, 'tw');
    await page.waitForTimeout(500);
    const writes = await page.evaluate(() => (window as unknown as { pageWrites: number }).pageWrites);
    expect(writes).toBeGreaterThan(0);
    expect(writes).toBeLessThanOrEqual(4);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { pageWrites: number }).pageWrites)).toBe(writes);
    await page.close();
  });

  it('remembers the choice per site across a reload', async () => {
    const page = await open(NEWS, 'inews.nmgnews.com.cn');
    await switchScript(browser, control, page, 'hk', { rememberSite: true });
    await page.reload();
    await expect
      .poll(() => page.evaluate(() => document.documentElement.lang), { timeout: 10_000 })
      .toBe('zh-Hant-HK');
    expect(await textOf(page, 'body')).toContain('國民經濟');
    await switchScript(browser, control, page, 'original', { rememberSite: false });
    await page.reload();
    await page.waitForTimeout(500);
    expect(await textOf(page, 'body')).toContain('国民经济');
    await page.close();
  });

  it('applies the default to plan pages only', async () => {
    const first = await open(GOV, 'www.nmg.gov.cn');
    await switchScript(browser, control, first, 'tw', { rememberDefault: true });
    await first.close();
    const plan = await open(NEWS, 'inews.nmgnews.com.cn');
    await expect
      .poll(() => plan.evaluate(() => document.documentElement.lang), { timeout: 10_000 })
      .toBe('zh-Hant-TW');
    const other = await open('sports-scores.html', 'sports.example.cn');
    const before = await pageMarkup(other);
    // Opening the popup brings the reader into any page; the plan-page default must not follow.
    const status = await sendFromExtension<{ target: string } | null>(control, 'convertGetStatus', {
      tabId: await tabIdOf(browser, other),
    });
    expect(status?.target).toBe('original');
    await other.waitForTimeout(300);
    expect(await pageMarkup(other)).toBe(before);
    await switchScript(browser, control, plan, 'original', { rememberDefault: false });
    await plan.close();
    await other.close();
  });

  // Alt+Shift+T, the first plan, is reserved by Chromium (focus toolbar) and silently not assigned.
  it('registers the cycle-script shortcut with the browser (Alt+Shift+Y)', async () => {
    expect(await registeredShortcut(browser, 'cycle-script')).toBe('Alt+Shift+Y');
  });

  it('switches from the popup page for the tab (buttons with accessible names)', async () => {
    const page = await open(GOV);
    const tabId = await tabIdOf(browser, page);
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
    await expect
      .poll(() => popup.getByTestId('detected-script').textContent())
      .toMatch(/Simplified|简体|簡體/);
    await popup.getByRole('radio', { name: /Traditional \(Taiwan\)|繁体（台湾）|繁體（臺灣）/ }).click();
    await expect.poll(() => textOf(page, 'body')).toContain('國民經濟和社會發展計劃');
    await popup.getByRole('radio', { name: /^(Original|原文)$/ }).click();
    await expect.poll(() => textOf(page, 'body')).toContain('国民经济和社会发展计划');
    await popup.close();
    await page.close();
  });

  it.each([
    ['tw', '著力', 'zh-Hant-TW'],
    ['hk', '着力', 'zh-Hant-HK'],
  ] as const)(
    'adjusts the traditional reprint to %s variants only (not converted to traditional again)',
    async (target, word, lang) => {
      const page = await open(REPRINT);
      const before = await pageMarkup(page);
      const beforeText = await textOf(page, 'body');
      const status = await switchScript(browser, control, page, target);
      expect(status.detected).toBe('traditional');
      const after = await textOf(page, 'body');
      expect(after.length).toBe(beforeText.length);
      expect(after).toContain(word);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      await switchScript(browser, control, page, 'original');
      expect(await pageMarkup(page)).toBe(before);
      await page.close();
    },
  );

  it('offers the Taiwan-phrase variant only after the opt-in, rewrites vocabulary, and restores exactly', async () => {
    const page = await open(GOV);
    const before = await pageMarkup(page);
    await expect(switchScript(browser, control, page, 'twp')).rejects.toThrow(/opt/i);
    await sendFromExtension(control, 'convertAllowTwp', { allowed: true });
    await page.evaluate(() => {
      (window as unknown as { changes: number }).changes = 0;
      document.addEventListener(
        'planlens:text-changed',
        () => (window as unknown as { changes: number }).changes++,
      );
    });
    await switchScript(browser, control, page, 'twp');
    expect(await textOf(page, 'body')).toContain('最佳化');
    expect(await page.evaluate(() => (window as unknown as { changes: number }).changes)).toBeGreaterThan(0);
    await switchScript(browser, control, page, 'original');
    expect(await pageMarkup(page)).toBe(before);
    await sendFromExtension(control, 'convertAllowTwp', { allowed: false });
    await page.close();
  });

  it('keeps the target highlighter on the same characters after switching', async () => {
    const page = await open(GOV, 'www.nmg.gov.cn');
    const highlighted = () =>
      page.evaluate(() => {
        const highlight = CSS.highlights.get('planlens-target');
        if (!highlight) return [];
        return [...(highlight as unknown as Iterable<AbstractRange>)].map((r) => {
          const live = document.createRange();
          live.setStart(r.startContainer, r.startOffset);
          live.setEnd(r.endContainer, r.endOffset);
          return live.toString();
        });
      });
    await expect.poll(async () => (await highlighted()).length, { timeout: 15_000 }).toBeGreaterThan(5);
    const before = (await highlighted()).sort();
    await switchScript(browser, control, page, 'tw');
    const fold = OpenCC.Converter({ from: 'tw', to: 'cn' });
    // Right after the switch (same ranges) and after the highlighter re-derived on text-changed.
    expect((await highlighted()).map(fold).sort()).toEqual(before);
    expect((await highlighted()).join('')).not.toBe(before.join(''));
    await page.waitForTimeout(500);
    expect((await highlighted()).map(fold).sort()).toEqual(before);
    await switchScript(browser, control, page, 'original');
    await page.waitForTimeout(300);
    expect((await highlighted()).sort()).toEqual(before);
    await page.close();
  });
});
