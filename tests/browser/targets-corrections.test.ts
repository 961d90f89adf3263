import { readFile } from 'node:fs/promises';
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
import { readHighlight, rectOfText, tabIdOf, waitForHighlights } from './highlight-helpers';
import { parseCsv } from '../helpers/parse-csv';

const ORIGINAL = readFileSync(path.join(PAGES_DIR, 'gov-portal-plan-2026.html'), 'utf8');
const toTraditional = Converter({ from: 'cn', to: 'tw' });

/** The plan with its body repeated: a long table (over 400 rows) that draws only the rows near the view. */
function longPlan(copies: number): string {
  const open = ORIGINAL.indexOf('<div class="article-body">') + '<div class="article-body">'.length;
  const close = ORIGINAL.indexOf('      </div>\n      <div class="share-panel"');
  return ORIGINAL.slice(0, open) + ORIGINAL.slice(open, close).repeat(copies) + ORIGINAL.slice(close);
}

/** The table's rows: highlight index, kind, quote, indicator, correction flags. */
interface Row {
  index: number;
  indicator: string;
  quote: string;
  kind: string;
  corrected: string;
}
function readRows(panel: Page): Promise<Row[]> {
  return panel.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="targets-table"] tbody tr[data-index]')].map(
      (tr) => {
        const cells = [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '');
        return {
          index: Number(tr.dataset.index),
          indicator: cells[0]!,
          quote: cells[1]!,
          kind: cells[6]!,
          corrected: tr.dataset.corrected ?? '',
        };
      },
    ),
  );
}

const row = (panel: Page, index: number) =>
  panel.locator(`[data-testid="targets-table"] tbody tr[data-index="${index}"]`);

/** Highlight texts of both kinds, as `kind text`. */
async function readBoth(page: Page): Promise<{ target: string[]; achieved: string[] }> {
  return {
    target: await readHighlight(page, 'planlens-target'),
    achieved: await readHighlight(page, 'planlens-achieved'),
  };
}

async function openPanel(browser: TestBrowser, url: string, tab = 'targets'): Promise<Page> {
  const panel = await browser.context.newPage();
  await panel.goto(
    `chrome-extension://${browser.extensionId}/sidepanel.html?tab=${tab}&tabId=${await tabIdOf(browser, url)}`,
  );
  return panel;
}

describe('corrections from the Targets table', () => {
  let browser: TestBrowser;
  let server: FixtureServer;
  let page: Page;
  let panel: Page;
  let planUrl: string;
  let before: { target: string[]; achieved: string[] };
  /** The highlight texts we corrected: dismissed, switched to achieved, indicator fixed. */
  const picked = { dismissed: '', switched: '', renamed: '' };

  beforeAll(async () => {
    server = await startFixtureServer(undefined, {
      '/c/plan.html': ORIGINAL,
      '/c/reprint.html': toTraditional(ORIGINAL),
      '/c/long.html': longPlan(12),
    });
    browser = await launchBrowser({ locale: 'en-US' });
    page = await browser.context.newPage();
    planUrl = server.url('c/plan.html', 'www.nmg.gov.cn');
    await page.goto(planUrl);
    await waitForHighlights(page);
    panel = await openPanel(browser, planUrl);
    before = await readBoth(page);
    await panel.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="targets-table"] tbody tr[data-index]').length === n,
      before.target.length + before.achieved.length,
      { timeout: 15_000 },
    );
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('marks a row not a target, switches a kind by keyboard and fixes an indicator; the page follows', async () => {
    const rows = await readRows(panel);
    const all = [...before.target, ...before.achieved];
    // Quantities whose highlight text occurs once on the page, so the page's registry tells them apart.
    const unique = rows.filter(
      (r) => r.kind === 'target' && all.filter((text) => text.includes(r.quote)).length === 1,
    );
    expect(unique.length).toBeGreaterThan(3);
    const textOf = (r: Row) => before.target.find((text) => text.includes(r.quote))!;
    const [dismiss, switchKind, rename] = [unique[0]!, unique[1]!, unique[2]!];
    picked.dismissed = textOf(dismiss);
    picked.switched = textOf(switchKind);
    picked.renamed = textOf(rename);

    // Not a target: through the row's correction controls (mouse).
    await row(panel, dismiss.index).getByTestId('targets-correct').click();
    await panel.getByTestId('targets-dismiss').click();
    await expect.poll(() => readHighlight(page, 'planlens-target')).not.toContain(picked.dismissed);
    await expect.poll(() => panel.getByTestId('targets-dismissed').textContent()).toContain(dismiss.quote);

    // The other kind: K on the focused row (keyboard).
    const switchIndex = (await readRows(panel)).find((r) => r.quote === switchKind.quote)!.index;
    await row(panel, switchIndex).focus();
    await panel.keyboard.press('k');
    await expect.poll(() => readHighlight(page, 'planlens-achieved')).toContain(picked.switched);
    expect(await readHighlight(page, 'planlens-target')).not.toContain(picked.switched);

    // The indicator: I opens the editor on the focused row, Enter saves.
    const renameIndex = (await readRows(panel)).find((r) => r.quote === rename.quote)!.index;
    await row(panel, renameIndex).focus();
    await panel.keyboard.press('i');
    await panel.getByTestId('targets-indicator').fill('读者改的指标');
    await panel.keyboard.press('Enter');
    await expect
      .poll(async () => (await readRows(panel)).find((r) => r.quote === rename.quote)?.indicator)
      .toBe('读者改的指标');

    const after = await readRows(panel);
    expect(after).toHaveLength(before.target.length + before.achieved.length - 1);
    expect(after.find((r) => r.quote === switchKind.quote)).toMatchObject({
      kind: 'achieved',
      corrected: 'kind',
    });
    expect(after.find((r) => r.quote === rename.quote)?.corrected).toBe('indicator');
    expect(after.some((r) => r.quote === dismiss.quote && r.indicator === dismiss.indicator)).toBe(false);
  });

  it('flags corrected rows in the CSV export and leaves dismissed ones out', async () => {
    const [download] = await Promise.all([
      panel.waitForEvent('download'),
      panel.getByTestId('targets-export-csv').click(),
    ]);
    const bytes = await readFile((await download.path())!);
    const [header, ...records] = parseCsv(bytes.toString('utf8').slice(1));
    const col = (name: string) => header!.indexOf(name);
    expect(records).toHaveLength(before.target.length + before.achieved.length - 1);
    const flagged = records.filter((r) => r[col('corrected')] !== '');
    expect(flagged.map((r) => r[col('corrected')]).sort()).toEqual(['indicator', 'kind']);
    expect(flagged.find((r) => r[col('corrected')] === 'indicator')?.[col('indicator')]).toBe('读者改的指标');
    expect(flagged.find((r) => r[col('corrected')] === 'kind')?.[col('kind')]).toBe('achieved');
  });

  it('keeps the corrections after a reload', async () => {
    const corrected = await readBoth(page);
    await page.reload();
    await waitForHighlights(page);
    await expect.poll(() => readBoth(page), { timeout: 15_000 }).toEqual(corrected);
    expect(corrected.target).not.toContain(picked.dismissed);
    expect(corrected.achieved).toContain(picked.switched);
    await expect
      .poll(async () => (await readRows(panel)).filter((r) => r.corrected !== '').length, { timeout: 15_000 })
      .toBe(2);
  });

  it('applies them on a traditional reprint of the same document at another address', async () => {
    const reprint = await browser.context.newPage();
    await reprint.goto(server.url('c/reprint.html', 'www.northnews.example'));
    await waitForHighlights(reprint);
    const corrected = await readBoth(page);
    await expect
      .poll(() => readBoth(reprint), { timeout: 15_000 })
      .toEqual({
        target: corrected.target.map((t) => toTraditional(t)),
        achieved: corrected.achieved.map((t) => toTraditional(t)),
      });
    expect((await readBoth(reprint)).target).not.toContain(toTraditional(picked.dismissed));
    await reprint.close();
  });

  it('undoes the last correction from the table, and restores a dismissed quantity', async () => {
    await panel.getByTestId('targets-undo').click();
    await expect
      .poll(async () => (await readRows(panel)).filter((r) => r.corrected !== '').map((r) => r.corrected))
      .toEqual(['kind']);
    await panel.getByTestId('targets-dismissed').locator('summary').click();
    await panel.getByTestId('targets-restore').click();
    await expect.poll(() => readHighlight(page, 'planlens-target')).toContain(picked.dismissed);
    await expect.poll(() => panel.getByTestId('targets-dismissed').count()).toBe(0);
  });

  it('marks the row of the highlight under the pointer, in view, without taking focus', async () => {
    const rows = await readRows(panel);
    const last = rows.at(-1)!;
    const text = (await readBoth(page)).target
      .concat((await readBoth(page)).achieved)
      .find((t) => t.includes(last.quote))!;
    await panel.getByTestId('targets-filter-text').focus();
    const point = (await rectOfText(page, text))!;
    await page.mouse.move(point.x, point.y);
    await expect
      .poll(() =>
        panel.evaluate(
          () => (document.querySelector('tr[data-hovered]') as HTMLElement | null)?.dataset.index,
        ),
      )
      .toBe(String(last.index));
    const seen = await panel.evaluate(() => {
      const tr = document.querySelector('tr[data-hovered]')!.getBoundingClientRect();
      return {
        inView: tr.top >= 0 && tr.bottom <= window.innerHeight,
        focused: (document.activeElement as HTMLElement | null)?.dataset.testid,
      };
    });
    expect(seen).toEqual({ inView: true, focused: 'targets-filter-text' });
  });

  it('the Outline marks the section the reader scrolls to', async () => {
    const outline = await openPanel(browser, planUrl, 'outline');
    await outline.getByTestId('outline').waitFor({ timeout: 15_000 });
    const sections = await outline.locator('[data-testid="outline"] button').evaluateAll((buttons) =>
      buttons.map((b) => ({
        title: b.querySelector('span')!.textContent ?? '',
        start: Number((b as HTMLElement).dataset.offset),
      })),
    );
    expect(sections.length).toBeGreaterThan(3);
    // Sections with a long text before the next heading, so only their heading is near the line.
    const titles = sections
      .filter((s, k) => (sections[k + 1]?.start ?? Infinity) - s.start > 400)
      .map((s) => s.title);
    expect(titles.length).toBeGreaterThan(2);
    const current = () =>
      outline.evaluate(() => document.querySelector('[aria-current="location"] span')?.textContent ?? '');
    for (const title of [titles[1]!, titles[Math.floor(titles.length / 2)]!]) {
      await page.evaluate((t) => {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (!(node as Text).data.includes(t.slice(0, 12))) continue;
          const top = node.parentElement!.getBoundingClientRect().top + window.scrollY;
          window.scrollTo(0, top - window.innerHeight * 0.1);
          return;
        }
      }, title);
      await expect.poll(current, { timeout: 10_000 }).toBe(title);
    }
    await outline.close();
  });

  it('a long table draws the rows near the view, and the keyboard still reaches every row', async () => {
    const url = server.url('c/long.html', 'www.nmg.gov.cn');
    const long = await browser.context.newPage();
    await long.goto(url);
    await waitForHighlights(long);
    const highlights = (await readBoth(long)).target.length + (await readBoth(long)).achieved.length;
    expect(highlights).toBeGreaterThan(400);
    const longPanel = await openPanel(browser, url);
    const table = longPanel.getByTestId('targets-table');
    await expect
      .poll(() => table.getAttribute('aria-rowcount'), { timeout: 15_000 })
      .toBe(String(highlights + 1));
    const drawn = await longPanel.locator('tbody tr[data-index]').count();
    expect(drawn).toBeLessThan(highlights / 2);
    await longPanel.locator('tbody tr[data-index]').first().focus();
    await longPanel.keyboard.press('End');
    const focused = () =>
      longPanel.evaluate(() => (document.activeElement as HTMLElement | null)?.getAttribute('aria-rowindex'));
    await expect.poll(focused).toBe(String(highlights + 1));
    await longPanel.keyboard.press('ArrowUp');
    await expect.poll(focused).toBe(String(highlights));
    await longPanel.keyboard.press('Home');
    await expect.poll(focused).toBe('2');
    // Hovering a highlight far down the page draws and marks its row.
    const last = (await readBoth(long)).target.at(-1)!;
    const point = (await rectOfText(long, last, 7))!;
    await long.mouse.move(point.x, point.y);
    await expect
      .poll(() =>
        longPanel.evaluate(() =>
          Number(document.querySelector('tr[data-hovered]')?.getAttribute('aria-rowindex') ?? 0),
        ),
      )
      .toBeGreaterThan(highlights / 2);
    await longPanel.close();
    await long.close();
  });
});
