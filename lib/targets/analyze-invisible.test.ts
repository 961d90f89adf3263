import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from './analyze';
import type { Target } from './target';

const seed = (name: string) =>
  readFileSync(new URL(`../../tests/fixtures/seeds/${name}`, import.meta.url), 'utf8');

/** Sentences of seed 003 (内蒙古 2026 plan) and seed 000 (2020 plan), with the figures we cut. */
const GOALS = seed('003_29900545c6a00a71.txt')
  .split('\n')
  .find((line) => line.includes('城镇调查失业率5.7%左右'))!
  .trim();
const DAIRY = '深化奶业振兴行动,奶产量稳定在750万吨左右。';
const POWER = '完成燃煤电站超低排放改造100万千瓦以上、节能改造400万千瓦左右,淘汰煤电落后产能4.2万千瓦。';

/** Inserts `mark` into `text` right after the first occurrence of `after`. */
function inject(text: string, after: string, mark: string): string {
  const at = text.indexOf(after);
  if (at < 0) throw new Error(`no ${after} in ${text}`);
  return text.slice(0, at + after.length) + mark + text.slice(at + after.length);
}

/** What a target says, without offsets. */
const meaning = (t: Target) => ({ value: t.value, unit: t.unit, qualifier: t.qualifier, kind: t.kind });

describe('invisible characters inside numbers and units', () => {
  it.each([
    // The three cases of issue #16, in their real sentences.
    ['ZWJ in 18万人', GOALS, '1', '\u200d', '1\u200d8万人', 180000, '人'],
    ['soft hyphen in 840亿斤', GOALS, '84', '\u00ad', '84\u00ad0亿斤', 84000000000, '斤'],
    ['word joiner after the point of 5.7%', GOALS, '5.', '\u2060', '5.\u20607%', 5.7, '%'],
    ['ZWSP before the magnitude', DAIRY, '750', '\u200b', '750\u200b万吨', 7500000, '吨'],
    ['ZWNJ inside the unit', POWER, '100万千', '\u200c', '100万千\u200c瓦', 1000000, '千瓦'],
    ['LRM inside a decimal', POWER, '4.', '\u200e', '4.\u200e2万千瓦', 42000, '千瓦'],
    ['RLM after the magnitude', DAIRY, '750万', '\u200f', '750万\u200f吨', 7500000, '吨'],
    ['LRE before the percent sign', GOALS, '增长5', '\u202a', '5\u202a%', 5, '%'],
    ['RLO inside a number', GOALS, '18', '\u202e', '18\u202e万人', 180000, '人'],
    ['LRI inside a number', GOALS, '84', '\u2066', '84\u20660亿斤', 84000000000, '斤'],
    ['PDI inside a unit', GOALS, '840亿', '\u2069', '840亿\u2069斤', 84000000000, '斤'],
    ['BOM (ZWNBSP) inside a number', POWER, '40', '\ufeff', '40\ufeff0万千瓦', 4000000, '千瓦'],
    ['two marks in a row', GOALS, '1', '\u200b\u00ad', '1\u200b\u00ad8万人', 180000, '人'],
    ['a variation selector after a digit', DAIRY, '75', '\ufe0f', '75\ufe0f0万吨', 7500000, '吨'],
    ['an astral tag character', DAIRY, '7', '\u{e0041}', '7\u{e0041}50万吨', 7500000, '吨'],
  ])('%s', (_name, sentence, after, mark, quote, value, unit) => {
    const source = inject(sentence, after, mark);
    const clean = analyzeText(sentence);
    const dirty = analyzeText(source);
    // Nothing is cut, dropped or added: the same quantities with the same meaning.
    expect(dirty.map(meaning)).toEqual(clean.map(meaning));
    const hit = dirty.find((t) => t.quote.includes(mark));
    expect(hit).toMatchObject({ quote, value, unit });
    // Offsets point into the original text, invisible characters included.
    expect(source.slice(hit!.quoteStart, hit!.quoteEnd)).toBe(quote);
    expect(source.slice(hit!.start, hit!.end)).toBe(hit!.text);
    const shift = (i: number) => (i > source.indexOf(mark) ? i + mark.length : i);
    const twin = clean.find((t) => t.value === hit!.value && t.unit === hit!.unit)!;
    expect([hit!.quoteStart, hit!.quoteEnd]).toEqual([shift(twin.quoteStart), shift(twin.quoteEnd)]);
  });

  it('reads a whole seed sprinkled with invisible characters as the clean seed', () => {
    const clean = seed('003_29900545c6a00a71.txt');
    const marks = ['\u200b', '\u200d', '\u00ad', '\u2060', '\u200e', '\ufeff', '\u2067'];
    // One mark after every third digit: inside nearly every number of the plan.
    let k = 0;
    const dirty = clean.replace(/\d/g, (d) => (k++ % 3 === 0 ? d + marks[k % marks.length]! : d));
    const expected = analyzeText(clean);
    const found = analyzeText(dirty);
    expect(found.length).toBeGreaterThan(20);
    expect(found.map(meaning)).toEqual(expected.map(meaning));
    const strip = (s: string) => s.replace(/\p{Default_Ignorable_Code_Point}/gu, '');
    expect(found.map((t) => strip(t.quote))).toEqual(expected.map((t) => t.quote));
    for (const t of found) expect(dirty.slice(t.quoteStart, t.quoteEnd)).toBe(t.quote);
  });
});
