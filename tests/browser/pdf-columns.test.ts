/**
 * A PDF set in two columns, read as a person reads it: left column top to bottom, then the right.
 *
 * Chromium's print to PDF of a CSS `column-count: 2` page writes the runs column by column already
 * (checked with pdf.js while writing this test: the first column's runs all come before the
 * second's), which reads right even in run order. So the page here is built the way the PDFs that
 * interleave are: each row holds a line of the left column and the line of the right column beside
 * it, in that order, so the PDF's runs go line by line across both columns. The test checks that
 * the printed PDF does interleave, then that the reader reads the columns apart.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, startFixtureServer, type FixtureServer, type TestBrowser } from './harness';
import { squash } from './fixture-gold';
import { cutLines } from './plan-pdf';

const TITLE = '中华人民共和国2024年国民经济和社会发展统计公报';
// Sentences of the 2024 statistical bulletin (国家统计局).
const PARAGRAPHS = [
  '初步核算，全年国内生产总值1349084亿元，比上年增长5.0%。其中，第一产业增加值91414亿元，比上年增长3.5%；第二产业增加值492087亿元，增长5.3%；第三产业增加值765583亿元，增长5.0%。',
  '全年人均国内生产总值95749元，比上年增长5.1%。国民总收入1339672亿元，比上年增长5.1%。全员劳动生产率为173898元/人，比上年提高4.9%。',
  '年末全国就业人员73439万人，其中城镇就业人员47345万人，占全国就业人员比重为64.5%。全年城镇新增就业1256万人，比上年增加12万人。全年全国城镇调查失业率平均值为5.1%。年末全国城镇调查失业率为5.1%。',
  '全年居民消费价格比上年上涨0.2%。工业生产者出厂价格下降2.2%。工业生产者购进价格下降2.2%。年末国家外汇储备32024亿美元，比上年末减少1356亿美元。',
];
/** A quantity the second column cuts across two of its lines (`…下降2.` | `2%。…`), and its first line's end. */
const CUT_QUANTITY = '2.2%';
const CUT_QUANTITY_HEAD = '下降2.';
/** Full-width cells per column line. */
const CELLS = 15;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * One A4 page: the title across both columns, then rows of two lines, the left column's line
 * written before the right column's. Lines that do not end a paragraph are justified to the
 * column's width, as a word processor sets them.
 */
function buildTwoColumnHtml(): { html: string; left: string[]; right: string[] } {
  const lines = cutLines(PARAGRAPHS, CELLS);
  const half = Math.ceil(lines.length / 2);
  const [left, right] = [lines.slice(0, half), lines.slice(half)];
  const cell = (line: { text: string; last: boolean } | undefined) =>
    line ? `<div class="${line.last ? 'line last' : 'line'}">${escapeHtml(line.text)}</div>` : '<div></div>';
  const rows = left.map((line, k) => `<div class="row">${cell(line)}${cell(right[k])}</div>`).join('');
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${TITLE}</title><style>
@page { size: A4; margin: 0; }
body { margin: 0; }
.page { width: 210mm; height: 296mm; padding-top: 30mm; box-sizing: border-box; font: 18px/1 "Noto Serif CJK SC", serif; }
h1 { font-size: 22px; text-align: center; margin: 0 0 12mm; font-weight: normal; }
.row { display: flex; gap: 36px; justify-content: center; height: 32px; }
.row > div { width: ${CELLS * 18}px; }
.line { white-space: pre; text-align: justify; text-align-last: justify; }
.line.last { text-align-last: start; }
</style></head><body><section class="page"><h1>${TITLE}</h1>${rows}</section></body></html>`;
  return {
    html,
    left: left.map((l) => l.text),
    right: right.map((l) => l.text),
  };
}

describe('the PDF reader on a two-column page', () => {
  let browser: TestBrowser;
  let pdfs: FixtureServer;
  let pdfDir: string;
  let reader: Page;
  let layout: ReturnType<typeof buildTwoColumnHtml>;

  beforeAll(async () => {
    pdfDir = await mkdtemp(path.join(tmpdir(), 'planlens-pdf-columns-'));
    browser = await launchBrowser({ locale: 'en-US' });
    const printer = await browser.context.newPage();
    layout = buildTwoColumnHtml();
    await printer.setContent(layout.html);
    await printer.emulateMedia({ media: 'print' });
    await writeFile(
      path.join(pdfDir, 'bulletin.pdf'),
      await printer.pdf({ format: 'A4', preferCSSPageSize: true }),
    );
    await printer.close();
    pdfs = await startFixtureServer(pdfDir);
    reader = await browser.context.newPage();
    await reader.goto(
      `chrome-extension://${browser.extensionId}/viewer.html?file=${encodeURIComponent(pdfs.url('bulletin.pdf'))}`,
    );
    await reader.waitForFunction(
      () => document.documentElement.dataset.planlensReader === 'ready',
      undefined,
      {
        timeout: 30_000,
      },
    );
  });
  afterAll(async () => {
    await browser?.close();
    await pdfs?.close();
    if (pdfDir) await rm(pdfDir, { recursive: true, force: true });
  });

  it('the printed PDF writes its runs line by line across both columns', async () => {
    // The text layer's spans follow the PDF's runs: in layer order, the second column's first line
    // comes before the first column's second line.
    const layer = await reader.evaluate(() =>
      [...document.querySelectorAll('.textLayer span')].map((span) => span.textContent ?? '').join(''),
    );
    const squashed = squash(layer);
    const secondLine = squashed.indexOf(squash(layout.left[1]!).slice(0, 6));
    const rightFirst = squashed.indexOf(squash(layout.right[0]!).slice(0, 6));
    expect(rightFirst).toBeGreaterThan(0);
    expect(rightFirst).toBeLessThan(secondLine);
  });

  it('reads the left column through before the right, sentences and quantities whole', async () => {
    const reading = squash(
      await reader.evaluate(() => (window as unknown as { __reading: string }).__reading),
    );
    expect(reading).toBe(squash([TITLE, ...PARAGRAPHS].join('')));
  });

  it('highlights a quantity the second column cuts across its lines whole, on the right half of the page', async () => {
    // `下降2.` | `2%`: the cut is at the end of a line of the right column.
    const cut = layout.right.findIndex((line) => line.endsWith(CUT_QUANTITY_HEAD));
    expect(cut).toBeGreaterThan(0);
    expect(layout.right[cut + 1]).toMatch(/^2%/);
    const pieces = await reader.evaluate(() =>
      ['target', 'achieved'].flatMap((kind) =>
        [...(CSS.highlights.get(`planlens-${kind}`) ?? [])].map((r) => {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          const box = range.getClientRects()[0]!;
          const page = r.startContainer.parentElement!.closest('.page')!.getBoundingClientRect();
          return {
            text: range.toString().replace(/\s/g, ''),
            right: box.left > page.left + page.width / 2,
            x: box.left + box.width / 2,
            y: box.top + box.height / 2,
          };
        }),
      ),
    );
    // Two pieces on the right half: the end of one line and the start of the next.
    const head = pieces.find((p) => p.right && p.text.endsWith('2.'));
    const tail = pieces.find((p) => p.right && p.text.startsWith('2%'));
    expect(head).toBeDefined();
    expect(tail).toBeDefined();
    expect(tail!.y).toBeGreaterThan(head!.y);
    // They are one quantity: its card names it whole.
    await reader.mouse.move(head!.x, head!.y);
    await expect.poll(() => reader.locator('#card').isVisible()).toBe(true);
    expect(squash((await reader.locator('#card').textContent()) ?? '')).toContain(CUT_QUANTITY);
  });
});
