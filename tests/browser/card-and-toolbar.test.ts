/**
 * The target card's place and its two actions, the document's date in exports, the toolbar badge,
 * the popup's counts opening the side panel's Targets tab, and the icons and localized name of
 * the built extension — in Chromium with the built extension, on the 2026 gov-portal plan.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../helpers/parse-csv';
import {
  EXTENSION_DIR,
  launchBrowser,
  startFixtureServer,
  type FixtureServer,
  type TestBrowser,
} from './harness';
import { tabIdOf, waitForHighlights } from './highlight-helpers';
import {
  clickInNotesUi,
  fillInNotesUi,
  findInNotesUi,
  findTargetCard,
  NOTES_UI,
  waitForNotes,
  type UiHit,
} from './notes-helpers';

const HOST = 'www.nmg.gov.cn';
const TITLE = '内蒙古自治区人民政府关于下达2026年自治区国民经济和社会发展计划的通知';
/** The notice's 成文日期 (the page also shows a later 发布日期, 2026-02-26). */
const DATE = '2026-02-13';

type Box = { left: number; top: number; right: number; bottom: number };

/**
 * The boxes of the focused target's line and of the line under it (the next line of its block,
 * or the first line of the next block), from the client rects of the text around it.
 */
function readFocusLines(page: Page): Promise<{ line: Box; next: Box | null }> {
  return page.evaluate(() => {
    const stat = [...CSS.highlights.get('planlens-focus')!][0]!;
    const range = document.createRange();
    range.setStart(stat.startContainer, stat.startOffset);
    range.setEnd(stat.endContainer, stat.endOffset);
    const target = range.getBoundingClientRect();
    let block = range.startContainer.parentElement!;
    while (getComputedStyle(block).display.startsWith('inline')) block = block.parentElement!;
    const rectsOf = (el: Element) => {
      const all = document.createRange();
      all.selectNodeContents(el);
      return [...all.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
    };
    let after: Element | null = block;
    while (after && !after.nextElementSibling) after = after.parentElement;
    const rects = [
      ...rectsOf(block),
      ...(after?.nextElementSibling ? rectsOf(after.nextElementSibling) : []),
    ];
    const box = (of: DOMRect[]) => ({
      left: Math.min(...of.map((r) => r.left)),
      top: Math.min(...of.map((r) => r.top)),
      right: Math.max(...of.map((r) => r.right)),
      bottom: Math.max(...of.map((r) => r.bottom)),
    });
    const middle = (r: DOMRect) => (r.top + r.bottom) / 2;
    const line = box(rects.filter((r) => middle(r) >= target.top && middle(r) <= target.bottom));
    const below = rects.filter((r) => r.top >= line.bottom - 1);
    const nextTop = Math.min(...below.map((r) => r.top));
    const next = below.length ? box(below.filter((r) => r.top < nextTop + 4)) : null;
    return { line, next };
  });
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** Scrolls target highlight `index` to `y` px from the viewport's top and hovers it. */
async function hoverTargetAt(page: Page, index: number, y: number): Promise<void> {
  const point = await page.evaluate(
    ([i, top]) => {
      const ranges = [...CSS.highlights.get('planlens-target')!].map((r) => {
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        return live;
      });
      ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
      const range = ranges[i]!;
      window.scrollBy(0, range.getBoundingClientRect().top - top);
      const r = range.getClientRects()[0]!;
      return { x: r.left + Math.min(r.width / 2, 8), y: (r.top + r.bottom) / 2 };
    },
    [index, y] as const,
  );
  await page.mouse.move(point.x, point.y);
}

/** Waits for the card after `hoverTargetAt` and checks it covers neither line; returns where it is. */
async function expectCardClearOfLines(page: Page): Promise<{ card: UiHit; line: Box; next: Box }> {
  await expect.poll(async () => (await findTargetCard(page)) !== null).toBe(true);
  const card = (await findTargetCard(page))!;
  const { line, next } = await readFocusLines(page);
  expect(next).not.toBeNull();
  expect(overlaps(card.rect, line), `card ${JSON.stringify(card.rect)} line ${JSON.stringify(line)}`).toBe(
    false,
  );
  expect(overlaps(card.rect, next!), `card ${JSON.stringify(card.rect)} next ${JSON.stringify(next)}`).toBe(
    false,
  );
  return { card, line, next: next! };
}

describe('the target card, exports, badge and popup on the built extension', () => {
  let browser: TestBrowser;
  let server: FixtureServer;
  let page: Page;
  let tabId: number;
  let url: string;

  beforeAll(async () => {
    server = await startFixtureServer();
    browser = await launchBrowser({ locale: 'en-US' });
    page = await browser.context.newPage();
    url = server.url('gov-portal-plan-2026.html', HOST);
    await page.goto(url);
    await waitForHighlights(page);
    tabId = await tabIdOf(browser, url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('card: above the line when there is room, else below the next line; never over either', async () => {
    for (const index of [0, 6, 12, 2]) {
      await page.mouse.move(1, 1);
      await expect.poll(() => findTargetCard(page)).toBeNull();
      await hoverTargetAt(page, index, 450);
      const mid = await expectCardClearOfLines(page);
      expect(mid.card.rect.bottom).toBeLessThanOrEqual(mid.line.top);
      await page.mouse.move(1, 1);
      await expect.poll(() => findTargetCard(page)).toBeNull();
      await hoverTargetAt(page, index, 20);
      const top = await expectCardClearOfLines(page);
      expect(top.card.rect.top).toBeGreaterThanOrEqual(top.next.bottom);
    }
  });

  it('card: follows the dark scheme', async () => {
    const light = (await findTargetCard(page))!.background;
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(async () => (await findTargetCard(page))?.background).not.toBe(light);
    expect((await findTargetCard(page))!.background).toBe('rgb(30, 41, 59)');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  let copied = '';
  it('card: "Copy with source" copies the sentence with the document’s title, date and address', async () => {
    // The card from the last test is open; the page is plain http, so the card's copy command path runs.
    const button = (await findInNotesUi(
      page,
      { role: 'button', name: 'Copy with source' },
      'planlens-card',
    ))!;
    await page.mouse.click(button.x, button.y);
    await expect
      .poll(async () => (await findInNotesUi(page, { role: 'status' }, 'planlens-card'))?.text ?? '')
      .toBe('Copied the sentence with its source');
    // Read back on a localhost page (a secure context, so it has the Clipboard API) allowed to read it.
    const reader = await browser.context.newPage();
    const local = new URL(server.url('sports-scores.html', 'localhost'));
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: local.origin });
    await reader.goto(local.href);
    await reader.bringToFront();
    copied = await reader.evaluate(() => navigator.clipboard.readText());
    await reader.close();
    const lines = copied.split('\n');
    expect(lines).toHaveLength(3);
    // The third target's sentence, from the previous ; to the next (this page writes ASCII ,;).
    expect(lines[0]).toBe('城镇调查失业率5.7%左右,城镇新增就业18万人以上;');
    expect(lines[1]).toBe(`——《${TITLE}》，${DATE}`);
    expect(lines[2]).toBe(url);
  });

  it('card: "Add note" opens the note editor on the target’s sentence and saves the note there', async () => {
    await page.bringToFront();
    await hoverTargetAt(page, 2, 450);
    await expect.poll(async () => (await findTargetCard(page)) !== null).toBe(true);
    const button = (await findInNotesUi(page, { role: 'button', name: 'Add note' }, 'planlens-card'))!;
    await page.mouse.click(button.x, button.y);
    await expect.poll(() => findTargetCard(page)).toBeNull();
    await fillInNotesUi(page, { role: 'textbox', name: 'Note' }, '就业目标');
    expect((await findInNotesUi(page, NOTES_UI.editor))?.text).toContain('城镇调查失业率5.7%左右');
    await clickInNotesUi(page, { role: 'button', name: 'Save' });
    const state = await waitForNotes(browser, page, (s) => s.notes.length === 1);
    expect(state.notes[0]!.note.body).toBe('就业目标');
    expect(state.notes[0]!.note.quote.exact).toBe(copied.split('\n')[0]);
  });

  it('exports carry the document’s title, address and date, and are named after it with the date', async () => {
    const panel = await browser.context.newPage();
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tabId=${tabId}`);
    await panel.getByTestId('targets-table').waitFor();
    const [csv] = await Promise.all([
      panel.waitForEvent('download'),
      panel.getByTestId('targets-export-csv').click(),
    ]);
    expect(csv.suggestedFilename()).toBe(`${TITLE} ${DATE}.csv`);
    const [header, ...records] = parseCsv((await readFile((await csv.path())!, 'utf8')).slice(1));
    const col = (name: string) => new Set(records.map((r) => r[header!.indexOf(name)]));
    expect(col('date')).toEqual(new Set([DATE]));
    expect(col('document')).toEqual(new Set([TITLE]));
    expect(col('url')).toEqual(new Set([url]));
    const [json] = await Promise.all([
      panel.waitForEvent('download'),
      panel.getByTestId('targets-export-json').click(),
    ]);
    expect(json.suggestedFilename()).toBe(`${TITLE} ${DATE}.json`);
    expect(JSON.parse(await readFile((await json.path())!, 'utf8'))).toMatchObject({
      title: TITLE,
      url,
      date: DATE,
    });
    const [md] = await Promise.all([
      panel.waitForEvent('download'),
      panel.getByTestId('targets-export-markdown').click(),
    ]);
    expect((await readFile((await md.path())!, 'utf8')).split('\n').slice(0, 3).join('\n')).toContain(DATE);
    await panel.close();
  });

  it('opens the side panel on the tab ?tab= names', async () => {
    const panel = await browser.context.newPage();
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tabId=${tabId}&tab=notes`);
    await expect.poll(() => panel.locator('#tab-notes').getAttribute('aria-selected')).toBe('true');
    // Dark or light, the page's own background is painted (not only <main>'s), so the part below
    // short content follows the scheme too; controls follow it through color-scheme.
    const look = () =>
      panel.evaluate(() => ({
        page: getComputedStyle(document.documentElement).backgroundColor,
        scheme: getComputedStyle(document.documentElement).colorScheme,
        bottom: getComputedStyle(document.elementFromPoint(5, innerHeight - 2) ?? document.body).color,
      }));
    const light = await look();
    await panel.emulateMedia({ colorScheme: 'dark' });
    const dark = await look();
    expect(light.page).not.toBe('rgba(0, 0, 0, 0)');
    expect(dark.page).not.toBe(light.page);
    expect(dark.scheme).toBe('light dark');
    // Text at the bottom of the viewport is light on the dark page.
    expect(dark.bottom).not.toBe(light.bottom);
    await panel.close();
  });

  it('the toolbar badge shows the page’s target count and is cleared when the tab leaves the plan', async () => {
    const targets = await page.evaluate(() => CSS.highlights.get('planlens-target')!.size);
    const ext = await browser.context.newPage();
    await ext.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
    const badge = () =>
      ext.evaluate(
        (id) =>
          (
            globalThis as unknown as {
              chrome: { action: { getBadgeText(d: { tabId: number }): Promise<string> } };
            }
          ).chrome.action.getBadgeText({ tabId: id }),
        tabId,
      );
    await expect.poll(badge).toBe(String(targets));
    await page.goto(server.url('sports-scores.html', 'sports.example.com'));
    await expect.poll(badge).toBe('');
    await page.goto(url);
    await waitForHighlights(page);
    await expect.poll(badge).toBe(String(targets));
    await ext.close();
  });

  it('the popup’s counts open the side panel on its Targets tab, from the click', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
    await expect.poll(() => popup.getByTestId('count-target').textContent()).toMatch(/^\d+$/u);
    // Record the requests (and still make them): the side panel itself is browser UI, not a page.
    await popup.evaluate(() => {
      type Api = Record<'setOptions' | 'open', (o: object) => Promise<void>>;
      const world = globalThis as unknown as { chrome: { sidePanel: Api }; sidePanelCalls: unknown[] };
      world.sidePanelCalls = [];
      const api = world.chrome.sidePanel;
      for (const name of ['setOptions', 'open'] as const) {
        const original = api[name].bind(api);
        api[name] = (options) => {
          world.sidePanelCalls.push([name, options]);
          const made = original(options);
          made.then(
            () => world.sidePanelCalls.push([`${name} done`]),
            (error: unknown) => world.sidePanelCalls.push([`${name} failed`, String(error)]),
          );
          return made;
        };
      }
    });
    await popup.getByTestId('open-targets').click();
    await expect
      .poll(() =>
        popup.evaluate(() => (globalThis as unknown as { sidePanelCalls: unknown[] }).sidePanelCalls),
      )
      .toEqual(
        expect.arrayContaining([
          ['setOptions', { tabId, path: 'sidepanel.html?tab=targets', enabled: true }],
          ['open', { tabId }],
          // Made inside the click's gesture, so the browser accepts both.
          ['setOptions done'],
          ['open done'],
        ]),
      );
    await popup.close();
  });
});

describe('the built extension’s icons and name', () => {
  const manifest = JSON.parse(readFileSync(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    name: string;
    icons: Record<string, string>;
    action: { default_icon: Record<string, string> };
  };

  it.each([16, 32, 48, 128])('has a %i px PNG icon, for the extension and its toolbar button', (size) => {
    const file = manifest.icons[String(size)]!;
    expect(manifest.action.default_icon[String(size)]).toBe(file);
    const png = readFileSync(path.join(EXTENSION_DIR, file));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
  });

  it('is named in the browser’s language (zh_CN, zh_TW, en)', () => {
    expect(manifest.name).toBe('__MSG_extName__');
    const nameIn = (dir: string) =>
      (
        JSON.parse(
          readFileSync(path.join(EXTENSION_DIR, '_locales', dir, 'messages.json'), 'utf8'),
        ) as Record<string, { message: string }>
      ).extName!.message;
    expect([nameIn('en'), nameIn('zh_CN'), nameIn('zh_TW')]).toEqual([
      'PlanLens',
      'PlanLens 规划透镜',
      'PlanLens 規劃透鏡',
    ]);
    expect(existsSync(path.join(EXTENSION_DIR, 'icon/planlens.svg'))).toBe(true);
  });
});
