import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Converter } from 'opencc-js/cn2t';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  PAGES_DIR,
  startFixtureServer,
  type FixtureServer,
  type TestBrowser,
} from './harness';
import {
  clickInNotesUi,
  fillInNotesUi,
  hoverNoteMark,
  markTexts,
  NOTES_UI,
  notesUiText,
  openEditorOn,
  waitForNotes,
} from './notes-helpers';
import { withHostileScript } from './hostile-notes-page';

const CLAUSE = '投入帮扶资金90亿元以上';
const SECRET = '只给我自己看的批注：这条目标偏低';
const ORIGINAL = readFileSync(path.join(PAGES_DIR, 'gov-portal-plan-2026.html'), 'utf8');
const toTraditional = Converter({ from: 'cn', to: 'tw' });

async function readFromPage(page: Page): Promise<{ text: string; rootsHeld: number }> {
  return page.evaluate(() =>
    (window as unknown as { __readAll(): { text: string; rootsHeld: number } }).__readAll(),
  );
}

async function noteHighlights(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __noteHighlights(): string[] }).__noteHighlights());
}

describe('a hostile page learns nothing of the notes', () => {
  let browser: TestBrowser;
  let server: FixtureServer;
  /** What the page's capture listeners saw of the typing (key and input events). */
  let typedSeen: string | null = null;
  beforeAll(async () => {
    server = await startFixtureServer(undefined, {
      '/hostile/plan.html': withHostileScript(ORIGINAL),
      '/hostile/reprint.html': withHostileScript(toTraditional(ORIGINAL)),
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('cannot read the editor or the card, or list the noted clause, whatever it defined first', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('hostile/plan.html', 'www.nmg.gov.cn'));
    await waitForNotes(browser, page, () => true);
    expect(await page.evaluate(() => typeof (window as { __readAll?: unknown }).__readAll)).toBe('function');

    // The reader types a note: while the editor is open the page looks everywhere it can.
    await openEditorOn(page, CLAUSE);
    await fillInNotesUi(page, { role: 'textbox', name: 'Note' }, SECRET);
    const whileTyping = await readFromPage(page);
    typedSeen = await page.evaluate(() =>
      (window as unknown as { __got: { typed: string[] } }).__got.typed.join(''),
    );
    expect(whileTyping.text).not.toContain(SECRET);
    expect(whileTyping.rootsHeld).toBe(0);
    await clickInNotesUi(page, { role: 'button', name: 'Save' });
    await waitForNotes(browser, page, (s) => s.notes.some((n) => n.note.body === SECRET));

    // The note is marked (drawn inside our closed UI), and the card shows it on hover.
    await expect.poll(() => markTexts(page, 'note', 'purple')).toEqual([CLAUSE]);
    await hoverNoteMark(page);
    await expect.poll(() => notesUiText(page, NOTES_UI.card)).toContain(SECRET);
    const whileShown = await readFromPage(page);
    expect(whileShown.text).not.toContain(SECRET);
    expect(whileShown.rootsHeld).toBe(0);
    // Which clause carries a note is not listed in CSS.highlights either.
    expect(await noteHighlights(page)).toEqual([]);
    // The card is still up: the page looked while it was shown.
    expect(await notesUiText(page, NOTES_UI.card)).toContain(SECRET);
    await page.close();
  });

  it('shows a note from another copy only when the reader asks, and never lists it to the page', async () => {
    const reprint = await browser.context.newPage();
    await reprint.goto(server.url('hostile/reprint.html', 'www.northnews.example'));
    await waitForNotes(browser, reprint, (s) => s.notes.some((n) => n.offered && n.placement === 'anchored'));
    expect(await noteHighlights(reprint)).toEqual([]);
    expect(await markTexts(reprint, 'offered')).toEqual([]);
    await clickInNotesUi(reprint, { role: 'button', name: 'Show notes from other copies' });
    await expect.poll(() => markTexts(reprint, 'offered')).toEqual([toTraditional(CLAUSE)]);
    expect(await noteHighlights(reprint)).toEqual([]);
    const read = await readFromPage(reprint);
    expect(read.text).not.toContain(SECRET);
    expect(read.text).not.toContain('www.nmg.gov.cn');
    await reprint.close();
  });

  // Key and input events are composed: typed into any element of the page's document (shadow roots
  // included) they reach the page's capture listeners. The editor is an extension frame, so they
  // never are. (Checked after the typing test; an empty record without it would prove nothing.)
  it('does not let the page read what is typed through key and input events', () => {
    expect(typedSeen).not.toBe(null);
    expect(typedSeen).toBe('');
  });
});
