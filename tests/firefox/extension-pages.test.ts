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
import { lookUp, type UiHit, type UiQuery } from '../browser/notes-helpers';
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

const HOST = 'www.nmg.gov.cn';
const PLAN = 'gov-portal-plan-2026.html';
const CLAUSE = '投入帮扶资金90亿元以上';
const NOTE = 'more or less than last year?';

/**
 * A privileged script that runs the shared notes-UI lookup (tests/browser/notes-helpers.ts) on the
 * notes UI's closed shadow root, which the system sandbox reaches through `openOrClosedShadowRoot`.
 * Built as text because the lookup must travel with it (the page's CSP forbids eval).
 */
const NOTES_UI_SCRIPT = `const lookUp = ${lookUp.toString()};
const root = document.querySelector('[data-planlens-ui="notes"]')?.openOrClosedShadowRoot;
return root ? lookUp.call(root, arguments[0], 'locate') : null;`;

/**
 * With the system principal: the note editor's frame (an extension page in the notes UI's closed
 * root) and where it is, or null while no editor is open.
 */
const EDITOR_FRAME_SCRIPT = `const root = document.querySelector('[data-planlens-ui="notes"]')?.openOrClosedShadowRoot;
const frame = root?.querySelector('iframe');
if (!frame) return null;
const r = frame.getBoundingClientRect();
return { frame, x: r.left, y: r.top };`;

/**
 * With the system principal: the clause texts of the note marks drawn in the notes UI's closed
 * root (note marks are not in CSS.highlights, which any page script can list).
 */
function noteMarkTextsInPage(): string[] {
  const host = document.querySelector('[data-planlens-ui="notes"]');
  const root = (host as unknown as { openOrClosedShadowRoot?: ShadowRoot } | null)?.openOrClosedShadowRoot;
  if (!root) return [];
  return [...root.querySelectorAll<HTMLElement>('[data-mark="note"]')].map((m) => m.dataset.text ?? '');
}

/** In the page: selects the first occurrence of `text` as a user would. */
function selectTextInPage(text: string): boolean {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const at = (n as Text).data.indexOf(text);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(n, at);
    range.setEnd(n, at + text.length);
    n.parentElement?.scrollIntoView({ block: 'center' });
    const selection = document.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    return true;
  }
  return false;
}

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

  /** The shared lookup in the note editor's frame, with the point in the page's viewport. */
  async function findInEditor(query: UiQuery): Promise<UiHit | { error: string } | null> {
    const found = await ff.runPrivilegedScript<{
      frame: Record<string, string>;
      x: number;
      y: number;
    } | null>(EDITOR_FRAME_SCRIPT);
    if (!found) return null;
    const element = Object.values(found.frame)[0];
    await ff.client.send('WebDriver:SwitchToFrame', { element });
    try {
      const answer = await ff.runPrivilegedScript(
        `const lookUp = ${lookUp.toString()};\nreturn lookUp.call(document, arguments[0], 'locate');`,
        query,
      );
      const hit = answer as UiHit | { error: string } | null;
      return hit && !('error' in hit) ? { ...hit, x: hit.x + found.x, y: hit.y + found.y } : hit;
    } finally {
      await ff.client.send('WebDriver:SwitchToParentFrame', {});
    }
  }

  async function findUi(query: UiQuery): Promise<UiHit> {
    let last: UiHit | null = null;
    const until = Date.now() + 10_000;
    while (Date.now() < until) {
      const answer =
        (await ff.runPrivilegedScript<UiHit | { error: string } | null>(NOTES_UI_SCRIPT, query)) ??
        (await findInEditor(query));
      if (answer && 'error' in answer) throw new Error(answer.error);
      last = answer;
      if (last?.hit) return last;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`notes UI: no ${JSON.stringify(query)}; last ${JSON.stringify(last)}`);
  }

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
      () => document.querySelector('[data-planlens-ui="notes"]') !== null,
      [],
      'the notes UI',
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
