import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprintDocument } from '../anchor/fingerprint';
import { getT2s } from '../anchor/t2s';
import { readDocumentFields } from '../document/document-fields';
import { analyzeText } from '../targets/analyze';
import { readLibraryFigures } from './library';
import {
  countLibrary,
  deleteLibraryDocument,
  findLibraryDocument,
  libraryKeyOf,
  loadLedgerRows,
  readMetricHistory,
  rememberDocument,
  searchLibrary,
  type LibraryEntry,
} from './library-repo';
import { freshDb } from './test-helpers';

const SEEDS = path.resolve(import.meta.dirname, '../../tests/fixtures/seeds');
const seed = (name: string) => readFileSync(path.join(SEEDS, name), 'utf8');

/** A library entry for a text read at `url`, as the background builds it from the reader's message. */
function entryOf(text: string, url: string, title = ''): LibraryEntry {
  const fields = readDocumentFields({ title, text });
  return {
    url,
    canonicalUrl: '',
    fields,
    fingerprint: fingerprintDocument(title || fields.title, text, getT2s()),
    figures: readLibraryFigures(text, analyzeText(text)),
  };
}

const PLAN_2026 = seed('003_29900545c6a00a71.txt');
const REPORT_2023 = seed('002_2e0490dc36b0060a.txt');

describe('the library', () => {
  it('keeps one entry per document, however many times and addresses it is read on', async () => {
    const db = freshDb();
    const first = await rememberDocument(db, entryOf(PLAN_2026, 'https://www.nmg.gov.cn/a.html#top'));
    const figures = first.figureCount;
    expect(figures).toBeGreaterThan(20);
    await rememberDocument(db, entryOf(PLAN_2026, 'https://www.nmg.gov.cn/a.html'));
    const again = await rememberDocument(db, entryOf(PLAN_2026, 'https://news.example.cn/reprint/1.html'));
    expect(again.key).toBe(first.key);
    expect(again.urls).toEqual(['https://www.nmg.gov.cn/a.html', 'https://news.example.cn/reprint/1.html']);
    expect(again.firstSeen).toBe(first.firstSeen);
    expect(await countLibrary(db)).toEqual({ documents: 1, figures });
    expect((await findLibraryDocument(db, 'https://news.example.cn/reprint/1.html#x'))?.key).toBe(first.key);
    expect(first.fields).toMatchObject({ jurisdiction: '内蒙古自治区', year: 2026, type: 'annual-plan' });
  });

  it('tells apart two provinces’ reports that share a bare title, and keeps reprints of one together', () => {
    const fp = (title: string) => fingerprintDocument(title, '', getT2s());
    const nmg = libraryKeyOf(fp('政府工作报告'), { jurisdiction: '内蒙古自治区', year: 2026 }, 'https://a/');
    const sc = libraryKeyOf(fp('政府工作报告'), { jurisdiction: '四川省', year: 2026 }, 'https://b/');
    const hant = libraryKeyOf(fp('政府工作報告'), { jurisdiction: '内蒙古自治区', year: 2026 }, 'https://c/');
    expect(nmg).not.toBe(sc);
    expect(hant).toBe(nmg);
    const numbered = fingerprintDocument('通知', '內政發〔2026〕5號', getT2s());
    expect(libraryKeyOf(numbered, { jurisdiction: null, year: null }, 'x')).toBe('doc:内政发[2026]5号');
    expect(libraryKeyOf(fp(''), { jurisdiction: null, year: null }, 'https://d/p#f')).toBe('url:https://d/p');
    // A PDF is its file, wherever it is read; its year and jurisdiction do not split it.
    const pdf = { ...fp('政府工作报告'), key: 'pdf:9f86d081884c7d65' };
    expect(libraryKeyOf(pdf, { jurisdiction: '四川省', year: 2026 }, 'https://e/plan.pdf')).toBe(
      'pdf:9f86d081884c7d65',
    );
  });

  it('searches 简/繁-blind, deletes a document with all its figures', async () => {
    const db = freshDb();
    const plan = await rememberDocument(db, entryOf(PLAN_2026, 'https://www.nmg.gov.cn/plan.html'));
    const report = await rememberDocument(db, entryOf(REPORT_2023, 'https://www.chinanews.example/r.html'));
    expect(plan.key).not.toBe(report.key);
    expect((await searchLibrary(db, '國民經濟')).map((d) => d.key)).toEqual([plan.key]);
    expect((await searchLibrary(db, 'chinanews')).map((d) => d.key)).toEqual([report.key]);
    expect(await searchLibrary(db, '')).toHaveLength(2);
    expect(await deleteLibraryDocument(db, plan.key)).toBe(true);
    expect(await deleteLibraryDocument(db, plan.key)).toBe(false);
    expect(await countLibrary(db)).toEqual({ documents: 1, figures: report.figureCount });
  });

  it('gives the same ledger rows as the CLI reading the texts, and a metric’s history by year', async () => {
    const db = freshDb();
    await rememberDocument(db, entryOf(REPORT_2023, 'https://r.example/2023.html'));
    await rememberDocument(db, entryOf(PLAN_2026, 'https://p.example/2026.html'));
    const rows = await loadLedgerRows(db);
    const brief = rows.map((r) => `${r.year} ${r.metric} ${r.kind} ${r.value}${r.qualifier}`);
    // From the hand-written tests/fixtures/ledger/inner-mongolia-2020-2026.csv (seeds 002 and 003).
    expect(brief).toContain('2022 gdp_growth achieved 4以上');
    expect(brief).toContain('2023 gdp_growth target 6左右');
    expect(brief).toContain('2026 gdp_growth target 5左右');
    const history = await readMetricHistory(db, '内蒙古自治区', ['gdp_growth']);
    expect(history.map((h) => [h.year, h.target?.quote ?? null, h.achieved?.quote ?? null])).toEqual(
      expect.arrayContaining([
        [2022, null, '4%'],
        [2023, '6%', null],
      ]),
    );
    expect(history.map((h) => h.year)).toEqual([...history.map((h) => h.year)].sort());
    expect(await readMetricHistory(db, '四川省', ['gdp_growth'])).toEqual([]);
    // The row links back to its sentence: the address and the highlighted text.
    const target2026 = rows.find((r) => r.year === 2026 && r.metric === 'gdp_growth')!;
    expect(target2026.source).toBe('https://p.example/2026.html');
    expect(PLAN_2026.slice(target2026.at.start, target2026.at.start + target2026.at.text.length)).toBe(
      target2026.at.text,
    );
  });
});
