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

/** A sentence of a real plan and where one of its quantities sits in it. */
interface Placed {
  sentence: string;
  quoteStart: number;
  quote: string;
}

/** Sentences of seeds 003 and 000 with the quantities analyzeText finds in them (at most `limit`). */
function quantitiesOfSeed(limit: number): Placed[] {
  const found: Placed[] = [];
  const text = seed('003_29900545c6a00a71.txt') + seed('000_2116d4bac5eff305.txt');
  for (const raw of text.split(/(?<=[。；])|\n/)) {
    const sentence = raw.trim();
    if (sentence.length > 300) continue;
    for (const t of analyzeText(sentence)) {
      if (t.quote.length >= 2 && found.length < limit)
        found.push({ sentence, quoteStart: t.quoteStart, quote: t.quote });
    }
  }
  return found;
}

/** Plan-like text without figures, to move the next quantity onto a chunk edge. */
const FILLER = '坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局，着力推动高质量发展。';

/**
 * One long text in which chunk edge k (at k × size, where the old chunker cut a line longer than
 * half a chunk) falls inside the k-th quantity, after its `k mod (length - 1) + 1` first characters;
 * every other case puts a line break there instead where the number goes on after it, as a CMS `<br>` inside `4000万<br>亩` does.
 */
function quantitiesOnEdges(quantities: readonly Placed[], size: number): string {
  let text = '';
  quantities.forEach(({ sentence, quoteStart, quote }, k) => {
    const edge = (k + 1) * size;
    const split = (k % (quote.length - 1)) + 1;
    const pad = edge - text.length - quoteStart - split;
    if (pad < 1) throw new Error('sentence too long for the chunk size');
    text += FILLER.repeat(Math.ceil(pad / FILLER.length)).slice(0, pad - 1) + '。';
    const at = quoteStart + split;
    // Only where a break joins in one pass too: after a digit or magnitude, not between two digits.
    const breaks = k % 2 === 1 && /[\d万亿][^\d]/.test(sentence.slice(at - 1, at + 1));
    text += breaks ? `${sentence.slice(0, at)}\n${sentence.slice(at)}` : sentence;
  });
  return text + FILLER;
}

describe('quantities on chunk edges', () => {
  it('are read whole: 60 quantities cut by the edges give the targets of one pass', () => {
    const size = 4000;
    const quantities = quantitiesOfSeed(60);
    expect(quantities).toHaveLength(60);
    const text = quantitiesOnEdges(quantities, size);
    const whole = analyzeText(text);
    // The one-pass result has every placed quantity whole.
    for (const { quote } of quantities)
      expect(whole.some((t) => t.quote.replace('\n', '') === quote)).toBe(true);
    const full = (t: Target) => [
      t.start,
      t.end,
      t.quote,
      t.value,
      t.unit,
      t.qualifier,
      t.kind,
      t.indicator,
      t.section,
    ];
    expect(analyzeChunked(text, size).map(full)).toEqual(whole.map(full));
  });

  it('reads a long line without punctuation whole, cutting it only between quantities', () => {
    const text = '完成改造1234.5万千瓦建设项目新增就业18万人以上'.repeat(40);
    const full = (t: Target) => [t.start, t.end, t.quote, t.value, t.unit];
    expect(analyzeChunked(text, 100).map(full)).toEqual(analyzeText(text).map(full));
  });
});
