/**
 * The side panel on a tab that shows the PlanLens PDF reader, in Firefox ESR: the panel page (opened
 * as a tab pinned to the reader's tab, `sidepanel.html?tabId=`) lists the reader's quantities, and
 * a row click shows the quantity in the reader with its card — the panel reaches the reader's
 * extension page in its tab with `tabs.sendMessage`, as in Chromium (tests/browser/pdf-side-panel).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, PAGES_DIR, startFixtureServer, type FixtureServer } from '../browser/harness';
import {
  readPdfHighlightsInPage,
  scrollHeadingNearTopInPage,
  selectClauseOnPage2InPage,
} from '../browser/pdf-helpers';
import { printPageToPdf } from '../browser/pdf-print';
import { EXTENSION_ORIGIN, launchFirefox, type FirefoxBrowser } from './firefox-harness';
import { extensionErrors, openPdfReader, pointerTo, waitInPage } from './firefox-helpers';

const ROWS = '[data-testid="targets-table"] tbody tr[data-index]';

/** In the panel page: the viewport centre of row `index`, scrolled into view (null: no such row). */
function rowPointInPage(rows: string, index: number): { x: number; y: number } | null {
  const row = document.querySelector<HTMLElement>(`${rows}[data-index="${index}"] td:nth-child(2)`);
  if (!row) return null;
  row.scrollIntoView({ block: 'center' });
  const box = row.getBoundingClientRect();
  return { x: Math.round(box.left + box.width / 2), y: Math.round(box.top + box.height / 2) };
}

/** In the reader: the focus highlight's text, whether its first range is in view, and the card's text. */
function readFocusInPage(): { text: string; inView: boolean; card: string } {
  const ranges = [...(CSS.highlights.get('planlens-focus') ?? [])];
  const first = ranges[0];
  let inView = false;
  if (first) {
    const live = document.createRange();
    live.setStart(first.startContainer, first.startOffset);
    live.setEnd(first.endContainer, first.endOffset);
    const box = live.getBoundingClientRect();
    inView = box.top >= 0 && box.bottom <= innerHeight;
  }
  const card = document.getElementById('card');
  return {
    text: ranges
      .map((r) => {
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        return live.toString();
      })
      .join(''),
    inView,
    card: card && !card.hidden && card.getClientRects().length > 0 ? (card.textContent ?? '') : '',
  };
}

describe('the side panel on the PDF reader in Firefox', () => {
  let ff: FirefoxBrowser;
  let pages: FixtureServer;
  let pdfs: FixtureServer;
  let dir: string;
  let readerTab: string;
  let panelTab: string;

  beforeAll(async () => {
    pages = await startFixtureServer(PAGES_DIR);
    dir = await mkdtemp(path.join(tmpdir(), 'planlens-ff-pdf-panel-'));
    const chromium = await launchBrowser({ extension: false });
    try {
      const printer = await chromium.context.newPage();
      await writeFile(
        path.join(dir, 'plan.pdf'),
        await printPageToPdf(printer, pages.url('gov-portal-plan-2026.html')),
      );
    } finally {
      await chromium.close();
    }
    pdfs = await startFixtureServer(dir);
    ff = await launchFirefox({ locale: 'en-US' });
    await openPdfReader(ff, pdfs.url('plan.pdf'));
    readerTab = (await ff.client.send<{ value: string }>('WebDriver:GetWindowHandle')).value;
    // The reader's own tab id, asked in the reader (a page opened just to ask would be unloaded
    // with requests pending, which Firefox reports as errors of the extension).
    const tabId = await ff.evaluate(async () => {
      const api = (window as unknown as { browser: { tabs: { getCurrent(): Promise<{ id?: number }> } } })
        .browser;
      return (await api.tabs.getCurrent()).id ?? -1;
    });
    expect(tabId).toBeGreaterThan(0);
    panelTab = await ff.newTab();
    await ff.navigate(`${EXTENSION_ORIGIN}/sidepanel.html?tabId=${tabId}`);
  });
  afterAll(async () => {
    await ff?.close();
    await pdfs?.close();
    await pages?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('lists one row per highlight, and a row click shows its quantity in the reader with its card', async () => {
    await ff.switchTo(readerTab);
    const highlights = await ff.evaluate(readPdfHighlightsInPage);
    expect(highlights.length).toBeGreaterThan(10);
    expect((await ff.evaluate(readFocusInPage)).text).toBe('');
    await ff.switchTo(panelTab);
    const quotes = (await waitInPage(
      ff,
      (rows: string, count: number) => {
        const quotes = [...document.querySelectorAll(rows)].map(
          (tr) => tr.querySelector('td:nth-child(2)')?.textContent ?? '',
        );
        return quotes.length === count ? quotes : null;
      },
      [ROWS, highlights.length],
      `${highlights.length} rows in the Targets table`,
      15_000,
    ))!;
    quotes.forEach((quote, i) => expect(highlights[i]!.text.replace(/\s/g, ''), quote).toContain(quote));
    // A quantity far down the document, out of view in the reader until the row is clicked.
    const pick = Math.floor(highlights.length * 0.8);
    const point = await ff.evaluate(rowPointInPage, ROWS, pick);
    expect(point).not.toBeNull();
    await pointerTo(ff, point!.x, point!.y, true);
    await ff.switchTo(readerTab);
    const focus = await waitInPage(
      ff,
      (want: string) => {
        const ranges = [...(CSS.highlights.get('planlens-focus') ?? [])];
        const text = ranges
          .map((r) => {
            const live = document.createRange();
            live.setStart(r.startContainer, r.startOffset);
            live.setEnd(r.endContainer, r.endOffset);
            return live.toString();
          })
          .join('');
        return text === want;
      },
      [highlights[pick]!.text],
      'the focus on the clicked quantity',
    );
    expect(focus).toBe(true);
    const shown = await ff.evaluate(readFocusInPage);
    expect(shown.inView).toBe(true);
    expect(shown.card).toContain('Indicator');
  });

  it('Outline: a section click brings its heading into view in the reader', async () => {
    await ff.switchTo(readerTab);
    await ff.evaluate(() => scrollTo(0, 0));
    await ff.switchTo(panelTab);
    await ff.evaluate(() => document.getElementById('tab-outline')!.click());
    // The last heading (`十四、`): the reader starts at the top, far from it.
    const heading = await waitInPage(
      ff,
      () => {
        const sections = [...document.querySelectorAll<HTMLElement>('[data-testid="outline"] button')];
        if (sections.length <= 3) return '';
        const last = sections[sections.length - 1]!;
        const title = (last.querySelector('span')?.textContent ?? '').replace(/\s/g, '').slice(0, 3);
        last.click();
        return title;
      },
      [],
      'the outline',
    );
    await ff.switchTo(readerTab);
    await waitInPage(
      ff,
      (start: string) =>
        [...document.querySelectorAll<HTMLElement>('.textLayer span')]
          .filter((span) => {
            const box = span.getBoundingClientRect();
            return box.top >= 0 && box.bottom <= innerHeight;
          })
          .map((span) => span.textContent)
          .join('')
          .replace(/\s/g, '')
          .includes(start),
      [heading],
      `the heading ${heading} in view`,
    );
  });

  it('Outline: the section the reader scrolls to is marked current, and scrolling back marks the earlier one', async () => {
    await ff.switchTo(panelTab);
    await ff.evaluate(() => document.getElementById('tab-outline')!.click());
    const titles = await waitInPage(
      ff,
      () => {
        const sections = [...document.querySelectorAll<HTMLElement>('[data-testid="outline"] button')].map(
          (b) => ({ title: b.querySelector('span')?.textContent ?? '', start: Number(b.dataset.offset) }),
        );
        // Sections with a long text before the next heading, so only their heading is near the line.
        const long = sections
          .filter((s, k) => (sections[k + 1]?.start ?? Infinity) - s.start > 400)
          .map((s) => s.title);
        return long.length > 2 ? long : null;
      },
      [],
      'the outline',
    );
    for (const title of [titles!.at(-1)!, titles![1]!]) {
      await ff.switchTo(readerTab);
      await ff.evaluate(scrollHeadingNearTopInPage, title);
      await ff.switchTo(panelTab);
      await waitInPage(
        ff,
        (want: string) => document.querySelector('[aria-current="location"] span')?.textContent === want,
        [title],
        `the section ${title} marked current`,
      );
    }
  });

  it('Notes: a note made in the reader is listed, and a click shows it', async () => {
    await ff.switchTo(readerTab);
    await ff.evaluate(() => scrollTo(0, 0));
    const chosen = await ff.evaluate(selectClauseOnPage2InPage);
    await waitInPage(ff, () => !document.getElementById('add-note')!.hidden, [], 'the Add note button');
    await ff.evaluate(() => {
      document.getElementById('add-note')!.click();
      (document.getElementById('note-body') as HTMLTextAreaElement).value = '面板里也要看到';
      (document.getElementById('note-editor') as HTMLFormElement).requestSubmit();
    });
    await waitInPage(ff, () => document.documentElement.dataset.planlensNotes === '1', [], 'the note placed');
    await ff.evaluate(() => scrollTo(0, 0));
    await ff.switchTo(panelTab);
    await ff.evaluate(() => document.getElementById('tab-notes')!.click());
    const listed = await waitInPage(
      ff,
      () => {
        const items = [
          ...document.querySelectorAll<HTMLElement>('ol[aria-label="On this page"] button[data-note-id]'),
        ];
        if (items.length !== 1) return '';
        items[0]!.click();
        return items[0]!.textContent ?? '';
      },
      [],
      'the note listed on this page',
    );
    expect(listed).toContain(chosen);
    expect(listed).toContain('面板里也要看到');
    await ff.switchTo(readerTab);
    await waitInPage(
      ff,
      () => {
        const r = [...(CSS.highlights.get('planlens-note-yellow') ?? [])][0];
        if (!r) return false;
        const box = (r.startContainer.parentElement as HTMLElement).getBoundingClientRect();
        return box.top >= 0 && box.bottom <= innerHeight;
      },
      [],
      'the note in view in the reader',
    );
  });

  it('left no errors in the extension', async () => {
    expect(await extensionErrors(ff)).toEqual([]);
  });
});
