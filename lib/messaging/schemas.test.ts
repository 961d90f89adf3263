import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectPlanPage } from '../detect/detect';
import type { NoteRecord } from '../db/note';
import { CONTENT_SCHEMAS, MAX_ANALYZED_CHARS } from './schemas';

const FIXTURES = path.resolve(import.meta.dirname, '../../tests/fixtures');

// What real senders send must pass unchanged: a schema that refused it would silently break a
// feature (the gate's verdict, a note's undo).
describe('content schemas accept what the extension really sends', () => {
  const seeds = readdirSync(path.join(FIXTURES, 'seeds')).filter((f) => f.endsWith('.txt'));

  it.each(seeds)('the gate’s verdict on seed %s', (file) => {
    const text = readFileSync(path.join(FIXTURES, 'seeds', file), 'utf8').slice(0, 6000);
    const title = text.split('\n').find((line) => line.trim() !== '') ?? '';
    const detection = detectPlanPage({
      url: 'http://www.nmg.gov.cn/zwgk/plan.html',
      title,
      headings: [],
      text,
    });
    const request = {
      url: 'http://www.nmg.gov.cn/zwgk/plan.html',
      detection,
      documentToken: 'k3j9x1a2b3c4d5e6',
      scriptRemembered: false,
    };
    expect(CONTENT_SCHEMAS.pageDetected(request, 'data')).toEqual(request);
  });

  it('the article text of a 5 MB plan page (about 1.6 M characters), and no more than the cap', () => {
    const seed = readFileSync(path.join(FIXTURES, 'seeds', seeds[0]!), 'utf8');
    const text = seed.repeat(Math.ceil(1_600_000 / seed.length));
    expect(CONTENT_SCHEMAS.analyzeTargets({ text }, 'data')).toEqual({ text });
    const past = 'x'.repeat(MAX_ANALYZED_CHARS + 1);
    expect(() => CONTENT_SCHEMAS.analyzeTargets({ text: past }, 'data')).toThrow();
  });

  it('every stored note of the frozen v2 dump, as notesRestore sends it back', () => {
    const dump = JSON.parse(readFileSync(path.join(FIXTURES, 'notes/v2-dump.json'), 'utf8')) as {
      notes: NoteRecord[];
    };
    expect(dump.notes.length).toBeGreaterThan(0);
    for (const note of dump.notes) {
      expect(CONTENT_SCHEMAS.notesRestore({ note }, 'data')).toEqual({ note });
    }
  });
});

describe('the corrections and panel-event schemas', () => {
  it('pass what the reader sends and refuse the rest', () => {
    const ask = { title: '内蒙古自治区2026年国民经济和社会发展计划', head: '内政发〔2026〕5号' };
    expect(CONTENT_SCHEMAS.correctionsForPage({ ...ask, extra: 1 }, 'data')).toEqual(ask);
    expect(() => CONTENT_SCHEMAS.correctionsForPage({ fingerprintKey: 'doc:x' }, 'data')).toThrow();
    expect(() => CONTENT_SCHEMAS.correctionsForPage({ ...ask, head: '内'.repeat(4_001) }, 'data')).toThrow();
    expect(CONTENT_SCHEMAS.targetsPageHover({ index: -1 }, 'data')).toEqual({ index: -1 });
    expect(CONTENT_SCHEMAS.targetsPageHover({ index: 12 }, 'data')).toEqual({ index: 12 });
    for (const index of [-2, 1.5, '3', null]) {
      expect(() => CONTENT_SCHEMAS.targetsPageHover({ index }, 'data')).toThrow();
    }
    expect(CONTENT_SCHEMAS.targetsPageLocation({ section: 340 }, 'data')).toEqual({ section: 340 });
    expect(() => CONTENT_SCHEMAS.targetsPageLocation({ section: -5 }, 'data')).toThrow();
  });
});

describe('the library’s messages', () => {
  const seeds = readdirSync(path.join(FIXTURES, 'seeds')).filter((f) => f.endsWith('.txt'));

  it.each(seeds)('libraryRemember passes every figure of seed %s unchanged', async (file) => {
    const { analyzeText } = await import('../targets/analyze');
    const { readLibraryFigures } = await import('../db/library');
    const text = readFileSync(path.join(FIXTURES, 'seeds', file), 'utf8');
    const request = {
      canonicalUrl: '',
      title: '内蒙古自治区人民政府关于下达2026年自治区国民经济和社会发展计划的通知_政策文件',
      headings: ['内蒙古自治区人民政府关于下达2026年自治区国民经济和社会发展计划的通知'],
      head: text.slice(0, 3000),
      figures: readLibraryFigures(text, analyzeText(text)),
    };
    expect(request.figures.length).toBeGreaterThan(10);
    expect(CONTENT_SCHEMAS.libraryRemember(request, 'data')).toEqual(request);
  });

  it('refuses a figure with an unknown metric or kind, and a history request naming none', () => {
    const figure = {
      quote: '5%',
      text: '5%左右',
      value: 5,
      valueMax: null,
      unit: '%',
      qualifier: '左右',
      indicator: '地区生产总值',
      kind: 'target',
      section: '',
      start: 0,
      metric: 'gdp_growth',
      year: null,
      direction: 'up',
      firmness: 'soft',
      headline: true,
      average: false,
    };
    const request = { canonicalUrl: '', title: '', headings: [], head: '', figures: [figure] };
    expect(CONTENT_SCHEMAS.libraryRemember(request, 'data')).toEqual(request);
    const bad = (changes: object) => ({ ...request, figures: [{ ...figure, ...changes }] });
    expect(() => CONTENT_SCHEMAS.libraryRemember(bad({ metric: 'gdp' }), 'data')).toThrow();
    expect(() => CONTENT_SCHEMAS.libraryRemember(bad({ kind: 'plan' }), 'data')).toThrow();
    expect(() => CONTENT_SCHEMAS.libraryRemember(bad({ value: Number.NaN }), 'data')).toThrow();
    expect(() => CONTENT_SCHEMAS.libraryHistory({ metrics: ['gdp_growth', 'x'] }, 'data')).toThrow();
    // The short form names the background's analysis: sizes and dropped indexes are counts.
    // It travels with the pass's highlightsUpdated, whose counts stay required.
    const named = { canonicalUrl: '', title: '', headings: [], chars: 120_000, count: 274, dropped: [3] };
    const updated = (library: object) => ({ enabled: true, counts: { target: 270, achieved: 4 }, library });
    expect(CONTENT_SCHEMAS.highlightsUpdated(updated(named), 'data')).toEqual(updated(named));
    expect(() => CONTENT_SCHEMAS.highlightsUpdated(updated({ ...named, count: 0 }), 'data')).toThrow();
    expect(() => CONTENT_SCHEMAS.highlightsUpdated(updated({ ...named, dropped: [-1] }), 'data')).toThrow();
    expect(() => CONTENT_SCHEMAS.highlightsUpdated(updated({ ...named, chars: 1.5 }), 'data')).toThrow();
    expect(() => CONTENT_SCHEMAS.highlightsUpdated({ library: named }, 'data')).toThrow();
    expect(CONTENT_SCHEMAS.libraryHistory({ metrics: ['cpi'], jurisdiction: '四川省' }, 'data')).toEqual({
      metrics: ['cpi'],
    });
  });
});
