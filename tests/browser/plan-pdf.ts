/**
 * A plan laid out the way provincial governments publish them as PDF (seed 001 is the text of
 * one): A4 pages of fixed-width lines cut wherever the width runs out — inside words and inside
 * numbers (`22` at the end of one line, `万人` at the start of the next) — paragraphs indented by
 * two full-width spaces, a running header with the plan's title on every page and the page number
 * as `— 3 —` at the foot. Built as HTML here and printed to PDF by Chromium during the test run.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './harness';

/** Seed 001: the text of a PDF plan, one printed line per line (blank lines between). */
export const SEED_001 = path.join(ROOT, 'tests/fixtures/seeds/001_3671b968aed7ce7c.txt');

/** How the pages are laid out. */
export interface PlanPdfLayout {
  /** The running header on every page but the first. */
  header: string;
  /** Width of a line in full-width character cells (a digit or Latin letter is half a cell). */
  cellsPerLine?: number;
  linesPerPage?: number;
  /** Repeat the paragraphs (when needed) and cut the document to exactly this many pages. */
  pages?: number;
}

/** The paragraphs of a text printed one line per line: a line ending in 。：；！？ or shorter than most ends one. */
export function readParagraphs(text: string): string[] {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const paragraphs: string[] = [];
  let current = '';
  for (const line of lines) {
    current += line;
    if (/[。：；！？]$/.test(line) || [...line].length < 18) {
      paragraphs.push(current);
      current = '';
    }
  }
  if (current) paragraphs.push(current);
  return paragraphs;
}

/** Width of a character in cells: ASCII is half a cell. */
function cellsOf(ch: string): number {
  return ch.charCodeAt(0) < 0x80 ? 0.5 : 1;
}

/** Cuts paragraphs into lines of at most `cells` cells, anywhere (inside numbers too). Paragraphs start with two full-width spaces (U+3000). */
export function cutLines(
  paragraphs: readonly string[],
  cells: number,
): Array<{ text: string; last: boolean }> {
  const out: Array<{ text: string; last: boolean }> = [];
  for (const paragraph of paragraphs) {
    let line = '';
    let width = 0;
    for (const ch of `\u3000\u3000${paragraph}`) {
      if (width + cellsOf(ch) > cells) {
        out.push({ text: line, last: false });
        line = '';
        width = 0;
      }
      line += ch;
      width += cellsOf(ch);
    }
    out.push({ text: line, last: true });
  }
  return out;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * The HTML of the plan's pages, for Chromium's print to PDF (`format: 'A4'`, no margins, no
 * header/footer of its own). Lines that do not end their paragraph are justified to the full width,
 * as a word processor sets them; the last line of a paragraph is left short.
 */
export function buildPlanPdfHtml(text: string, layout: PlanPdfLayout): { html: string; pages: number } {
  const cells = layout.cellsPerLine ?? 28;
  const perPage = layout.linesPerPage ?? 30;
  const paragraphs = readParagraphs(text);
  let lines = cutLines(paragraphs, cells);
  if (layout.pages) {
    const wanted = layout.pages * perPage;
    while (lines.length < wanted) lines = [...lines, ...cutLines(paragraphs, cells)];
    lines = lines.slice(0, wanted);
  }
  const pages: string[] = [];
  for (let start = 0, n = 1; start < lines.length; start += perPage, n++) {
    const body = lines
      .slice(start, start + perPage)
      .map((line) => `<div class="${line.last ? 'line last' : 'line'}">${escapeHtml(line.text)}</div>`)
      .join('');
    const header = n === 1 ? '' : `<div class="header">${escapeHtml(layout.header)}</div>`;
    pages.push(
      `<section class="page">${header}<div class="body">${body}</div><div class="footer">— ${n} —</div></section>`,
    );
  }
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(layout.header)}</title><style>
@page { size: A4; margin: 0; }
body { margin: 0; }
.page { position: relative; width: 210mm; height: 296mm; overflow: hidden; break-after: page; font: 18px/1 "Noto Serif CJK SC", serif; }
.header { position: absolute; top: 14mm; left: 25mm; right: 25mm; text-align: center; font-size: 12px; border-bottom: 1px solid #000; padding-bottom: 2mm; }
.body { position: absolute; top: 32mm; left: 0; right: 0; margin: 0 auto; width: ${cells * 18}px; }
.line { height: 32px; white-space: pre; text-align: justify; text-align-last: justify; }
.line.last { text-align-last: start; }
.footer { position: absolute; bottom: 14mm; left: 0; right: 0; text-align: center; font-size: 14px; }
</style></head><body>${pages.join('')}</body></html>`;
  return { html, pages: pages.length };
}

/** Seed 001's text laid out as its PDF: its own length (13 pages), or exactly `pages` pages. */
export function buildSeed001PdfHtml(pages?: number): { html: string; pages: number } {
  return buildPlanPdfHtml(readFileSync(SEED_001, 'utf8'), {
    header: '2020年内蒙古自治区国民经济和社会发展计划',
    pages,
  });
}
