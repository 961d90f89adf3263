import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../targets/analyze';
import { readPdfText, type PdfPageText, type PdfTextRun } from './reading-text';

const FONT = 16;
const LEFT = 90;
const RIGHT = 540;
const PAGE = { width: 595, height: 842 };

/** Width of a string set in a 16-unit font: Han and full-width 16, ASCII 8. */
function measure(str: string): number {
  let width = 0;
  for (const ch of str) width += ch.charCodeAt(0) < 0x2000 ? FONT / 2 : FONT;
  return width;
}

/**
 * A page laid out like a printed plan: one run per line from the top, two full-width spaces of
 * indent become a first-line indent, and `header`/`footer` go in the margins.
 */
function layOut(lines: string[], extra: { header?: string; footer?: string } = {}): PdfPageText {
  const runs: PdfTextRun[] = [];
  const add = (str: string, x: number, y: number) =>
    runs.push({ str, x, y, width: measure(str), height: FONT, hasEOL: true });
  if (extra.header) add(extra.header, LEFT + 100, PAGE.height - 40);
  lines.forEach((line, k) => {
    const indent = line.startsWith('\u3000\u3000') ? 2 * FONT : 0;
    const str = line.replace(/^\u3000+/, '');
    add(str, LEFT + indent, PAGE.height - 100 - k * 28);
    // Justified text: a line that does not end its paragraph reaches the right edge of the block.
    if (str.length >= 20 && !str.endsWith('。')) runs[runs.length - 1]!.width = RIGHT - LEFT - indent;
  });
  if (extra.footer) add(extra.footer, PAGE.width / 2 - 20, 40);
  return { ...PAGE, runs };
}

// Real lines of seed 001 (the PDF text of the 2020 plan), each a full line of its page.
const GOALS = [
  '\u3000\u30002020 年自治区国民经济和社会发展的主要预期目标是：地区',
  '生产总值增长 6%左右；城镇新增就业 22 万人以上；城镇调查失',
  '业率 5.5%左右，城镇登记失业率 4.5%以内；居民消费价格涨幅',
  '3.5%左右；居民收入增长与经济增长基本同步。',
  '\u3000\u3000实现上述目标，要立足当前、着眼长远，紧密结合贯彻习近',
  '平总书记对内蒙古工作的重要讲话重要指示批示精神，全面落实',
];

describe('readPdfText', () => {
  it('joins words and numbers broken across lines and keeps paragraphs', () => {
    const { text } = readPdfText([layOut(GOALS)]);
    expect(text).toContain('城镇调查失业率 5.5%左右');
    expect(text).toContain('居民消费价格涨幅3.5%左右');
    expect(text).toContain('紧密结合贯彻习近平总书记');
    // A short last line ends its paragraph; the indented line starts the next.
    expect(text).toContain('基本同步。\n实现上述目标');
    expect(text.split('\n')).toHaveLength(2);
  });

  it('gives the analysis whole quantities, as the labels of seed 001 have them', () => {
    const { text } = readPdfText([layOut(GOALS)]);
    const gold = readFileSync(
      path.join(__dirname, '../../tests/fixtures/gold/001_3671b968aed7ce7c.jsonl'),
      'utf8',
    )
      .split('\n')
      .slice(0, 5)
      .map((line) => JSON.parse(line) as { value: number; unit: string; indicator: string });
    const got = analyzeText(text).map((t) => ({ value: t.value, unit: t.unit, indicator: t.indicator }));
    expect(got).toEqual(gold.map((g) => ({ value: g.value, unit: g.unit, indicator: g.indicator })));
  });

  it.each([
    ['2 0 2 6 年主要预期目标', '2026 年主要预期目标'],
    ['到 2 0 2 5 年，森林覆盖率达到 2 3 %', '到 2025 年，森林覆盖率达到 23 %'],
    ['新建 12 34 个', '新建 12 34 个'],
    ['第 1 2 章', '第 12 章'],
    ['增长 5 . 5 %左右', '增长 5 . 5 %左右'],
  ])('letter-spaced digits: %s', (line, expected) => {
    expect(readPdfText([layOut([line])]).text).toBe(expected);
  });

  it('leaves out running headers, footers and page numbers, and joins a quantity across pages', () => {
    const header = '内蒙古自治区人民政府文件';
    const pages = [
      layOut([GOALS[0]!, '生产总值增长 6%左右；城镇调查失业率 5.5%左右；城镇新增就业 22'], {
        header,
        footer: '— 1 —',
      }),
      layOut(['万人以上；居民消费价格涨幅 3.5%左右；居民收入增长与经济增', '长基本同步。'], {
        header,
        footer: '— 2 —',
      }),
      layOut(['\u3000\u3000实现上述目标，要立足当前、着眼长远，紧密结合贯彻习近'], {
        header,
        footer: '- 3 -',
      }),
    ];
    const read = readPdfText(pages);
    expect(read.text).not.toContain(header);
    expect(read.text).not.toMatch(/—|- 3 -/);
    expect(read.droppedLines).toBe(6);
    expect(read.text).toContain('城镇新增就业 22万人以上');
    expect(read.text).toContain('经济增长基本同步。\n实现');
    const jobs = analyzeText(read.text).find((t) => t.indicator === '城镇新增就业');
    expect(jobs).toMatchObject({ value: 220000, unit: '人', qualifier: '以上' });
    // The quantity maps back to the runs: it starts on page 0 and ends on page 1.
    expect(read.page[jobs!.start]).toBe(0);
    expect(read.page[jobs!.end - 1]).toBe(1);
    const first = pages[0]!.runs[read.run[jobs!.start]!]!;
    expect(first.str[read.offset[jobs!.start]!]).toBe('2');
    expect(read.pageStarts).toHaveLength(3);
    expect(read.text.slice(read.pageStarts[1])).toMatch(/^万人以上/);
  });

  it('leaves out a header and footer written last in the stream, as Chromium does', () => {
    const pages = [1, 2, 3].map((n) => {
      const page = layOut([n === 1 ? GOALS[0]! : GOALS[1]!, GOALS[2]!]);
      // Header (date and title) at the top and footer (address and `n/3`) at the bottom, after the body.
      page.runs.push(
        { str: '12/3/26, 2:12 PM', x: 20, y: 820, width: 70, height: 8, hasEOL: false },
        {
          str: '2026年内蒙古自治区国民经济和社会发展计划',
          x: 200,
          y: 820,
          width: 180,
          height: 8,
          hasEOL: true,
        },
        { str: 'https://www.nmg.gov.cn/zwgk/plan.html', x: 20, y: 17, width: 150, height: 8, hasEOL: false },
        { str: `${n}/3`, x: 550, y: 17, width: 12, height: 8, hasEOL: true },
      );
      return page;
    });
    const read = readPdfText(pages);
    expect(read.text).not.toMatch(/PM|https|\d\/3/);
    expect(read.text).not.toContain('社会发展计划');
    expect(read.droppedLines).toBe(6);
  });

  it('keeps a header that is on too few pages, and headings as their own paragraphs', () => {
    const read = readPdfText([
      layOut(
        [
          '一、全面做好“六稳”工作，强化高质量发展支撑',
          '\u3000\u3000进一步完善和强化稳就业、稳金融、稳外贸、稳外资、稳投',
        ],
        {
          header: '附件',
        },
      ),
    ]);
    expect(read.text).toMatch(/^附件\n一、全面做好“六稳”工作，强化高质量发展支撑\n进一步/);
  });

  it('inserts a space for a gap between runs and marks inserted characters', () => {
    const page: PdfPageText = {
      ...PAGE,
      runs: [
        { str: '增长', x: 90, y: 700, width: 32, height: FONT, hasEOL: false },
        { str: '6%', x: 140, y: 700, width: 16, height: FONT, hasEOL: true },
      ],
    };
    const read = readPdfText([page]);
    expect(read.text).toBe('增长 6%');
    expect(read.page[2]).toBe(-1);
    expect([read.run[3], read.offset[3]]).toEqual([1, 0]);
  });

  it('reads an empty document and a page without text', () => {
    expect(readPdfText([]).text).toBe('');
    const read = readPdfText([{ ...PAGE, runs: [] }, layOut(['增长 6%左右'])]);
    expect(read.text).toBe('增长 6%左右');
    expect(read.pageStarts).toEqual([0, 0]);
  });
});
