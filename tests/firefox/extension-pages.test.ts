/**
 * The add-on's own pages and page features in Firefox: the popup on a plan page, 简繁 switching
 * with exact restore, a note made through the selection toolbar that survives a reload, the
 * sidebar page listing it, and no errors from the extension along the way.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGES_DIR, startFixtureServer, type FixtureServer } from '../browser/harness';
import { markupInPage } from '../browser/convert-helpers';
import type { UiQuery } from '../browser/notes-helpers';
import type { ConvertStatus } from '../../lib/messaging/protocol-convert';
import {
  EXTENSION_ORIGIN,
  FIREFOX_EXTENSION_DIR,
  launchFirefox,
  type FirefoxBrowser,
} from './firefox-harness';
import {
  ControlWindow,
  extensionErrors,
  highlightsShownInPage,
  KEYS,
  pointerTo,
  pressKeys,
  readHighlightInPage,
  typeText,
  waitInPage,
} from './firefox-helpers';
import { findUi as findUiIn, noteMarkTextsInPage, selectTextInPage } from './notes-ui';

const HOST = 'www.nmg.gov.cn';
const PLAN = 'gov-portal-plan-2026.html';
const CLAUSE = '投入帮扶资金90亿元以上';
const NOTE = 'more or less than last year?';

/** In the popup or sidebar page: the text of the first element matching `selector`. */
function textInPage(selector: string): string {
  return document.querySelector(selector)?.textContent ?? '';
}

describe('extension pages and notes in Firefox', () => {
  let ff: FirefoxBrowser;
  let server: FixtureServer;
  let control: ControlWindow;
  const planUrl = () => server.url(PLAN, HOST);

  beforeAll(async () => {
    server = await startFixtureServer();
    ff = await launchFirefox();
    control = await ControlWindow.open(ff);
    await ff.navigate(planUrl());
    await waitInPage(ff, highlightsShownInPage, [], 'highlights');
  });
  afterAll(async () => {
    await ff?.close();
    await server?.close();
  });

  const findUi = (query: UiQuery) => findUiIn(ff, query);

  it('shows the page in the popup and turns highlights off and on', async () => {
    const tabId = await control.tabIdOf(planUrl());
    const shown = (await ff.evaluate(readHighlightInPage, 'planlens-target')).length;
    expect(shown).toBeGreaterThan(10);
    await control.run(
      async (url: string) => void (location.href = url),
      `${EXTENSION_ORIGIN}/popup.html?tabId=${tabId}`,
    );
    const popupText = (selector: string) => control.run(textInPage, selector);
    await expect.poll(() => popupText('[data-testid="detection"]')).toContain('Plan page detected');
    await expect.poll(() => popupText('[data-testid="count-target"]')).toBe(String(shown));
    const clickSwitch = () =>
      control.run(() => (document.querySelector('[role="switch"]') as HTMLElement).click());
    const switchState = () =>
      control.run(() => document.querySelector('[role="switch"]')?.getAttribute('aria-checked') ?? '');
    expect(await switchState()).toBe('true');
    await clickSwitch();
    await expect.poll(switchState).toBe('false');
    await expect
      .poll(() => ff.evaluate(() => [...CSS.highlights.keys()].filter((k) => k.startsWith('planlens-t'))))
      .toEqual([]);
    await clickSwitch();
    await expect.poll(switchState).toBe('true');
    await expect
      .poll(async () => (await ff.evaluate(readHighlightInPage, 'planlens-target')).length)
      .toBe(shown);
  });

  it('shows the page’s target count on the toolbar button, and the manifest names icons and a localized name', async () => {
    const tabId = await control.tabIdOf(planUrl());
    const shown = (await ff.evaluate(readHighlightInPage, 'planlens-target')).length;
    const badge = () =>
      control.run(
        (id: number) =>
          (
            window as unknown as {
              browser: { browserAction: { getBadgeText(d: { tabId: number }): Promise<string> } };
            }
          ).browser.browserAction.getBadgeText({ tabId: id }),
        tabId,
      );
    await expect.poll(badge).toBe(String(shown));
    const manifest = JSON.parse(readFileSync(path.join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
      name: string;
      icons: Record<string, string>;
      browser_action: { default_icon: Record<string, string> };
    };
    expect(manifest.name).toBe('__MSG_extName__');
    expect(Object.keys(manifest.icons)).toEqual(['16', '32', '48', '128']);
    expect(manifest.browser_action.default_icon).toEqual(manifest.icons);
  });

  it.each([
    ['tw', '國民經濟和社會發展計劃', 'zh-Hant-TW'],
    ['hk', '國民經濟和社會發展計劃', 'zh-Hant-HK'],
  ] as const)('switches to %s and restores the page byte for byte', async (target, expected, lang) => {
    const tabId = await control.tabIdOf(planUrl());
    const before = await ff.evaluate(markupInPage);
    const status = await control.send<ConvertStatus>('convertSetTarget', { tabId, target });
    expect(status.detected).toBe('simplified');
    expect(await ff.evaluate(() => document.body.textContent ?? '')).toContain(expected);
    expect(await ff.evaluate(() => document.documentElement.lang)).toBe(lang);
    await control.send('convertSetTarget', { tabId, target: 'original' });
    expect(await ff.evaluate(markupInPage)).toBe(before);
  });

  it('makes a note through the selection toolbar that survives a reload', async () => {
    await waitInPage(
      ff,
      () => performance.getEntriesByName('planlens:anchor').length > 0,
      [],
      "the notes feature's first pass",
    );
    // The page listens for typing with capture listeners; the editor is an extension frame.
    await ff.evaluate(() => {
      const page = window as unknown as { __typed: string[] };
      page.__typed = [];
      for (const type of ['keydown', 'keyup', 'beforeinput', 'input', 'compositionend'])
        window.addEventListener(
          type,
          (e) => page.__typed.push(String((e as InputEvent).data ?? (e as KeyboardEvent).key)),
          true,
        );
    });
    expect(await ff.evaluate(selectTextInPage, CLAUSE)).toBe(true);
    const add = await findUi({ role: 'button', name: 'Add note' });
    await pointerTo(ff, Math.round(add.x), Math.round(add.y), true);
    const box = await findUi({ role: 'textbox', name: 'Note' });
    await pointerTo(ff, Math.round(box.x), Math.round(box.y), true);
    await typeText(ff, NOTE);
    expect((await findUi({ role: 'textbox', name: 'Note' })).value).toBe(NOTE);
    expect(await ff.evaluate(() => (window as unknown as { __typed: string[] }).__typed)).toEqual([]);
    const save = await findUi({ role: 'button', name: 'Save' });
    await pointerTo(ff, Math.round(save.x), Math.round(save.y), true);
    await expect
      .poll(() => ff.evaluatePrivileged(noteMarkTextsInPage), { timeout: 10_000 })
      .toEqual([CLAUSE]);
    await ff.client.send('WebDriver:Refresh');
    await expect
      .poll(() => ff.evaluatePrivileged(noteMarkTextsInPage), { timeout: 15_000 })
      .toEqual([CLAUSE]);
    // Nothing of the note is listed where page scripts can see it.
    expect(
      await ff.evaluate(() => [...CSS.highlights.keys()].filter((n) => n.startsWith('planlens-note'))),
    ).toEqual([]);
    await pressKeys(ff, KEYS.Escape);
  });

  it('lists the note in the sidebar page', async () => {
    const tabId = await control.tabIdOf(planUrl());
    await control.run(
      async (url: string) => void (location.href = url),
      `${EXTENSION_ORIGIN}/sidepanel.html?tab=notes&tabId=${tabId}`,
    );
    const listed = () => control.run(textInPage, 'ol');
    await expect.poll(listed, { timeout: 10_000 }).toContain(NOTE);
  });

  it('left no errors in the background page, extension pages or page consoles', async () => {
    expect(await extensionErrors(ff)).toEqual([]);
  });
});

// The page under test is read from disk once, so a broken fixture fails here rather than mid-test.
expect(readFileSync(path.join(PAGES_DIR, PLAN), 'utf8')).toContain(CLAUSE);
