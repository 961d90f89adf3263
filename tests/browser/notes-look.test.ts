/**
 * How notes look on the page: a note cannot be taken for a target or an achieved figure, every
 * piece of the notes UI follows dark mode, and the hover card stays with its clause when the page
 * scrolls.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { colorsCollide, DEFAULT_HIGHLIGHT_COLORS } from '../../lib/settings/highlight-colors';
import { launchBrowser, startFixtureServer, type FixtureServer, type TestBrowser } from './harness';
import {
  addNoteThroughToolbar,
  clickInNotesUi,
  findInNotesUi,
  hoverNoteMark,
  noteMarks,
  NOTES_UI,
  notesUiStyle,
  notesUiText,
  waitForNotes,
} from './notes-helpers';

const CLAUSE = '投入帮扶资金90亿元以上';
const BODY = '深色模式下也要看得清';

/** `rgb(r, g, b)` / `rgba(r, g, b, a)` as `#rrggbb` (alpha dropped) and the alpha. */
function parseRgb(css: string | null): { hex: string; alpha: number } {
  const parts = /rgba?\((\d+), (\d+), (\d+)(?:, ([\d.]+))?\)/u.exec(css ?? '');
  if (!parts) throw new Error(`not an rgb colour: ${css}`);
  const hex = `#${parts
    .slice(1, 4)
    .map((n) => Number(n).toString(16).padStart(2, '0'))
    .join('')}`;
  return { hex, alpha: parts[4] === undefined ? 1 : Number(parts[4]) };
}

/** Relative luminance (0 black … 1 white) of an opaque `#rrggbb`. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The top of the note card's centre (the card's `y` is its centre) and the first mark box's top. */
async function cardAndClause(page: Page): Promise<{ card: number; clause: number } | null> {
  const card = await findInNotesUi(page, NOTES_UI.card);
  const box = (await noteMarks(page)).find((m) => m.kind === 'note')?.boxes[0];
  return card && box ? { card: card.y, clause: box.top } : null;
}

describe('how notes look', () => {
  let browser: TestBrowser;
  let server: FixtureServer;
  let page: Page;
  beforeAll(async () => {
    server = await startFixtureServer();
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await page.setViewportSize({ width: 1000, height: 700 });
    await page.goto(server.url('gov-portal-plan-2026.html', 'www.nmg.gov.cn'));
    await waitForNotes(browser, page, () => true);
    await addNoteThroughToolbar(page, CLAUSE, BODY);
    await waitForNotes(browser, page, (s) => s.notes.some((n) => n.note.body === BODY));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('draws a new note in violet with a double underline, unlike a target or an achieved figure', async () => {
    await expect
      .poll(async () => (await noteMarks(page)).map((m) => [m.kind, m.color]))
      .toEqual([['note', 'purple']]);
    const fill = parseRgb(await notesUiStyle(page, '[data-mark=note] > div', 'background-color'));
    expect(fill.alpha).toBeGreaterThan(0);
    expect(colorsCollide(fill.hex, DEFAULT_HIGHLIGHT_COLORS.target)).toBe(false);
    expect(colorsCollide(fill.hex, DEFAULT_HIGHLIGHT_COLORS.achieved)).toBe(false);
    // Targets have a solid underline, achieved figures a dotted one: notes a double one.
    expect(await notesUiStyle(page, '[data-mark=note] > div', 'border-bottom-style')).toBe('double');
    const line = parseRgb(await notesUiStyle(page, '[data-mark=note] > div', 'border-bottom-color'));
    expect(colorsCollide(line.hex, DEFAULT_HIGHLIGHT_COLORS.target)).toBe(false);
    expect(colorsCollide(line.hex, DEFAULT_HIGHLIGHT_COLORS.achieved)).toBe(false);
  });

  it('keeps the card on its clause when the page scrolls', async () => {
    await page.emulateMedia({ colorScheme: 'light' });
    await hoverNoteMark(page);
    await expect.poll(() => notesUiText(page, NOTES_UI.card)).toContain(BODY);
    // The pointer rests on the card (which keeps it open) while the page scrolls under it.
    const card = await findInNotesUi(page, NOTES_UI.card);
    await page.mouse.move(card!.x, card!.y);
    const before = await cardAndClause(page);
    expect(before).not.toBeNull();
    await page.evaluate(() => window.scrollBy(0, 90));
    await expect
      .poll(async () => {
        const after = await cardAndClause(page);
        return after && [Math.round(before!.clause - after.clause), Math.round(before!.card - after.card)];
      })
      .toEqual([90, 90]);
  });

  it('follows dark mode in the card, the marks and the toast', async () => {
    await page.emulateMedia({ colorScheme: 'light' });
    await hoverNoteMark(page);
    await expect.poll(() => notesUiText(page, NOTES_UI.card)).toContain(BODY);
    const light = parseRgb(await notesUiStyle(page, '.card', 'background-color'));
    expect(luminance(light.hex)).toBeGreaterThan(0.8);
    expect(await notesUiStyle(page, '.underlay', 'mix-blend-mode')).toBe('multiply');

    await page.emulateMedia({ colorScheme: 'dark' });
    await expect
      .poll(async () => luminance(parseRgb(await notesUiStyle(page, '.card', 'background-color')).hex))
      .toBeLessThan(0.05);
    const text = parseRgb(await notesUiStyle(page, '.card .body', 'color'));
    expect(luminance(text.hex)).toBeGreaterThan(0.7);
    // Multiplying a tint into a dark page would blacken its text: marks are laid over it instead.
    expect(await notesUiStyle(page, '.underlay', 'mix-blend-mode')).toBe('normal');

    await clickInNotesUi(page, { role: 'button', name: 'Delete', within: NOTES_UI.card });
    await expect.poll(() => findInNotesUi(page, { role: 'status' })).not.toBeNull();
    const toast = parseRgb(await notesUiStyle(page, '.toast', 'background-color'));
    expect(luminance(toast.hex)).toBeLessThan(0.05);
    await clickInNotesUi(page, { role: 'button', name: 'Undo', within: { role: 'status' } });
    await waitForNotes(browser, page, (s) => s.notes.some((n) => n.note.body === BODY));
    await page.emulateMedia({ colorScheme: 'light' });
  });
});
