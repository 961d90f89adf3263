/**
 * Note secrecy in Firefox, against the page script of the Chromium suite (tests/browser/
 * hostile-notes-page.ts): a page that claims our old host tag names as custom elements, overrides
 * `attachShadow`, `attachInternals` and `CSS.highlights.set`, records every node added and listens
 * for every key and input event reads nothing of a note while it is typed, saved or shown, and
 * cannot list the noted clause.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGES_DIR, startFixtureServer, type FixtureServer } from '../browser/harness';
import { withHostileScript } from '../browser/hostile-notes-page';
import { launchFirefox, type FirefoxBrowser } from './firefox-harness';
import { extensionErrors, pointerTo, typeText, waitInPage } from './firefox-helpers';
import { findUi, lookUpUi, noteMarksInPage, noteMarkTextsInPage, selectTextInPage } from './notes-ui';

const CLAUSE = '投入帮扶资金90亿元以上';
/** Typed with WebDriver key actions (one key per character), hence ASCII. */
const SECRET = 'private: this target is too low, ask the bureau 0471';
const ORIGINAL = readFileSync(path.join(PAGES_DIR, 'gov-portal-plan-2026.html'), 'utf8');

/** In the page's own world: everything its script could reach (see HOSTILE_SCRIPT). */
function readAllInPage(): { text: string; rootsHeld: number; typed: string; noted: string[] } {
  const page = window as unknown as {
    __readAll(): { text: string; rootsHeld: number };
    __noteHighlights(): string[];
    __got: { typed: string[] };
  };
  return { ...page.__readAll(), typed: page.__got.typed.join(''), noted: page.__noteHighlights() };
}

describe('a hostile page learns nothing of the notes in Firefox', () => {
  let ff: FirefoxBrowser;
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer(undefined, { '/hostile/plan.html': withHostileScript(ORIGINAL) });
    ff = await launchFirefox();
  });
  afterAll(async () => {
    await ff?.close();
    await server?.close();
  });

  it('cannot read the editor or the card, list the noted clause, or hear the typing', async () => {
    await ff.navigate(server.url('hostile/plan.html', 'www.nmg.gov.cn'));
    await waitInPage(
      ff,
      () => performance.getEntriesByName('planlens:anchor').length > 0,
      [],
      "the notes feature's first pass",
    );
    expect(await ff.evaluate(() => typeof (window as { __readAll?: unknown }).__readAll)).toBe('function');

    expect(await ff.evaluate(selectTextInPage, CLAUSE)).toBe(true);
    const add = await findUi(ff, { role: 'button', name: 'Add note' });
    await pointerTo(ff, Math.round(add.x), Math.round(add.y), true);
    const box = await findUi(ff, { role: 'textbox', name: 'Note' }, 30_000);
    await pointerTo(ff, Math.round(box.x), Math.round(box.y), true);
    await typeText(ff, SECRET);
    expect((await findUi(ff, { role: 'textbox', name: 'Note' })).value).toBe(SECRET);
    // While the editor is open, the page looks everywhere it can.
    const whileTyping = await ff.evaluate(readAllInPage);
    // (It does read the page: the clause is there.)
    expect(whileTyping.text).toContain(CLAUSE);
    expect(whileTyping.text).not.toContain(SECRET);
    expect(whileTyping.rootsHeld).toBe(0);
    expect(whileTyping.typed).toBe('');

    const save = await findUi(ff, { role: 'button', name: 'Save' });
    await pointerTo(ff, Math.round(save.x), Math.round(save.y), true);
    await expect
      .poll(() => ff.evaluatePrivileged(noteMarkTextsInPage), { timeout: 15_000 })
      .toEqual([CLAUSE]);

    // The card shows the note on hover; the page looks while it is up.
    await expect
      .poll(
        async () => {
          const mark = (await ff.evaluatePrivileged(noteMarksInPage)).find((m) => m.kind === 'note');
          if (mark?.box) {
            await pointerTo(ff, 1, 1);
            await pointerTo(ff, mark.box.x, mark.box.y);
          }
          return (await lookUpUi(ff, { role: 'dialog', name: 'PlanLens note' }))?.text ?? '';
        },
        { timeout: 15_000 },
      )
      .toContain(SECRET);
    const whileShown = await ff.evaluate(readAllInPage);
    expect(whileShown.text).not.toContain(SECRET);
    expect(whileShown.rootsHeld).toBe(0);
    expect(whileShown.noted).toEqual([]);
    expect(whileShown.typed).toBe('');
    expect((await lookUpUi(ff, { role: 'dialog', name: 'PlanLens note' }))?.text).toContain(SECRET);
    // (Its listeners do hear typing in its own document.)
    await pointerTo(ff, 5, 5, true);
    await typeText(ff, 'q');
    expect((await ff.evaluate(readAllInPage)).typed).toContain('q');
    expect(await extensionErrors(ff)).toEqual([]);
  });
});
