import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeText } from './analyze';
import { analyzeInChunks, chunkText, sectionContext } from './analyze-in-chunks';
import { findHeadings } from './sections';
import type { Target } from './target';

const SEEDS = path.resolve(__dirname, '../../tests/fixtures/seeds');
const seed = (name: string) => readFileSync(path.join(SEEDS, name), 'utf8');

function analyzeChunked(text: string, size: number): Target[] {
  const out: Target[] = [];
  for (const _ of analyzeInChunks(text, out, size)) {
    // drain the generator: each step is one chunk
  }
  return out;
}

const view = (t: Target) => [t.start, t.end, t.text, t.kind, t.section, t.indicator];

describe('chunkText', () => {
  it('covers the text without gaps and cuts after line breaks', () => {
    const text = '一、总体要求\n地区生产总值增长6%左右。\n城镇新增就业22万人以上。\n';
    const chunks = chunkText(text, 24);
    expect(chunks[0]![0]).toBe(0);
    expect(chunks.at(-1)![1]).toBe(text.length);
    for (let k = 1; k < chunks.length; k++) expect(chunks[k]![0]).toBe(chunks[k - 1]![1]);
    for (const [, end] of chunks.slice(0, -1)) expect(text[end - 1]).toBe('\n');
  });
});

describe('sectionContext', () => {
  it('gives the open headings, outermost first', () => {
    const text =
      '一、2025年工作回顾\n（一）经济运行\n增长5%。\n（二）就业\n新增就业22万人。\n二、2026年目标\n增长6%左右。';
    const headings = findHeadings(text);
    expect(sectionContext(text, headings, text.indexOf('新增就业'))).toBe('一、2025年工作回顾\n（二）就业\n');
    expect(sectionContext(text, headings, text.indexOf('增长6%'))).toBe('二、2026年目标\n');
    expect(sectionContext(text, headings, 0)).toBe('');
  });
});

describe('analyzeInChunks', () => {
  it.each([
    ['000_2116d4bac5eff305.txt', 4000],
    ['002_2e0490dc36b0060a.txt', 8000],
    ['002_2e0490dc36b0060a.txt', 3000],
    ['003_29900545c6a00a71.txt', 5000],
  ])('gives %s the same targets, sections and kinds in %i-character chunks as in one pass', (name, size) => {
    const text = seed(name);
    expect(chunkText(text, size).length).toBeGreaterThan(1);
    expect(analyzeChunked(text, size).map(view)).toEqual(analyzeText(text).map(view));
  });
});
