import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Converter } from 'opencc-js/cn2t';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openControlPage, switchScript } from './convert-helpers';
import {
  launchBrowser,
  PAGES_DIR,
  registeredShortcut,
  startFixtureServer,
  type FixtureServer,
  type TestBrowser,
} from './harness';
import {
  addNoteThroughToolbar,
  clickInNotesUi,
  fillInNotesUi,
  findInNotesUi,
  injectReaderAsBackground,
  hoverNoteMark,
  markTexts,
  NOTES_UI,
  notesShadowRootType,
  notesState,
  notesUiText,
  selectText,
  storedNotes,
  syntheticClickInNotesUi,
  tabOf,
  waitForNotes,
} from './notes-helpers';

const CLAUSE = '投入帮扶资金90亿元以上';
const ORIGINAL = readFileSync(path.join(PAGES_DIR, 'gov-portal-plan-2026.html'), 'utf8');
const toTraditional = Converter({ from: 'cn', to: 'tw' });

/** A page that opens IndexedDB and lists everything it can see, and tries to reach our notes. */
const PROBE = `<!doctype html><meta charset="utf-8"><title>probe</title>
<p id="text">${CLAUSE}。推动盟市零基预算全覆盖。</p>
<script>
window.__probe = (async () => {
  const seen = [];
  const dbs = indexedDB.databases ? await indexedDB.databases() : [];
  for (const info of dbs) {
    const db = await new Promise((ok, ko) => { const r = indexedDB.open(info.name); r.onsuccess = () => ok(r.result); r.onerror = () => ko(r.error); });
    seen.push({ name: info.name, stores: [...db.objectStoreNames] });
    db.close();
  }
  const planlens = await new Promise((ok) => { const r = indexedDB.open('planlens'); r.onsuccess = () => { const names = [...r.result.objectStoreNames]; r.result.close(); ok(names); }; r.onerror = () => ok(null); });
  let runtime = 'none';
  try { runtime = typeof chrome !== 'undefined' && chrome.runtime && chrome.runtime.sendMessage ? 'present' : 'none'; } catch (e) { runtime = 'error'; }
  // Fake messages and events a hostile page might try.
  window.postMessage({ planlens: 'notesSave', data: { draft: { url: location.href } } }, '*');
  document.dispatchEvent(new CustomEvent('planlens:notes-save', { detail: { body: 'forged' } }));
  document.dispatchEvent(new CustomEvent('planlens:text-changed'));
  return { seen, planlens, runtime };
})();
</script>`;

describe('notes in the real browser', () => {
  let browser: TestBrowser;
  let server: FixtureServer;
  let page: Page;
  const routes: Record<string, string> = {};
  const planUrl = () => server.url('notes/plan.html', 'www.nmg.gov.cn');

  beforeAll(async () => {
    routes['/notes/plan.html'] = ORIGINAL;
    routes['/notes/reprint.html'] = toTraditional(ORIGINAL);
    routes['/notes/probe.html'] = PROBE;
    server = await startFixtureServer(undefined, routes);
    browser = await launchBrowser();
    page = await browser.context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('creates a note through the selection toolbar and paints it', async () => {
    await page.goto(planUrl());
    await waitForNotes(browser, page, () => true);
    await addNoteThroughToolbar(page, CLAUSE, '比去年多还是少?');
    const state = await waitForNotes(browser, page, (s) => s.notes.length === 1);
    expect(state.notes[0]).toMatchObject({ placement: 'anchored', offered: false });
    expect(state.notes[0]!.note).toMatchObject({
      body: '比去年多还是少?',
      quote: { exact: CLAUSE },
      fingerprint: { docNumber: '内政发〔2026〕5号' },
    });
    expect(state.notes[0]!.note.quote.prefix.length).toBeGreaterThanOrEqual(10);
    expect(await markTexts(page, 'note')).toEqual([CLAUSE]);
    expect(await markTexts(page, 'note', 'purple')).toEqual([CLAUSE]);
    expect(await storedNotes(browser)).toHaveLength(1);
  });

  it('finds the note again after a reload, and shows it on hover', async () => {
    await page.reload();
    await waitForNotes(browser, page, (s) => s.notes[0]?.placement === 'anchored');
    // The mark is drawn from the anchored range in the next frame, not with the state's answer.
    await expect.poll(() => markTexts(page, 'note')).toEqual([CLAUSE]);
    await hoverNoteMark(page);
    await expect.poll(() => notesUiText(page, NOTES_UI.card)).toContain('比去年多还是少?');
  });

  it('edits, recolours and tags from the hover card, deletes and undoes', async () => {
    await hoverNoteMark(page);
    await clickInNotesUi(page, { role: 'button', name: 'Edit', within: NOTES_UI.card });
    const editor = NOTES_UI.editor;
    await fillInNotesUi(page, { role: 'textbox', name: 'Note', within: editor }, '比去年多还是少? 要核对');
    await clickInNotesUi(page, { role: 'radio', name: 'Green', within: editor });
    await fillInNotesUi(
      page,
      { role: 'textbox', name: 'Tags (comma-separated)', within: editor },
      '帮扶, 财政',
    );
    await clickInNotesUi(page, { role: 'button', name: 'Save', within: editor });
    await expect.poll(() => markTexts(page, 'note', 'green')).toEqual([CLAUSE]);
    expect(await markTexts(page, 'note', 'purple')).toEqual([]);
    const [stored] = (await storedNotes(browser)) as unknown as {
      body: string;
      tags: string[];
      color: string;
    }[];
    expect(stored).toMatchObject({ body: '比去年多还是少? 要核对', tags: ['帮扶', '财政'], color: 'green' });

    await hoverNoteMark(page);
    await clickInNotesUi(page, { role: 'button', name: 'Delete', within: NOTES_UI.card });
    await expect.poll(() => markTexts(page, 'note')).toEqual([]);
    expect(await storedNotes(browser)).toHaveLength(0);
    await clickInNotesUi(page, { role: 'button', name: 'Undo', within: { role: 'status' } });
    await expect.poll(() => markTexts(page, 'note')).toEqual([CLAUSE]);
    expect(await storedNotes(browser)).toEqual([stored]);
  });

  it('has the add-note shortcut registered by the browser', async () => {
    expect(await registeredShortcut(browser, 'add-note')).toBe('Alt+Shift+M');
  });

  it('opens the editor from the add-note command path and marks anchoring in User Timing', async () => {
    const measures = await page.evaluate(() => performance.getEntriesByName('planlens:anchor').length);
    expect(measures).toBeGreaterThan(0);
    await selectText(page, '推动盟市零基预算全覆盖');
    const tabId = await tabOf(browser, page);
    // What the Alt+Shift+M command and the context-menu item send to the tab.
    await browser.worker!.evaluate(async (id) => {
      const api = (
        globalThis as unknown as {
          chrome: { tabs: { sendMessage(t: number, m: unknown): Promise<unknown> } };
        }
      ).chrome;
      await api.tabs.sendMessage(id, { planlens: 'notesPageAddFromSelection', data: {} });
    }, tabId);
    await expect.poll(() => notesUiText(page, NOTES_UI.editor)).toContain('推动盟市零基预算全覆盖');
    await clickInNotesUi(page, { role: 'button', name: 'Cancel' });
    await expect.poll(() => findInNotesUi(page, NOTES_UI.editor)).toBeNull();
    expect(await storedNotes(browser)).toHaveLength(1);
  });

  it('keeps the note on its clause when the page is rewritten to 繁體 in place', async () => {
    const texts = await page.evaluate(() => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const out: string[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push((n as Text).data);
      return out;
    });
    const converted = texts.map((t) => toTraditional(t));
    await page.evaluate((next) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let k = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode())
        (n as Text).data = next[k++] ?? (n as Text).data;
      document.dispatchEvent(new CustomEvent('planlens:text-changed'));
    }, converted);
    const traditional = toTraditional(CLAUSE);
    expect(traditional).not.toBe(CLAUSE);
    await expect.poll(() => markTexts(page, 'note')).toEqual([traditional]);
    const state = await notesState(browser, page);
    expect(state?.notes[0]?.placement).toBe('anchored');
  });

  it('stays on its clause through the conversion feature (繁體 and back to the original)', async () => {
    await page.goto(planUrl());
    await waitForNotes(browser, page, (s) => s.notes[0]?.placement === 'anchored');
    const control = await openControlPage(browser);
    await switchScript(browser, control, page, 'tw');
    // Re-anchoring waits for the page to settle after the switch (several hundred ms on a loaded
    // machine): poll for the completed pass, not for vitest's 1 s default.
    await expect.poll(() => markTexts(page, 'note'), { timeout: 10_000 }).toEqual([toTraditional(CLAUSE)]);
    expect((await notesState(browser, page))?.notes[0]?.placement).toBe('anchored');
    await switchScript(browser, control, page, 'original');
    await expect.poll(() => markTexts(page, 'note'), { timeout: 10_000 }).toEqual([CLAUSE]);
    await control.close();
  });

  it('offers the note on a traditional reprint of the same document at another address', async () => {
    const reprint = await browser.context.newPage();
    await reprint.goto(server.url('notes/reprint.html', 'www.northnews.example'));
    const state = await waitForNotes(browser, reprint, (s) => s.notes.length === 1);
    expect(state.notes[0]).toMatchObject({ placement: 'anchored', offered: true });
    // Drawn only once the reader asks (a page must not learn what was noted elsewhere).
    expect(await markTexts(reprint, 'offered')).toEqual([]);
    await clickInNotesUi(reprint, { role: 'button', name: 'Show notes from other copies' });
    await expect.poll(() => markTexts(reprint, 'offered')).toEqual([toTraditional(CLAUSE)]);
    await reprint.close();
  });

  it('shows "changed since your note" when the clause changed', async () => {
    routes['/notes/plan.html'] = ORIGINAL.replace(CLAUSE, '投入帮扶资金95亿元以上');
    await page.goto(planUrl());
    const state = await waitForNotes(browser, page, (s) => s.notes[0]?.placement === 'changed');
    expect(state.notes[0]!.current).toBe('投入帮扶资金95亿元以上');
    expect(await markTexts(page, 'note')).toEqual(['投入帮扶资金95亿元以上']);
    await hoverNoteMark(page);
    await expect.poll(() => notesUiText(page, NOTES_UI.card)).toContain('Changed since your note');
    expect(await notesUiText(page, NOTES_UI.card)).toContain(CLAUSE);
    expect(await notesUiText(page, NOTES_UI.card)).toContain('投入帮扶资金95亿元以上');
  });

  it('lists the note as an orphan when the clause is deleted, never elsewhere', async () => {
    routes['/notes/plan.html'] = ORIGINAL.replace(CLAUSE, '');
    await page.goto(planUrl());
    const state = await waitForNotes(browser, page, (s) => s.notes[0]?.placement === 'orphan');
    expect(state.notes[0]!.start).toBe(-1);
    expect(await markTexts(page, 'note')).toEqual([]);
    routes['/notes/plan.html'] = ORIGINAL;
  });

  it('anchors a note made across inline pinyin on the traditional reprint after a reload', async () => {
    const reprint = await browser.context.newPage();
    await reprint.goto(server.url('reprint-traditional-report.html', 'www.chinapower.com.cn'));
    await waitForNotes(browser, reprint, () => true);
    const quote = '力爭并網(wǎng)裝機(jī)2500萬千瓦以上';
    await addNoteThroughToolbar(reprint, quote, '装机目标');
    await waitForNotes(browser, reprint, (s) => s.notes.some((n) => n.note.body === '装机目标'));
    await reprint.reload();
    const state = await waitForNotes(browser, reprint, (s) =>
      s.notes.some((n) => n.note.body === '装机目标'),
    );
    const note = state.notes.find((n) => n.note.body === '装机目标')!;
    expect(note).toMatchObject({ placement: 'anchored', offered: false });
    expect(note.note.quoteFolded).toBe('力争并网装机2500万千瓦以上');
    expect(await markTexts(reprint, 'note')).toContain(quote);
    await reprint.close();
  });

  it('re-anchors when content loaded after the page appears (orphan → anchored)', async () => {
    const dynamic = await browser.context.newPage();
    const addMore = () => dynamic.evaluate(() => (window as unknown as { __addMore(): string }).__addMore());
    await dynamic.goto(server.url('dynamic-page.html', 'www.nmg.gov.cn'));
    await waitForNotes(browser, dynamic, () => true);
    await addMore();
    const quote = '实施重大项目3600个左右,完成建设投资1万亿元以上';
    await addNoteThroughToolbar(dynamic, quote, '项目数');
    await waitForNotes(browser, dynamic, (s) => s.notes.some((n) => n.placement === 'anchored'));
    await dynamic.reload();
    await waitForNotes(browser, dynamic, (s) =>
      s.notes.some((n) => n.note.body === '项目数' && n.placement === 'orphan'),
    );
    await addMore();
    await waitForNotes(browser, dynamic, (s) =>
      s.notes.some((n) => n.note.body === '项目数' && n.placement === 'anchored'),
    );
    expect(await markTexts(dynamic, 'note')).toContain(quote);
    await dynamic.close();
  });

  it('keeps notes out of reach of the page: no IndexedDB data, no messages, no forged clicks', async () => {
    const before = await storedNotes(browser);
    const probe = await browser.context.newPage();
    await probe.goto(server.url('notes/probe.html', 'www.nmg.gov.cn'));
    // Start the reader here as the add-note shortcut would, so our UI is present to be attacked.
    const tabId = await tabOf(browser, probe);
    await injectReaderAsBackground(browser, tabId);
    await waitForNotes(browser, probe, () => true);
    const seen = await probe.evaluate(() => (window as unknown as { __probe: Promise<unknown> }).__probe);
    expect(seen).toMatchObject({ seen: [], runtime: 'none' });
    // Opening "planlens" from the page creates an empty database in the page's origin: no notes store.
    expect((seen as { planlens: string[] }).planlens).toEqual([]);
    // No note and no selection yet: no UI host either (it is made on first need).
    expect(await probe.locator('[data-planlens-ui=notes]').count()).toBe(0);
    await probe.evaluate(() => {
      const sel = document.getSelection()!;
      const range = document.createRange();
      range.selectNodeContents(document.getElementById('text')!);
      sel.removeAllRanges();
      sel.addRange(range);
    });
    await probe.waitForTimeout(300);
    // The selection made our UI; it is in a closed shadow root: a page script gets null for host.shadowRoot.
    expect(await notesShadowRootType(probe)).toBe('closed');
    const forged = await probe.evaluate(async () => {
      const host = document.querySelector('[data-planlens-ui=notes]');
      const add = host?.shadowRoot?.querySelector<HTMLButtonElement>('[data-action=add-note]');
      add?.click();
      await new Promise((r) => setTimeout(r, 200));
      const save = host?.shadowRoot?.querySelector<HTMLButtonElement>('[data-action=save]');
      save?.click();
      return { host: Boolean(host), editorOpened: Boolean(save) };
    });
    expect(forged).toEqual({ host: true, editorOpened: false });
    // Even a script that did reach the controls could only make synthetic clicks, which are ignored.
    expect(await syntheticClickInNotesUi(probe, { role: 'button', name: 'Add note' })).toBe(true);
    await probe.waitForTimeout(200);
    expect(await findInNotesUi(probe, NOTES_UI.editor)).toBeNull();
    await probe.waitForTimeout(300);
    expect(await storedNotes(browser)).toEqual(before);

    // A note shown in the hover card: its body is nowhere the page's own script can reach.
    const secret = '只给我自己看的批注';
    await addNoteThroughToolbar(probe, CLAUSE, secret);
    await waitForNotes(browser, probe, (s) => s.notes.some((n) => n.note.body === secret));
    await hoverNoteMark(probe);
    await expect.poll(() => notesUiText(probe, NOTES_UI.card)).toContain(secret);
    const reach = await probe.evaluate((needle) => {
      const host = document.querySelector('[data-planlens-ui=notes]');
      const texts: string[] = [];
      const visit = (root: Document | ShadowRoot | Element): void => {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
        for (let n: Node | null = walker.currentNode; n; n = walker.nextNode()) {
          if (n instanceof Text) texts.push(n.data);
          if (n instanceof Element) {
            for (const attr of n.attributes) texts.push(attr.value);
            if (n.shadowRoot) visit(n.shadowRoot);
          }
        }
      };
      visit(document);
      return {
        host: Boolean(host),
        shadowRootIsNull: host !== null && host.shadowRoot === null,
        found:
          texts.some((t) => t.includes(needle)) ||
          (document.documentElement.textContent ?? '').includes(needle),
      };
    }, secret);
    expect(reach).toEqual({ host: true, shadowRootIsNull: true, found: false });
    // Nor which clause carries it: note marks are drawn in our closed UI, not in CSS.highlights.
    expect(
      await probe.evaluate(() => [...CSS.highlights.keys()].filter((k) => k.startsWith('planlens-note'))),
    ).toEqual([]);
    // The card is still up (the page looked while it was shown).
    expect(await notesUiText(probe, NOTES_UI.card)).toContain(secret);
    await probe.close();
  });
});

describe('notes UI in Chinese', () => {
  it.each([
    ['zh-CN', '添加批注', '保存', '批注'],
    ['zh-TW', '新增批註', '儲存', '批註'],
  ])('names the toolbar and editor controls in %s', async (locale, add, save, label) => {
    const server = await startFixtureServer();
    const browser = await launchBrowser({ locale });
    try {
      const page = await browser.context.newPage();
      await page.goto(server.url('gov-portal-plan-2026.html', 'www.nmg.gov.cn'));
      await waitForNotes(browser, page, () => true);
      await addNoteThroughToolbar(page, CLAUSE, '测试', { add, note: label, save });
      await waitForNotes(browser, page, (s) => s.notes.length === 1);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
