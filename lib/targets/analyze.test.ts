import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText, readAnalyzeOptions } from './analyze';

const seed = (name: string) =>
  readFileSync(new URL(`../../tests/fixtures/seeds/${name}`, import.meta.url), 'utf8');

describe('analyzeText', () => {
  it.each([
    ['城镇新增就业 22 万人以上；', '22 万人', '22 万人以上'],
    ['57個(gè)貧困旗縣全部摘帽', '57個(gè)', '57個(gè)'],
    ['增长６．５％左右', '６．５％', '６．５％左右'],
    ['完成生态建设任务4000万\n亩。', '4000万\n亩', '4000万\n亩'],
  ])('maps %j back to the source: quote %j, text %j', (source, quote, text) => {
    const [t] = analyzeText(source);
    expect(t).toBeDefined();
    expect(t!.quote).toBe(quote);
    expect(t!.text).toBe(text);
    expect(source.slice(t!.start, t!.end)).toBe(text);
    expect(source.slice(t!.quoteStart, t!.quoteEnd)).toBe(quote);
  });

  it.each([
    '000_2116d4bac5eff305.txt',
    '001_3671b968aed7ce7c.txt',
    '002_2e0490dc36b0060a.txt',
    '003_29900545c6a00a71.txt',
  ])('every target of %s quotes its source slice', (name) => {
    const source = seed(name);
    const targets = analyzeText(source);
    expect(targets.length).toBeGreaterThan(20);
    for (const t of targets) {
      expect(source.slice(t.quoteStart, t.quoteEnd)).toBe(t.quote);
      expect(source.slice(t.start, t.end)).toBe(t.text);
      expect(t.start).toBeLessThanOrEqual(t.quoteStart);
      expect(t.end).toBeGreaterThanOrEqual(t.quoteEnd);
    }
  });

  it('keeps the pinyin of a traditional reprint in the quote, not in the unit', () => {
    const t = analyzeText(seed('002_2e0490dc36b0060a.txt')).find((x) => x.value === 57 && x.unit === '個');
    expect(t).toMatchObject({ quote: '57個(gè)', unit: '個', kind: 'achieved' });
  });

  it('keeps its offset invariants on arbitrary mixes of numbers, units, pinyin and breaks', () => {
    const pieces = [
      '1',
      '2.5',
      '0',
      '，',
      '。',
      '、',
      '万',
      '亿',
      '百分之',
      '五',
      '两',
      '千',
      '个',
      '亩',
      '%',
      '以上',
      '左右',
      '近',
      '(gè)',
      '（此件）',
      ' ',
      '\n',
      '\n\n',
      '\t',
      '“',
      '”',
      '至',
      '-',
      '一、',
      '（二）',
      '3.',
      '增长',
      '力争',
      '分别',
      '和',
      '超过',
    ];
    let seed = 7;
    let checked = 0;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let round = 0; round < 300; round++) {
      let source = '';
      const length = 1 + Math.floor(random() * 40);
      for (let k = 0; k < length; k++) source += pieces[Math.floor(random() * pieces.length)];
      for (const t of analyzeText(source)) {
        expect(source.slice(t.quoteStart, t.quoteEnd)).toBe(t.quote);
        expect(source.slice(t.start, t.end)).toBe(t.text);
        expect(t.start).toBeLessThanOrEqual(t.quoteStart);
        expect(t.quoteStart).toBeLessThan(t.quoteEnd);
        expect(Number.isFinite(t.value)).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });
});

describe('analyzeText: a statistics bulletin', () => {
  const bulletin =
    '2025年全省地区生产总值比上年增长5.5%。预计全年粮食产量达到800亿斤。全年新增就业目标为50万人。';
  it('reads every figure as achieved when told the page is a bulletin', () => {
    expect(
      analyzeText(bulletin, readAnalyzeOptions('2025年四川省国民经济和社会发展统计公报')).map((t) => t.kind),
    ).toEqual(['achieved', 'achieved', 'achieved']);
  });
  it('reads the wording otherwise', () => {
    expect(analyzeText(bulletin, readAnalyzeOptions('政府工作报告')).map((t) => t.kind)).toContain('target');
    expect(readAnalyzeOptions(undefined)).toEqual({});
  });
});
