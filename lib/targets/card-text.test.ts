import { describe, expect, it } from 'vitest';
import { analyzeText } from './analyze';
import { describeCardQuantity, markSentence } from './card-text';

const ZH = { up: '增长', down: '降低' };

describe('describeCardQuantity', () => {
  it.each<[string, string, string, string | null]>([
    // [sentence, quote to pick, headline, normal]
    ['单位国内生产总值能耗降低2.5%左右。', '2.5%', '降低 2.5%', null],
    ['地区生产总值增长5%左右。', '5%', '增长 5%', null], // never `5% · 5%`
    ['社会消费品零售总额突破20000亿元。', '20000亿元', '20000亿元', '2万亿元'],
    ['城镇新增就业18万人以上。', '18万人', '18万人', null],
    ['城鎮新增就業18萬人以上。', '18萬人', '18萬人', null], // 萬 reads as 万
    ['全年进出口总额4.5%—5%。', '4.5%—5%', '增长 4.5%—5%', null], // a bare rate of a total reads as growth
  ])('%s → %s', (sentence, quote, headline, normal) => {
    const target = analyzeText(sentence).find((t) => t.quote === quote);
    expect(target).toBeDefined();
    expect(describeCardQuantity(target!, ZH)).toEqual({ headline, normal });
  });

  it('shows the normal form of a value written in base units', () => {
    const text = describeCardQuantity(
      { quote: '84000000000斤', value: 84e9, unit: '斤', direction: null },
      ZH,
    );
    expect(text).toEqual({ headline: '84000000000斤', normal: '840亿斤' });
  });

  it('uses the locale’s direction words', () => {
    const text = describeCardQuantity(
      { quote: '2.5%', value: 2.5, unit: '%', direction: 'down' },
      { up: 'up', down: 'down' },
    );
    expect(text.headline).toBe('down 2.5%');
  });
});

describe('markSentence', () => {
  const text = '一、主要目标\n地区生产总值增长5%左右；城镇新增就业18万人以上。居民消费价格涨幅3%左右。';
  it.each<[string, string, string]>([
    ['5%', '地区生产总值增长', '左右；'],
    ['18万人', '城镇新增就业', '以上。'],
    ['3%', '居民消费价格涨幅', '左右。'],
  ])('%s', (quote, before, after) => {
    const start = text.indexOf(quote);
    expect(markSentence(text, start, start + quote.length)).toEqual({ before, mark: quote, after });
  });

  it('cuts a long sentence with ellipses and clamps offsets', () => {
    const long = `${'甲'.repeat(100)}增长5%${'乙'.repeat(100)}`;
    const at = long.indexOf('5%');
    const marked = markSentence(long, at, at + 2);
    expect(marked.before.startsWith('…')).toBe(true);
    expect(marked.after.endsWith('…')).toBe(true);
    expect(marked.before.length).toBe(81);
    expect(markSentence('增长5%', -3, 99)).toEqual({ before: '', mark: '增长5%', after: '' });
  });
});
