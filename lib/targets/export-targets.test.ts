import { describe, expect, it } from 'vitest';
import { analyzeText } from './analyze';
import {
  CSV_BOM,
  exportFileNameFor,
  exportTargetsCsv,
  exportTargetsJson,
  exportTargetsMarkdown,
  exportTargetsTsv,
  TARGET_COLUMNS,
  type ExportDocument,
  type ExportRow,
} from './export-targets';
import { parseCsv } from '../../tests/helpers/parse-csv';

const PLAN = [
  '二、2026年经济社会发展的主要目标',
  '地区生产总值增长5%左右，城镇新增就业18万人以上；单位国内生产总值能耗降低2.5%左右。',
  '社会消费品零售总额突破20000亿元。',
].join('\n');

const DOC: ExportDocument = {
  title: '关于2026年国民经济和社会发展计划的报告, "草案"',
  url: 'https://www.example.gov.cn/zwgk/2026/plan.html',
  date: '2026-01-20',
};

function rowsOf(text: string): ExportRow[] {
  return analyzeText(text).map((target, index) => ({ index, target }));
}

describe('exportTargetsCsv', () => {
  it('starts with a BOM and round-trips through a CSV parser with Chinese intact', () => {
    const rows = rowsOf(PLAN);
    const csv = exportTargetsCsv(rows, DOC);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    const [header, ...records] = parseCsv(csv.slice(1));
    expect(header).toEqual([...TARGET_COLUMNS]);
    expect(records).toHaveLength(rows.length);
    const column = (name: (typeof TARGET_COLUMNS)[number]) =>
      records.map((r) => r[TARGET_COLUMNS.indexOf(name)]);
    expect(column('quantity')).toEqual(['5%', '18万人', '2.5%', '20000亿元']);
    expect(column('normal')).toEqual(['5%', '18万人', '2.5%', '2万亿元']);
    expect(column('indicator')).toEqual([
      '地区生产总值',
      '城镇新增就业',
      '单位国内生产总值能耗',
      '社会消费品零售总额',
    ]);
    expect(column('direction')).toEqual(['up', '', 'down', '']);
    expect(column('section')).toEqual(Array(4).fill('二、2026年经济社会发展的主要目标'));
    // The title's comma and quotes survive quoting; every record says where it came from.
    expect(new Set(column('document'))).toEqual(new Set([DOC.title]));
    expect(new Set(column('url'))).toEqual(new Set([DOC.url]));
    expect(new Set(column('date'))).toEqual(new Set([DOC.date]));
  });

  it('exports only the rows it is given, numbered by page position, and defuses formulas', () => {
    const rows = rowsOf(PLAN).filter((r) => r.target.direction === 'down');
    const doc = { ...DOC, title: '=HYPERLINK("x")' };
    const [, ...records] = parseCsv(exportTargetsCsv(rows, doc).slice(1));
    expect(records.map((r) => [r[0], r[2]])).toEqual([['3', '2.5%']]);
    expect(records[0]![TARGET_COLUMNS.indexOf('document')]).toBe(`'=HYPERLINK("x")`);
    expect(parseCsv(exportTargetsCsv([], DOC).slice(1))).toEqual([[...TARGET_COLUMNS]]);
  });
});

describe('exportTargetsTsv', () => {
  it('gives one cell per column and no line break inside a cell', () => {
    const rows = rowsOf(PLAN);
    const lines = exportTargetsTsv(rows, { ...DOC, title: '报告\n（草案）' })
      .trimEnd()
      .split('\n');
    expect(lines).toHaveLength(rows.length + 1);
    for (const line of lines) expect(line.split('\t')).toHaveLength(TARGET_COLUMNS.length);
    expect(lines[4]!.split('\t').slice(1, 4)).toEqual(['社会消费品零售总额', '20000亿元', '2万亿元']);
    expect(lines[1]!.split('\t')[TARGET_COLUMNS.indexOf('document')]).toBe('报告 （草案）');
  });
});

describe('exportTargetsJson', () => {
  it('writes the CLI’s target fields plus the document', () => {
    const rows = rowsOf(PLAN).slice(0, 2);
    const json = JSON.parse(exportTargetsJson(rows, DOC)) as Record<string, unknown> & {
      targets: Record<string, unknown>[];
    };
    expect({ file: json.file, title: json.title, url: json.url, date: json.date }).toEqual({
      file: DOC.url,
      title: DOC.title,
      url: DOC.url,
      date: DOC.date,
    });
    expect(Object.keys(json.targets[0]!)).toEqual([
      'quote',
      'text',
      'value',
      'unit',
      'qualifier',
      'indicator',
      'kind',
      'section',
      'start',
      'end',
      'metric',
      'year',
      'direction',
      'firmness',
    ]);
    expect(json.targets.map((t) => [t.quote, t.value, t.metric])).toEqual([
      ['5%', 5, 'gdp_growth'],
      ['18万人', 180000, 'urban_new_jobs'],
    ]);
  });
});

describe('corrected rows', () => {
  it('are flagged in every export: a corrected column, a JSON key, a Markdown cell', () => {
    const [gdp, jobs] = rowsOf(PLAN);
    const rows: ExportRow[] = [
      { ...gdp!, target: { ...gdp!.target, kind: 'achieved', firmness: null }, corrected: ['kind'] },
      { ...jobs!, target: { ...jobs!.target, indicator: '城镇新增就业人数' }, corrected: ['indicator'] },
      rowsOf(PLAN)[3]!,
    ];
    const [header, ...records] = parseCsv(exportTargetsCsv(rows, DOC).slice(1));
    const at = header!.indexOf('corrected');
    expect(records.map((r) => [r[at], r[header!.indexOf('kind')], r[header!.indexOf('indicator')]])).toEqual([
      ['kind', 'achieved', '地区生产总值'],
      ['indicator', 'target', '城镇新增就业人数'],
      ['', 'target', '社会消费品零售总额'],
    ]);
    const tsv = exportTargetsTsv(rows, DOC).split('\n');
    expect(tsv[1]!.split('\t')[TARGET_COLUMNS.indexOf('corrected')]).toBe('kind');
    const json = JSON.parse(exportTargetsJson(rows, DOC)) as { targets: Record<string, unknown>[] };
    expect(json.targets.map((t) => t.corrected)).toEqual([['kind'], ['indicator'], undefined]);
    expect(exportTargetsMarkdown(rows, DOC)).toContain('| 城镇新增就业人数 |');
    expect(exportTargetsMarkdown(rows, DOC).split('\n')[4]).toContain('| corrected |');
  });
});

describe('exportTargetsMarkdown', () => {
  it('escapes page text, links only http(s) and keeps every row one table row', () => {
    const [row] = rowsOf('城镇新增就业18万人以上。');
    const hostile: ExportRow = {
      index: 0,
      target: { ...row!.target, indicator: '<img src=x onerror=alert(1)> | [a](javascript:x)' },
    };
    const md = exportTargetsMarkdown([hostile], { ...DOC, title: '报告 [草案]', url: 'javascript:alert(1)' });
    const lines = md.trimEnd().split('\n');
    expect(lines[0]).toBe('# 报告 \\[草案\\]');
    expect(lines[2]).toBe('javascript:alert(1) · 2026-01-20');
    expect(md).not.toContain('<img');
    expect(md).not.toMatch(/[^\\]\]\(/u); // no unescaped ] before (
    const last = lines.at(-1)!;
    expect(last).toContain('&lt;img src=x onerror=alert(1)&gt; \\| \\[a\\](javascript:x)');
    // Unescaped pipes delimit exactly the columns of the header.
    const pipes = (line: string) => line.replace(/\\\|/gu, '').split('|').length;
    expect(pipes(last)).toBe(pipes(lines[4]!));
    expect(exportTargetsMarkdown([], DOC)).toContain('<https://www.example.gov.cn/zwgk/2026/plan.html>');
  });
});

describe('exportFileNameFor', () => {
  it.each<[string, string]>([
    ['关于2026年国民经济和社会发展计划的报告', '关于2026年国民经济和社会发展计划的报告.csv'],
    ['政府工作报告 / 2026: 全文', '政府工作报告 _ 2026_ 全文.csv'],
    ['', 'planlens-targets.csv'],
    ['???', 'planlens-targets.csv'],
  ])('%s → %s', (title, name) => {
    expect(exportFileNameFor(title, 'csv')).toBe(name);
  });

  it.each<[string, string, string]>([
    ['关于2026年计划的通知', '2026-02-13', '关于2026年计划的通知 2026-02-13.csv'],
    ['', '2026-02-13', 'planlens-targets 2026-02-13.csv'],
    ['关于2026年计划的通知', '', '关于2026年计划的通知.csv'],
  ])('%s dated %s → %s', (title, date, name) => {
    expect(exportFileNameFor(title, 'csv', date)).toBe(name);
  });
});

describe('rows from a PDF', () => {
  it('cite their page in every export; rows from a web page leave the page empty', () => {
    const [gdp, jobs] = rowsOf(PLAN);
    const rows: ExportRow[] = [
      { ...gdp!, page: 2 },
      { ...jobs!, page: 13 },
    ];
    const [header, ...records] = parseCsv(exportTargetsCsv(rows, DOC).slice(1));
    expect(records.map((r) => r[header!.indexOf('page')])).toEqual(['2', '13']);
    const web = parseCsv(exportTargetsCsv([gdp!], DOC).slice(1));
    expect(web[1]![TARGET_COLUMNS.indexOf('page')]).toBe('');
    expect(exportTargetsTsv(rows, DOC).split('\n')[2]!.split('\t')[TARGET_COLUMNS.indexOf('page')]).toBe(
      '13',
    );
    const json = JSON.parse(exportTargetsJson(rows, DOC)) as { targets: Record<string, unknown>[] };
    expect(json.targets.map((t) => t.page)).toEqual([2, 13]);
    const webJson = JSON.parse(exportTargetsJson([gdp!], DOC)) as { targets: Record<string, unknown>[] };
    expect('page' in webJson.targets[0]!).toBe(false);
    const markdown = exportTargetsMarkdown(rows, DOC).split('\n');
    const at = markdown[4]!.split(' | ').indexOf('page');
    expect(at).toBeGreaterThan(0);
    expect(markdown[7]!.split(' | ')[at]).toBe('13');
  });
});
