import { describe, expect, it } from 'vitest';
import { analyzeText } from '../targets/analyze';
import { findColumns } from './columns';
import { readPdfText, type PdfPageText, type PdfTextRun } from './reading-text';

const FONT = 12;
const PAGE = { width: 595, height: 842 };
/** Two columns 234 units wide with a 15-unit gutter, as a statistical bulletin sets them. */
const COLUMNS = [
  { x: 56, width: 234 },
  { x: 305, width: 234 },
];
const TOP = 760;
const LEADING = 18;

/** Width of a character set in the 12-unit font: Han and full-width 12, ASCII 6. */
function measure(str: string): number {
  let width = 0;
  for (const ch of str) width += ch.charCodeAt(0) < 0x2000 ? FONT / 2 : FONT;
  return width;
}

interface SetLine {
  str: string;
  indent: number;
  /** Justified lines reach the column's edge; a paragraph's last line is as long as its text. */
  width: number;
}

/** Sets paragraphs in lines `width` wide, each paragraph's first line indented by two characters. */
function flow(paragraphs: string[], width: number): SetLine[] {
  const lines: SetLine[] = [];
  for (const paragraph of paragraphs) {
    let indent = 2 * FONT;
    let str = '';
    for (const ch of paragraph) {
      if (indent + measure(str + ch) > width) {
        lines.push({ str, indent, width: width - indent });
        str = '';
        indent = 0;
      }
      str += ch;
    }
    lines.push({ str, indent, width: measure(str) });
  }
  return lines;
}

function run(str: string, x: number, y: number, width: number, hasEOL: boolean, height = FONT): PdfTextRun {
  return { str, x, y, width, height, hasEOL };
}

/**
 * A page whose text flows down the left column then the right, its runs written line by line
 * across both columns (`interleaved`, as some PDF makers do) or column by column. `above` and
 * `below` are lines across both columns (a title; a page number), centred on the page.
 */
function twoColumnPage(
  paragraphs: string[],
  options: { interleaved: boolean; above?: string[]; below?: string },
): PdfPageText {
  const lines = flow(paragraphs, COLUMNS[0]!.width);
  const perColumn = Math.ceil(lines.length / 2);
  const sides = [lines.slice(0, perColumn), lines.slice(perColumn)];
  const runs: PdfTextRun[] = [];
  let y = TOP;
  const centred = (str: string, at: number) =>
    runs.push(run(str, (PAGE.width - measure(str)) / 2, at, measure(str), true));
  for (const title of options.above ?? []) {
    centred(title, y);
    y -= 2 * LEADING;
  }
  const place = (line: SetLine, c: number, row: number, hasEOL: boolean) =>
    run(line.str, COLUMNS[c]!.x + line.indent, y - row * LEADING, line.width, hasEOL);
  if (options.interleaved) {
    for (let row = 0; row < perColumn; row++) {
      const right = sides[1]![row];
      runs.push(place(sides[0]![row]!, 0, row, !right));
      if (right) runs.push(place(right, 1, row, true));
    }
  } else {
    sides.forEach((side, c) => side.forEach((line, row) => runs.push(place(line, c, row, true))));
  }
  if (options.below) centred(options.below, 40);
  return { ...PAGE, runs };
}

// Sentences of the 2024 statistical bulletin (国家统计局《2024年国民经济和社会发展统计公报》).
const BULLETIN = [
  '初步核算，全年国内生产总值1349084亿元，比上年增长5.0%。其中，第一产业增加值91414亿元，比上年增长3.5%；第二产业增加值492087亿元，增长5.3%；第三产业增加值765583亿元，增长5.0%。',
  '年末全国就业人员73439万人，其中城镇就业人员47345万人，占全国就业人员比重为64.5%。全年城镇新增就业1256万人，比上年增加12万人。全年全国城镇调查失业率平均值为5.1%。年末全国城镇调查失业率为5.1%。',
  '全年居民消费价格比上年上涨0.2%。工业生产者出厂价格下降2.2%。工业生产者购进价格下降2.2%。农产品生产者价格下降0.9%。年末国家外汇储备32024亿美元，比上年末减少1356亿美元。',
];

describe('findColumns and readPdfText on two-column pages', () => {
  it.each([
    ['written line by line across both columns', { interleaved: true }],
    ['written column by column', { interleaved: false }],
  ])('reads the left column, then the right: %s', (_, options) => {
    const page = twoColumnPage(BULLETIN, options);
    expect(findColumns(page)).not.toBeNull();
    const read = readPdfText([page]);
    // Every line break inside a sentence or a number is joined, the gutter's too (the left
    // column's last line continues into the right column's first).
    expect(read.text).toBe(BULLETIN.join('\n'));
    const jobs = analyzeText(read.text).find((t) => t.indicator.includes('城镇新增就业'));
    expect(jobs).toMatchObject({ value: 12560000, unit: '人' });
    // A quantity in the right column maps back to its run there.
    const reserve = read.text.indexOf('32024亿美元');
    const source = page.runs[read.run[reserve]!]!;
    expect(source.x).toBe(COLUMNS[1]!.x);
    expect(source.str.slice(read.offset[reserve]!)).toMatch(/^3/);
  });

  it('keeps a full-width title above the columns in place, and leaves out a page number below them', () => {
    const page = twoColumnPage(BULLETIN, {
      interleaved: true,
      above: ['中华人民共和国2024年国民经济和社会发展统计公报', '国家统计局'],
      below: '— 3 —',
    });
    const read = readPdfText([page]);
    expect(read.text).toBe(
      ['中华人民共和国2024年国民经济和社会发展统计公报', '国家统计局', ...BULLETIN].join('\n'),
    );
    expect(read.droppedLines).toBe(1);
  });

  it('reads a heading across both columns between two blocks of columns in place', () => {
    const heading = '二、就业和价格';
    const upper = twoColumnPage(BULLETIN.slice(0, 1), { interleaved: true });
    const lower = twoColumnPage(BULLETIN.slice(1), { interleaved: true });
    const upperBottom = Math.min(...upper.runs.map((r) => r.y));
    const drop = TOP - upperBottom + 3 * LEADING;
    const page: PdfPageText = {
      ...PAGE,
      runs: [
        ...upper.runs,
        run(
          heading,
          (PAGE.width - measure(heading)) / 2,
          upperBottom - 1.5 * LEADING,
          measure(heading),
          true,
        ),
        ...lower.runs.map((r) => ({ ...r, y: r.y - drop })),
      ],
    };
    expect(readPdfText([page]).text).toBe([BULLETIN[0], heading, ...BULLETIN.slice(1)].join('\n'));
  });

  it('does not split a single column with a centred title and indented lines', () => {
    const lines = flow(BULLETIN, 483);
    const runs: PdfTextRun[] = [run('第一章　综合', 261, TOP, 72, true)];
    lines.forEach((line, k) =>
      runs.push(run(line.str, 56 + line.indent, TOP - (k + 2) * LEADING, line.width, true)),
    );
    const page: PdfPageText = { ...PAGE, runs };
    expect(findColumns(page)).toBeNull();
    expect(readPdfText([page]).text).toBe(['第一章　综合', ...BULLETIN].join('\n'));
  });

  it.each([
    [
      'three columns',
      [
        ['指标', '2024年', '比上年增长'],
        ['国内生产总值（亿元）', '1349084', '5.0%'],
        ['第一产业增加值', '91414', '3.5%'],
        ['第二产业增加值', '492087', '5.3%'],
        ['第三产业增加值', '765583', '5.0%'],
        ['社会消费品零售总额', '487895', '3.5%'],
        ['货物进出口总额', '438468', '5.0%'],
      ],
    ],
    [
      'a label and a figure',
      [
        ['国内生产总值（亿元）', '1349084'],
        ['第一产业增加值（亿元）', '91414'],
        ['第二产业增加值（亿元）', '492087'],
        ['第三产业增加值（亿元）', '765583'],
        ['城镇新增就业（万人）', '1256'],
        ['城镇调查失业率（%）', '5.1'],
        ['居民消费价格涨幅（%）', '0.2'],
      ],
    ],
  ])('does not take a table for columns: %s', (_, rows) => {
    const xs = rows[0]!.length === 3 ? [56, 330, 450] : [56, 330];
    const runs = rows.flatMap((cells, r) =>
      cells.map((cell, c) => run(cell, xs[c]!, TOP - r * LEADING, measure(cell), c === cells.length - 1)),
    );
    const page: PdfPageText = { ...PAGE, runs };
    expect(findColumns(page)).toBeNull();
    // Row by row, as before: each row's cells a space apart.
    expect(readPdfText([page]).text).toContain(rows[1]!.join(' '));
  });
});
