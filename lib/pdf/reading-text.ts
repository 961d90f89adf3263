/**
 * The text of a PDF as a person reads it, from the positioned text runs a PDF text layer holds,
 * with a map from every character back to the run it came from (so highlights land on the
 * text layer's spans).
 *
 * @module
 */
import { findColumns, type ColumnReading } from './columns';
import { foldRadicals } from './radicals';
import type { PdfPageText } from './text-runs';

export type { PdfPageText, PdfTextRun } from './text-runs';

/** The reading text and its map back to the runs. */
export interface PdfReadingText {
  /** Lines joined inside paragraphs; one `\n` between paragraphs; headers, footers, page numbers left out. */
  text: string;
  /** Per character of `text`: its page index, or -1 for a character the join inserted (space, `\n`). */
  page: Int32Array;
  /** Per character: the run's index in its page's `runs`. */
  run: Int32Array;
  /** Per character: its offset in the run's `str`. */
  offset: Int32Array;
  /** Offset in `text` where each page's kept text starts. */
  pageStarts: number[];
  /** How many lines were left out as running headers, footers or page numbers. */
  droppedLines: number;
}

/** A character on its way into the text, with where it came from. */
interface Glyph {
  ch: string;
  page: number;
  run: number;
  offset: number;
}

interface Line {
  glyphs: Glyph[];
  left: number;
  right: number;
  y: number;
  height: number;
  page: number;
  /** 0 or 1: the column of a two-column page it is in; -1: a page's full width. */
  column: number;
}

/** Characters that end a paragraph when they end a line. */
const PARAGRAPH_END = /[。；：！？!?;:]/;
/** Heading markers at the start of a line: 一、 （二） (三) 1. 第一章. */
const HEADING_START =
  /^(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十百\d]+[）)]|\d{1,3}[.．、](?!\d)|第[一二三四五六七八九十百\d]+[章节部分])/;
/** A line that is only a page number: `3`, `- 3 -`, `— 3 —`, `第3页`, `第 3 页 共 40 页`, `3/40`, `Page 3`. */
const PAGE_NUMBER =
  /^(?:[-—–－‐\s]*\d{1,4}[-—–－‐\s]*|第\s*\d{1,4}\s*页(?:\s*[，,]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*[/／]\s*\d{1,4}|(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?)$/i;
/** Share of the page height at the top and at the bottom where running headers and footers sit. */
const MARGIN_BAND = 0.12;

/** Whether a character is whitespace as the text layer writes it. */
function isBlank(ch: string): boolean {
  return /\s/.test(ch);
}

/**
 * Splits one page's runs into lines, in the order the runs come, or in `columns`' order on a
 * two-column page.
 */
function readLines(pageIndex: number, page: PdfPageText, columns: ColumnReading | null): Line[] {
  const lines: Line[] = [];
  let current: Line | undefined;
  let endsLine = true;
  const order = columns?.order ?? page.runs.map((_, k) => k);
  order.forEach((runIndex) => {
    const run = page.runs[runIndex]!;
    const column = columns?.column[runIndex] ?? -1;
    if (run.str === '') {
      if (run.hasEOL) endsLine = true;
      return;
    }
    const height = Math.max(run.height, 1);
    const newLine =
      !current ||
      endsLine ||
      Math.abs(run.y - current.y) > 0.5 * Math.max(height, current.height) ||
      run.x < current.right - 2 * height ||
      column !== current.column;
    if (newLine) {
      current = { glyphs: [], left: run.x, right: run.x, y: run.y, height, page: pageIndex, column };
      lines.push(current);
    } else if (current) {
      // A visible gap between runs on one line is a space the runs do not write.
      const gap = run.x - current.right;
      const last = current.glyphs[current.glyphs.length - 1];
      if (gap > 0.25 * height && last && !isBlank(last.ch) && !isBlank(run.str[0]!)) {
        current.glyphs.push({ ch: ' ', page: -1, run: -1, offset: -1 });
      }
    }
    const line = current!;
    const str = foldRadicals(run.str);
    for (let k = 0; k < str.length; k++) {
      line.glyphs.push({ ch: str[k]!, page: pageIndex, run: runIndex, offset: k });
    }
    line.left = Math.min(line.left, run.x);
    line.right = Math.max(line.right, run.x + run.width);
    line.height = Math.max(line.height, height);
    endsLine = run.hasEOL;
  });
  for (const line of lines) trimLine(line);
  return lines.filter((line) => line.glyphs.length > 0);
}

/** Drops leading and trailing blanks, and the spaces of letter-spaced digits (`2 0 2 6 年` → `2026年`). */
function trimLine(line: Line): void {
  const g = line.glyphs;
  let start = 0;
  let end = g.length;
  while (start < end && isBlank(g[start]!.ch)) start++;
  while (end > start && isBlank(g[end - 1]!.ch)) end--;
  const kept = g.slice(start, end);
  const text = kept.map((glyph) => glyph.ch).join('');
  const drop = new Set<number>();
  // Single digits each followed by one space: three or more of them, or two before a unit or a
  // Han character, are one number set with letter-spacing.
  const spaced = /(?<![\d.,])\d(?: \d)+(?![\d.,]| \d)/g;
  for (let m = spaced.exec(text); m; m = spaced.exec(text)) {
    const digits = (m[0].length + 1) / 2;
    const after = text.slice(m.index + m[0].length).replace(/^ /, '');
    if (digits >= 3 || /^[%％年月日万亿个\u4e00-\u9fff]/.test(after)) {
      for (let k = m.index + 1; k < m.index + m[0].length; k += 2) drop.add(k);
    }
  }
  line.glyphs = kept.filter((_, k) => !drop.has(k));
}

/** The text of a line, blanks removed and digits folded: the same running header on every page. */
function readLineKey(line: Line): string {
  return line.glyphs
    .map((glyph) => glyph.ch)
    .join('')
    .replace(/\s+/g, '')
    .replace(/\d+/g, '#');
}

/** Whether a line sits in the top or bottom band of its page. */
function isInMargin(line: Line, page: PdfPageText): boolean {
  return line.y > page.height * (1 - MARGIN_BAND) || line.y < page.height * MARGIN_BAND;
}

/**
 * Lines that are running headers, footers or page numbers: in the top or bottom band of a page and
 * either a page number, or the same text (digits aside) in the band of at least three pages and
 * a third of all pages. Any line in the bands is a candidate: PDF makers put headers and footers
 * anywhere in a page's content stream (Chromium writes them last).
 */
function findRunningLines(pages: readonly PdfPageText[], linesByPage: Line[][]): Set<Line> {
  const candidates: Line[] = [];
  linesByPage.forEach((lines, p) => {
    for (const line of lines) if (isInMargin(line, pages[p]!)) candidates.push(line);
  });
  const pagesByKey = new Map<string, Set<number>>();
  for (const line of candidates) {
    const key = readLineKey(line);
    const set = pagesByKey.get(key) ?? new Set<number>();
    set.add(line.page);
    pagesByKey.set(key, set);
  }
  const needed = Math.max(3, Math.ceil(pages.length / 3));
  const running = new Set<Line>();
  for (const line of candidates) {
    const text = line.glyphs.map((glyph) => glyph.ch).join('');
    if (PAGE_NUMBER.test(text.trim()) || (pagesByKey.get(readLineKey(line))?.size ?? 0) >= needed) {
      running.add(line);
    }
  }
  return running;
}

/** The value below which a share `q` of the sorted numbers lie. */
function readQuantile(values: number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]!;
}

/**
 * Reads a PDF's text layer the way a person reads the pages.
 *
 * - Runs are grouped into lines by baseline (and pdf.js's end-of-line marks), in the order the
 *   runs come; a visible gap between runs on a line is a space.
 * - Running headers and footers (the same line, digits aside, in the top or bottom 12% of at least
 *   three pages and a third of all pages) and page numbers (`- 3 -`, `第3页`, `3/40`) are left out.
 * - A line break is joined (nothing between Han characters or digits, one space between Latin
 *   letters) unless it ends a paragraph: the line ends with 。；：！？, stops two characters or more short of the
 *   text's right edge, or the next line is indented or starts with a heading marker (一、 （二）).
 *   The last line of a page continues onto the next page the same way, so `22\n万人` across a
 *   line or page reads `22万人`.
 * - Kangxi and supplement radicals become the ideographs they stand for (`⼈⺠` → `人民`; see
 *   foldRadicals), character for character.
 * - Letter-spaced digits (`2 0 2 6 年`) lose their spaces; other spaces stay for the analysis's own
 *   normalisation (`22 万人`).
 *
 * - A page set in two columns (findColumns: a clear gutter most lines respect, prose on both
 *   sides) is read left column top to bottom, then the right; lines across both columns (a title
 *   above them) stay in place. A column's lines join against the column's own edges, so a line
 *   ending at the gutter does not end its paragraph, and the left column's last line continues into
 *   the right column's first.
 *
 * Edge cases: an empty document gives empty text; a page without runs (a scan) contributes nothing
 * and its `pageStarts` entry equals the next page's. A page of more than two columns, or one whose
 * maker wrote both columns of a line as one run, is read in run order.
 */
export function readPdfText(pages: readonly PdfPageText[]): PdfReadingText {
  const linesByPage = pages.map((page, p) => readLines(p, page, findColumns(page)));
  const running = findRunningLines(pages, linesByPage);
  const body = linesByPage.map((lines) => lines.filter((line) => !running.has(line)));
  const all = body.flat();
  // The text block's edges: of the full-width lines (every line of a document without columns).
  const wide = all.filter((line) => line.column < 0);
  const edgeLines = wide.length > 0 ? wide : all;
  const bodyRight = readQuantile(
    edgeLines.map((line) => line.right),
    0.9,
  );
  const bodyLeft = readQuantile(
    edgeLines.map((line) => line.left),
    0.1,
  );
  // A column's edges, per page: its lines end at the gutter, or start after it.
  const columnEdges = new Map<string, { left: number; right: number }>();
  const bodyEdges = { left: bodyLeft, right: bodyRight };
  const edgesOf = (line: Line): { left: number; right: number } => {
    if (line.column < 0) return bodyEdges;
    const key = `${line.page}:${line.column}`;
    let edges = columnEdges.get(key);
    if (!edges) {
      const lines = body[line.page]!.filter((other) => other.column === line.column);
      edges = {
        left: readQuantile(
          lines.map((other) => other.left),
          0.1,
        ),
        right: readQuantile(
          lines.map((other) => other.right),
          0.9,
        ),
      };
      columnEdges.set(key, edges);
    }
    return edges;
  };
  const glyphs: Glyph[] = [];
  const pageStarts: number[] = [];
  const inserted = (ch: string): Glyph => ({ ch, page: -1, run: -1, offset: -1 });
  let previous: Line | undefined;
  body.forEach((lines) => {
    pageStarts.push(glyphs.length);
    for (const line of lines) {
      if (previous) {
        const last = previous.glyphs[previous.glyphs.length - 1]!.ch;
        const first = line.glyphs[0]!.ch;
        const firstText = line.glyphs
          .slice(0, 12)
          .map((glyph) => glyph.ch)
          .join('');
        const unit = Math.max(previous.height, line.height);
        const paragraph =
          PARAGRAPH_END.test(last) ||
          previous.right < edgesOf(previous).right - 2 * unit ||
          line.left > edgesOf(line).left + 1.5 * unit ||
          HEADING_START.test(firstText);
        if (paragraph) glyphs.push(inserted('\n'));
        else if (/[A-Za-z]/.test(last) && /[A-Za-z]/.test(first)) glyphs.push(inserted(' '));
      }
      glyphs.push(...line.glyphs);
      previous = line;
    }
  });
  const n = glyphs.length;
  const page = new Int32Array(n);
  const run = new Int32Array(n);
  const offset = new Int32Array(n);
  glyphs.forEach((glyph, k) => {
    page[k] = glyph.page;
    run[k] = glyph.run;
    offset[k] = glyph.offset;
  });
  return {
    text: glyphs.map((glyph) => glyph.ch).join(''),
    page,
    run,
    offset,
    pageStarts,
    droppedLines: running.size,
  };
}
