import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Converter } from 'opencc-js/cn2t';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../scripts/lib-eval/load-document';
import { readDocumentFields, type DocumentFields } from './document-fields';

const FIXTURES = path.resolve(__dirname, '../../tests/fixtures');
const toHongKong = Converter({ from: 'cn', to: 'hk' });

const PLAN_2020: DocumentFields = {
  jurisdiction: '内蒙古自治区',
  level: 'province',
  year: 2020,
  type: 'annual-plan',
  title: '内蒙古自治区人民政府关于下达2020年自治区国民经济和社会发展计划的通知',
  docNumber: null,
};
const PLAN_2026: DocumentFields = {
  ...PLAN_2020,
  year: 2026,
  title: '内蒙古自治区人民政府关于下达2026年自治区国民经济和社会发展计划的通知',
  docNumber: '内政发〔2026〕5号',
};
const REPORT_2023: DocumentFields = {
  jurisdiction: '内蒙古自治区',
  level: 'province',
  year: 2023,
  type: 'work-report',
  title: '政府工作报告',
  docNumber: null,
};

/** Loads a fixture the way `npm run analyze` does and reads its fields. */
async function fieldsOf(file: string): Promise<DocumentFields> {
  const doc = await loadDocument(path.join(FIXTURES, file));
  return readDocumentFields({ title: doc.sample.title, headings: doc.sample.headings, text: doc.text });
}

describe('readDocumentFields on the seeds and fixture pages', () => {
  it.each<[string, DocumentFields]>([
    ['seeds/000_2116d4bac5eff305.txt', PLAN_2020],
    // The PDF text layer of the same plan has its 发文字号 and splits the title over three lines.
    ['seeds/001_3671b968aed7ce7c.txt', { ...PLAN_2020, docNumber: '内政发〔2020〕1号' }],
    // A news reprint in traditional script with inline pinyin: the report's own fields, not the headline's.
    ['seeds/002_2e0490dc36b0060a.txt', REPORT_2023],
    ['seeds/003_29900545c6a00a71.txt', PLAN_2026],
    ['pages/gov-portal-plan-2026.html', PLAN_2026],
    // A 国发〔2019〕23号 cited in the plan's body is not the notice's own number.
    ['pages/news-portal-plan-2020.html', PLAN_2020],
    ['pages/pdf-text-plan-2020.html', { ...PLAN_2020, docNumber: '内政发〔2020〕1号' }],
    ['pages/reprint-traditional-report.html', REPORT_2023],
    ['pages/split-quantities.html', { ...PLAN_2026, title: '2026年自治区国民经济和社会发展计划（摘要）' }],
    [
      // An excerpt: its h1 names the notice, with （摘编） after it.
      'pages/dynamic-page.html',
      {
        ...PLAN_2026,
        title: '内蒙古自治区人民政府关于下达2026年自治区国民经济和社会发展计划的通知（摘编）',
        docNumber: null,
      },
    ],
    [
      'pages/statistics-bulletin.html',
      { ...PLAN_2020, year: 2025, type: 'other', title: '内蒙古自治区2025年国民经济和社会发展统计公报' },
    ],
  ])('%s', async (file, expected) => {
    expect(await fieldsOf(file)).toEqual(expected);
  });
});

describe('readDocumentFields on other documents', () => {
  it.each<[string, { title: string; text: string }, Partial<DocumentFields>]>([
    [
      'the national work report (全国人民代表大会, 国务院总理)',
      {
        title: '政府工作报告_中国政府网',
        text: '政府工作报告\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n国务院总理 李强\n各位代表：',
      },
      { jurisdiction: '国务院', level: 'national', year: 2024, type: 'work-report', title: '政府工作报告' },
    ],
    [
      'an annual plan report: the year of the draft, not of the review',
      {
        title: '关于四川省2023年国民经济和社会发展计划执行情况及2024年计划草案的报告',
        text: '——2024年1月22日在四川省第十四届人民代表大会第二次会议上\n四川省发展和改革委员会',
      },
      { jurisdiction: '四川省', level: 'province', year: 2024, type: 'annual-plan' },
    ],
    [
      'a five-year plan: its last year, not the 2035 horizon',
      {
        title: '内蒙古自治区国民经济和社会发展第十四个五年规划和2035年远景目标纲要',
        text: '内政发〔2021〕1号\n内蒙古自治区国民经济和社会发展第十四个五年规划和2035年远景目标纲要',
      },
      { jurisdiction: '内蒙古自治区', year: 2025, type: 'five-year-plan', docNumber: '内政发〔2021〕1号' },
    ],
    [
      'a city work report',
      {
        title: '2024年呼和浩特市政府工作报告-呼和浩特市人民政府',
        text: '政府工作报告\n——2024年1月9日在呼和浩特市第十六届人民代表大会第四次会议上\n市长 贺海东',
      },
      { jurisdiction: '呼和浩特市', level: 'city', year: 2024, type: 'work-report' },
    ],
    [
      'a municipality is a province',
      { title: '2025年上海市国民经济和社会发展计划', text: '' },
      { jurisdiction: '上海市', level: 'province', year: 2025, type: 'annual-plan' },
    ],
    [
      'a county action plan with a 发文字号 labelled in the page',
      {
        title: '托克托县人民政府关于印发托克托县2025年稳增长行动方案的通知',
        text: '发文字号：托政发〔2025〕12号\n成文日期：2025年3月1日',
      },
      {
        jurisdiction: '托克托县',
        level: 'county',
        year: 2025,
        type: 'action-plan',
        docNumber: '托政发〔2025〕12号',
      },
    ],
    [
      'a livelihood list',
      { title: '自治区2023年重点民生实事', text: '' },
      { jurisdiction: null, level: null, year: 2023, type: 'livelihood-list' },
    ],
    [
      'a policy address',
      { title: '行政长官2023年施政报告 | 香港特别行政区政府', text: '香港特别行政区行政长官' },
      { jurisdiction: '香港特别行政区', level: 'province', year: 2023, type: 'policy-address' },
    ],
  ])('%s', (_, input, expected) => {
    expect(readDocumentFields(input)).toMatchObject(expected);
  });

  it('gives the same fields for a traditional, pinyin-laced copy of a plan', async () => {
    const text = readFileSync(path.join(FIXTURES, 'seeds/003_29900545c6a00a71.txt'), 'utf8');
    const laced = toHongKong(text.slice(0, 4000)).replace(/內/g, '內(nèi)').replace(/發/g, '發(fā)');
    expect(laced).toContain('內(nèi)政發(fā)〔2026〕5號');
    expect(readDocumentFields({ title: '客户端', text: laced })).toEqual(PLAN_2026);
  });

  it('leaves what a page does not say null', () => {
    expect(readDocumentFields({ title: '自治区政府召开常务会议', text: '会议研究了有关工作。' })).toEqual({
      jurisdiction: null,
      level: null,
      year: null,
      type: 'other',
      title: '自治区政府召开常务会议',
      docNumber: null,
    });
  });
});

describe('readDocumentFields on a statistics bulletin without its title line', () => {
  const cases: [string, string, Partial<DocumentFields> | null][] = [
    [
      'a real reprint, traditional with inline pinyin (tests/fixtures/ledger)',
      readFileSync(path.join(FIXTURES, 'ledger/nmg-2021-statistics-bulletin-pinyin.txt'), 'utf8'),
      { jurisdiction: '内蒙古自治区', year: 2021, title: '内蒙古自治区2021年国民经济和社会发展统计公报' },
    ],
    [
      'co-signed by the survey team, the year taken from the first sentence',
      '四川省统计局\n国家统计局四川调查总队\n2026年3月15日\n2025年，全省经济运行稳中有进。\n全年全省地区生产总值增长5.7%。',
      { jurisdiction: '四川省', year: 2025, title: '四川省2025年国民经济和社会发展统计公报' },
    ],
    [
      'a bracketed date and no year in the first sentence: the year before the date',
      '呼和浩特市统计局\n（2024年3月9日）\n全年全市地区生产总值增长6.1%。',
      { jurisdiction: '呼和浩特市', year: 2023, title: '呼和浩特市2023年国民经济和社会发展统计公报' },
    ],
    ['a bureau this reader cannot place', '某某统计局\n2022年2月28日\n2021年，全年增长6%。', null],
    [
      'a bureau’s news without a date line',
      '内蒙古自治区统计局\n2023年全区经济运行情况\n全年增长7.3%。',
      null,
    ],
  ];
  it.each(cases)('%s', (_, text, expected) => {
    const fields = readDocumentFields({ title: '', text });
    if (expected) expect(fields).toMatchObject({ ...expected, type: 'other', docNumber: null });
    else expect(fields.title).not.toMatch(/统计公报/);
  });

  it('keeps a bulletin’s own title when the page has one', () => {
    const fields = readDocumentFields({
      title: '内蒙古自治区2025年国民经济和社会发展统计公报',
      text: '内蒙古自治区统计局\n2026年3月1日\n2025年，全区经济平稳。',
    });
    expect(fields.title).toBe('内蒙古自治区2025年国民经济和社会发展统计公报');
  });
});
