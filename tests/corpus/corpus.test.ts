import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Validates the real-page corpus (issue #10): every saved page has complete metadata with allowed
 * values, ids match file names, no page is saved twice, and every label file belongs to a plan page
 * and quotes the page's own text in document order. Runs on whatever pages exist, so pages added by
 * another branch are checked after a merge.
 */

const ROOT = join(import.meta.dirname);
const PAGES = join(ROOT, 'pages');
const LABELS = join(ROOT, 'labels');

const PLAN_TYPES = [
  'work-report',
  'annual-plan',
  'five-year-plan',
  'action-plan',
  'livelihood-list',
  'policy-address',
  'news-summary',
];
const OTHER_TYPES = [
  'statistics-bulletin',
  'budget-report',
  'congress-news',
  'commentary',
  'company-report',
  'admissions',
  'sports',
  'product',
  'gdp-ranking',
  'news-mention',
  'encyclopedia',
  'other',
];
const SCRIPTS = ['simplified', 'traditional', 'pinyin'];
const LEVELS = ['national', 'province', 'city', 'county', null];
const SITES = ['gov-portal', 'news', 'reprint', 'repo', 'blog', 'encyclopedia', 'other'];
const FIELDS = [
  'id',
  'url',
  'source',
  'title',
  'class',
  'type',
  'script',
  'level',
  'jurisdiction',
  'year',
  'site',
  'excerpt',
  'notes',
];
const KINDS = ['target', 'achieved'];
const DIRECTIONS = ['up', 'down', null];
const PROVINCIAL = /(省|自治区|北京市|天津市|上海市|重庆市)$/;

interface PageMeta {
  id: string;
  url: string;
  source: string;
  title: string;
  class: 'plan' | 'other';
  type: string;
  script: string;
  level: string | null;
  jurisdiction: string | null;
  year: number | null;
  site: string;
  excerpt: boolean;
  notes: string;
}

interface Label {
  quote: string;
  value: number;
  valueMax?: number;
  unit: string;
  qualifier: string;
  indicator: string;
  kind: string;
  metric: string | null;
  direction: string | null;
  year: number | null;
}

function listIds(dir: string, ext: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .map((f) => f.slice(0, -ext.length))
    .sort();
}

function readMeta(id: string): PageMeta {
  return JSON.parse(readFileSync(join(PAGES, `${id}.json`), 'utf8')) as PageMeta;
}

function readText(id: string): string {
  return readFileSync(join(PAGES, `${id}.txt`), 'utf8');
}

function readLabels(id: string): Label[] {
  return readFileSync(join(LABELS, `${id}.jsonl`), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Label);
}

/**
 * Finds `quote` at or after `from` where it is not the tail of a longer number (so `3%` does not
 * match inside `13%` or `2.3%`); returns -1 when there is no such occurrence.
 */
function findWholeQuote(text: string, quote: string, from: number): number {
  for (let at = text.indexOf(quote, from); at >= 0; at = text.indexOf(quote, at + 1)) {
    if (!/[0-9０-９.．]/.test(text[at - 1] ?? '')) return at;
  }
  return -1;
}

const textIds = listIds(PAGES, '.txt');
const metaIds = listIds(PAGES, '.json');
const labelIds = listIds(LABELS, '.jsonl');

describe('corpus pages', () => {
  it('pairs every .txt with a .json and the other way round', () => {
    expect(metaIds).toEqual(textIds);
  });

  it.each(metaIds)('%s has complete, allowed metadata', (id) => {
    const meta = readMeta(id);
    expect(Object.keys(meta).sort()).toEqual([...FIELDS].sort());
    expect(meta.id).toBe(id);
    expect(id).toMatch(/^[a-z]\d{3}-[a-z0-9-]+$/);
    expect(meta.url).toMatch(/^https?:\/\//);
    expect(meta.source === 'pages' || /^github:[^/]+\/[^/]+\/.+/.test(meta.source)).toBe(true);
    expect(meta.title.trim()).not.toBe('');
    expect(['plan', 'other']).toContain(meta.class);
    expect(meta.class === 'plan' ? PLAN_TYPES : OTHER_TYPES).toContain(meta.type);
    expect(SCRIPTS).toContain(meta.script);
    expect(LEVELS).toContain(meta.level);
    expect(meta.jurisdiction === null || meta.jurisdiction.trim() !== '').toBe(true);
    expect(
      meta.year === null || (Number.isInteger(meta.year) && meta.year >= 1990 && meta.year <= 2035),
    ).toBe(true);
    expect(SITES).toContain(meta.site);
    expect(typeof meta.excerpt).toBe('boolean');
    expect(typeof meta.notes).toBe('string');
  });

  it.each(textIds)('%s has usable text ending with a newline', (id) => {
    const text = readText(id);
    expect(text.length).toBeGreaterThanOrEqual(150);
    expect(text.endsWith('\n')).toBe(true);
  });

  it('keeps the 2026 provincial work reports out (the acceptance set)', () => {
    const held = metaIds
      .map(readMeta)
      .filter(
        (m) =>
          m.type === 'work-report' &&
          m.level === 'province' &&
          m.year === 2026 &&
          PROVINCIAL.test(m.jurisdiction ?? ''),
      )
      .map((m) => m.id);
    expect(held).toEqual([]);
  });

  it('saves no page twice (same URL or same opening)', () => {
    const seenUrl = new Map<string, string>();
    const seenHead = new Map<string, string>();
    const dups: string[] = [];
    for (const id of metaIds) {
      const { url } = readMeta(id);
      const head = readText(id).slice(0, 80);
      if (seenUrl.has(url)) dups.push(`${id} repeats the URL of ${seenUrl.get(url)}`);
      if (seenHead.has(head)) dups.push(`${id} repeats the text of ${seenHead.get(head)}`);
      seenUrl.set(url, id);
      seenHead.set(head, id);
    }
    expect(dups).toEqual([]);
  });
});

describe('corpus labels', () => {
  it('labels only saved plan pages', () => {
    const orphans = labelIds.filter((id) => !metaIds.includes(id) || readMeta(id).class !== 'plan');
    expect(orphans).toEqual([]);
  });

  it.each(labelIds)('%s: well-formed labels quoting the page in document order', (id) => {
    const text = readText(id);
    const labels = readLabels(id);
    expect(labels.length).toBeGreaterThan(0);
    let from = 0;
    for (const label of labels) {
      expect(typeof label.quote).toBe('string');
      expect(Number.isFinite(label.value)).toBe(true);
      if (label.valueMax !== undefined) expect(label.valueMax).toBeGreaterThan(label.value);
      expect(typeof label.unit).toBe('string');
      expect(typeof label.qualifier).toBe('string');
      expect(label.indicator.trim()).not.toBe('');
      expect(KINDS).toContain(label.kind);
      expect(label.metric === null || /^[a-z][a-z0-9_]*$/.test(label.metric)).toBe(true);
      expect(DIRECTIONS).toContain(label.direction);
      expect(label.year === null || Number.isInteger(label.year)).toBe(true);
      const at = findWholeQuote(text, label.quote, from);
      expect(at, `"${label.quote}" after offset ${from}`).toBeGreaterThanOrEqual(0);
      from = at + label.quote.length;
    }
  });
});
