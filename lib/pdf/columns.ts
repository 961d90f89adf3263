/**
 * Two-column pages: finds a page's column gutter from where its text runs sit, and the order a
 * person reads the runs in (left column top to bottom, then the right; lines spanning both columns
 * stay where they are). Some PDF makers write such pages line by line across both columns, which
 * read in run order interleaves the columns and breaks sentences and quantities.
 *
 * @module
 */
import type { PdfPageText, PdfTextRun } from './text-runs';

/** How a two-column page is read. */
export interface ColumnReading {
  /** Run indices in reading order (runs with an empty `str`, pdf.js's end-of-line marks, left out). */
  order: number[];
  /** Per run index: 0 left column, 1 right column, -1 a line across both (or a left-out run). */
  column: Int8Array;
}

/** A line of the page: the runs on one baseline, whatever their order in the stream. */
interface Row {
  y: number;
  height: number;
  runs: number[];
}

/** The gutter is looked for between these shares of the text's width from either edge. */
const GUTTER_ZONE = 0.2;
/**
 * Lines that cross the gutter (a title, headings across both columns, a centred page number): at
 * most this share of all lines.
 */
const MAX_CROSSING = 1 / 3;
/** The gutter is at least this many font heights wide. */
const MIN_GUTTER = 0.8;
/** Lines on each side of the gutter, at least. */
const MIN_SIDE_LINES = 3;
/**
 * A column's lines are prose when half of them fill at least this share of the column's width; a
 * table's cells are shorter (a label, a figure) and leave it empty.
 */
const MIN_FILL = 0.6;

function hasText(run: PdfTextRun): boolean {
  return run.width > 0 && run.str.trim() !== '';
}

/** The runs grouped by baseline (a run within half a font height of a line's baseline is on it), top down. */
function readRows(runs: readonly PdfTextRun[]): Row[] {
  const indices = runs.flatMap((run, k) => (run.str === '' ? [] : [k]));
  indices.sort((a, b) => runs[b]!.y - runs[a]!.y || a - b);
  const rows: Row[] = [];
  for (const k of indices) {
    const run = runs[k]!;
    const height = Math.max(run.height, 1);
    const row = rows[rows.length - 1];
    if (row && Math.abs(row.y - run.y) <= 0.5 * Math.max(row.height, height)) {
      row.runs.push(k);
      row.height = Math.max(row.height, height);
    } else rows.push({ y: run.y, height, runs: [k] });
  }
  // Within a line the stream's order stands (it is the order the runs read in).
  for (const row of rows) row.runs.sort((a, b) => a - b);
  return rows;
}

/** The median of `values` (0 when empty). */
function readMedian(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * The empty vertical bands (in whole units from `left`) that at most `maxCrossing` lines cross,
 * within the middle of the text's width, at least `minWidth` wide.
 */
function findGaps(
  runs: readonly PdfTextRun[],
  rows: Row[],
  left: number,
  right: number,
  maxCrossing: number,
  minWidth: number,
): Array<{ from: number; to: number }> {
  const size = Math.ceil(right - left) + 1;
  // Lines per unit of width, summed from each line's covered stretches (a difference array).
  const change = new Int32Array(size + 1);
  for (const row of rows) {
    // Each line counts once per unit it covers, however many runs cover it: merge its stretches.
    const stretches: Array<[number, number]> = [];
    for (const k of row.runs) {
      const run = runs[k]!;
      if (!hasText(run)) continue;
      const from = Math.max(0, Math.floor(run.x - left));
      const to = Math.min(size, Math.ceil(run.x + run.width - left));
      if (to > from) stretches.push([from, to]);
    }
    stretches.sort((a, b) => a[0] - b[0]);
    let current: [number, number] | null = null;
    for (const stretch of stretches) {
      if (current && stretch[0] <= current[1]) current[1] = Math.max(current[1], stretch[1]);
      else {
        if (current) {
          change[current[0]]!++;
          change[current[1]]!--;
        }
        current = [stretch[0], stretch[1]];
      }
    }
    if (current) {
      change[current[0]]!++;
      change[current[1]]!--;
    }
  }
  const covered = new Int32Array(size);
  let lines = 0;
  for (let u = 0; u < size; u++) {
    lines += change[u]!;
    covered[u] = lines;
  }
  const zoneFrom = Math.ceil(GUTTER_ZONE * (right - left));
  const zoneTo = Math.floor((1 - GUTTER_ZONE) * (right - left));
  const gaps: Array<{ from: number; to: number }> = [];
  let start = -1;
  for (let u = zoneFrom; u <= zoneTo + 1; u++) {
    const open = u <= zoneTo && covered[u]! <= maxCrossing;
    if (open && start < 0) start = u;
    else if (!open && start >= 0) {
      if (u - start >= minWidth) gaps.push({ from: left + start, to: left + u });
      start = -1;
    }
  }
  return gaps;
}

/**
 * How to read `page` when it is set in two columns; null when it is not (or cannot be told).
 *
 * A page is read as two columns when a vertical gutter (at least 0.8 font heights wide, between a
 * fifth and four fifths of the text's width) is crossed by at most a third of its lines, at least
 * three lines lie on each side of it, and each column's lines are prose: half of them fill 60% of
 * their column or more. Lines crossing the gutter (a title, a heading across both columns, a page
 * number) stay in place and cut the page into blocks; each block is read left column then right.
 *
 * Edge cases: a single-column page, centred or indented lines included, has no gutter (its full
 * lines cross the middle) and gives null. A table of short cells gives null: two gutters or more
 * (three columns), or columns its cells do not fill. A producer that writes both columns' text of
 * a line as one run (the gutter as spaces inside it) leaves no gutter either: null, run order.
 */
export function findColumns(page: PdfPageText): ColumnReading | null {
  const runs = page.runs;
  const rows = readRows(runs);
  const texts = runs.filter(hasText);
  if (rows.length < 2 * MIN_SIDE_LINES || texts.length === 0) return null;
  // A loop, not a spread: a page can hold more runs than a call takes arguments.
  let left = Infinity;
  let right = -Infinity;
  for (const run of texts) {
    left = Math.min(left, run.x);
    right = Math.max(right, run.x + run.width);
  }
  const unit = readMedian(texts.map((run) => Math.max(run.height, 1)));
  const maxCrossing = Math.floor(MAX_CROSSING * rows.length);
  const gaps = findGaps(runs, rows, left, right, maxCrossing, MIN_GUTTER * unit);
  // Two gutters or more: a table's columns, not a page's.
  if (gaps.length !== 1) return null;
  const gutter = gaps[0]!;
  const middle = (gutter.from + gutter.to) / 2;
  const column = new Int8Array(runs.length).fill(-1);
  const crossing = new Set<Row>();
  const widths: [number[], number[]] = [[], []];
  for (const row of rows) {
    const sides: [number, number][] = [
      [Infinity, -Infinity],
      [Infinity, -Infinity],
    ];
    for (const k of row.runs) {
      const run = runs[k]!;
      if (!hasText(run)) continue;
      if (run.x < middle && run.x + run.width > middle) crossing.add(row);
      const side = sides[run.x + run.width / 2 < middle ? 0 : 1]!;
      side[0] = Math.min(side[0], run.x);
      side[1] = Math.max(side[1], run.x + run.width);
    }
    if (crossing.has(row)) continue;
    sides.forEach(([from, to], c) => {
      if (to > from) widths[c]!.push(to - from);
    });
  }
  const spans = [gutter.from - left, right - gutter.to];
  const prose = widths.every(
    (list, c) => list.length >= MIN_SIDE_LINES && readMedian(list) >= MIN_FILL * spans[c]!,
  );
  if (!prose) return null;
  const order: number[] = [];
  let block: Row[] = [];
  const flush = () => {
    for (const c of [0, 1]) {
      for (const row of block) {
        for (const k of row.runs) {
          const run = runs[k]!;
          if ((run.x + run.width / 2 < middle ? 0 : 1) !== c) continue;
          column[k] = c;
          order.push(k);
        }
      }
    }
    block = [];
  };
  for (const row of rows) {
    if (!crossing.has(row)) {
      block.push(row);
      continue;
    }
    flush();
    order.push(...row.runs);
  }
  flush();
  return { order, column };
}
