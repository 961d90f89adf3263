import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_IGNORABLE_RANGES, isDefaultIgnorable, normalizeForAnalysis } from './normalize';

const seed = (name: string) =>
  readFileSync(new URL(`../../tests/fixtures/seeds/${name}`, import.meta.url), 'utf8');

/** Maps `[start, end)` of normalised text back to the source slice it came from. */
function sourceOf(source: string, toSource: Int32Array, start: number, end: number): string {
  return source.slice(toSource[start], toSource[end - 1]! + 1);
}

describe('normalizeForAnalysis', () => {
  it.each([
    ['PDF line break inside a word', '城镇调查失\n\n业率 5.5%左右', '城镇调查失业率5.5%左右'],
    [
      'a blank line before an indented line ends a paragraph',
      '增长6.1%\n\n  城镇新增就业1352万人',
      '增长6.1%\n城镇新增就业1352万人',
    ],
    [
      'a blank line after a line that ends with a quantity ends an item (Sing Tao digest)',
      '全社会研发经费投入年均增长7%以上\n\n单位国内生产总值二氧化碳排放累计降低17%\n\n人均预期寿命提高到80岁\n\n粮食综合生产能力达到1.45万亿斤左右',
      '全社会研发经费投入年均增长7%以上\n单位国内生产总值二氧化碳排放累计降低17%\n人均预期寿命提高到80岁\n粮食综合生产能力达到1.45万亿斤左右',
    ],
    [
      'a single break after a quantity still joins (a wrapped line)',
      '地区生产总值增长7%以上\n单位国内生产总值能耗',
      '地区生产总值增长7%以上单位国内生产总值能耗',
    ],
    [
      'a blank line after a quantity before punctuation joins',
      '增长7%以上\n\n，城镇新增就业',
      '增长7%以上，城镇新增就业',
    ],
    ['PDF spaces in a number', '增长 6 . 5%左右', '增长6.5%左右'],
    ['space before a magnitude', '城镇新增就业 22 万人以上', '城镇新增就业22万人以上'],
    ['split quantity across lines', '农田 300 万\n\n亩', '农田300万亩'],
    ['CMS <br> after a number', '完成生态建设任务4000万\n亩。', '完成生态建设任务4000万亩。'],
    ['toned pinyin', '國(guó)內(nèi)新聞', '國內新聞'],
    ['toneless repeated pinyin', '就業(ye)(ye)優先', '就業優先'],
    ['pinyin after a classifier', '57個(gè)貧困旗縣', '57個貧困旗縣'],
    ['full-width pinyin parentheses', '國（guó）內', '國內'],
    ['real parentheses with Latin', '细颗粒物(PM2.5)未达标', '细颗粒物(PM2.5)未达标'],
    ['seven letters are not one syllable', '國(abcdefg)內', '國(abcdefg)內'],
    ['capitals are not pinyin', '國(Guó)內', '國(Guó)內'],
    ['a group must close', '國(guó內', '國(guó內'],
    ['mixed brackets close a group', '國（guó)內(nèi）新聞', '國內新聞'],
    ['full-width parenthesised Chinese', '（此件公开发布）', '（此件公开发布）'],
    ['full-width digits and signs', '增长６．５％，新增１２００个', '增长6.5%，新增1200个'],
    ['full-width comma between digits', '改造1，200个', '改造1,200个'],
    ['full-width point between ASCII digits', '增长6．5%左右', '增长6.5%左右'],
    ['full-width comma before full-width digits', '改造1，２００个', '改造1,200个'],
    ['full-width comma after a digit, not before one', '共建成3，其中新建2个', '共建成3，其中新建2个'],
    ['full-width comma at the very end', '新增1200个，', '新增1200个，'],
    ['Latin words keep a space', 'Hello world', 'Hello world'],
    ['two numbers keep a space', '2023-01-18 11:29:31', '2023-01-18 11:29:31'],
    ['digit and Latin unit join', '并网装机25 GW以上', '并网装机25GW以上'],
    ['table cells stay apart', '广东\t142180\t 5.4%\t5.3%', '广东\t142180\t5.4%\t5.3%'],
  ])('%s', (_name, source, expected) => {
    expect(normalizeForAnalysis(source).text).toBe(expected);
  });

  it.each([
    [
      'sentence end',
      '居民消费价格涨幅3.5%左右；居民收入增长与经济增长基本同步。\n\n实现上述目标',
      '同步。\n实现',
    ],
    ['heading line', '一、全面做好“六稳”工作，强化高质量发展支撑 \n\n进一步完善和强化', '支撑\n进一步'],
    ['next line is a heading', '筑牢祖国北疆安全稳定屏障\n\n（一）深入实施就业优先战略。', '屏障\n（一）'],
  ])('keeps a paragraph break as one \\n: %s', (_name, source, expected) => {
    expect(normalizeForAnalysis(source).text).toContain(expected);
  });

  describe('in web text (one paragraph per line)', () => {
    const paragraph =
      '推进农牧业现代化，实施主要粮油作物大面积单产提升行动，持续巩固拓展脱贫攻坚成果，推动高质量发展。';
    const page = (middle: string) =>
      [...Array<string>(6).fill(paragraph), middle, ...Array<string>(6).fill(paragraph)].join('\n');

    it('keeps the break after a short title line', () => {
      expect(normalizeForAnalysis(page('国内新闻\n2026年经济社会发展的主要预期目标是：')).text).toContain(
        '国内新闻\n2026年',
      );
    });

    it('joins a hard-wrapped line with indentation, which renders as a space', () => {
      expect(normalizeForAnalysis(page('地区生产总值\n      增长5%左右。')).text).toContain(
        '地区生产总值增长5%左右。',
      );
    });
  });

  it('maps an empty string to an empty map', () => {
    const { text, toSource } = normalizeForAnalysis('');
    expect(text).toBe('');
    expect(Array.from(toSource)).toEqual([0]);
  });

  it.each([
    ['001_3671b968aed7ce7c.txt', '22万人以上', '22 万人以上'],
    ['001_3671b968aed7ce7c.txt', '城镇调查失业率5.5%左右', '城镇调查失\n\n业率 5.5%左右'],
    ['002_2e0490dc36b0060a.txt', '57個貧困旗縣', '57個(gè)貧困旗縣'],
    ['002_2e0490dc36b0060a.txt', '地區生產總值從1.5萬億元', '地區(qū)生產(chǎn)總值從1.5萬億元'],
  ])('a match in %s maps back to the source characters: %s', (name, needle, original) => {
    const source = seed(name);
    const { text, toSource } = normalizeForAnalysis(source);
    const at = text.indexOf(needle);
    expect(at).toBeGreaterThanOrEqual(0);
    expect(sourceOf(source, toSource, at, at + needle.length)).toBe(original);
  });

  it.each([
    '000_2116d4bac5eff305.txt',
    '001_3671b968aed7ce7c.txt',
    '002_2e0490dc36b0060a.txt',
    '003_29900545c6a00a71.txt',
  ])('every character of %s maps to its own source character, in order', (name) => {
    const source = seed(name);
    const { text, toSource } = normalizeForAnalysis(source);
    expect(toSource.length).toBe(text.length + 1);
    for (let i = 0; i < text.length; i++) {
      const from = source[toSource[i]!]!;
      if (text[i] === '\n' || text[i] === ' ') expect(from).toMatch(/\s/);
      else expect(from.normalize('NFKC')).toBe(text[i]!.normalize('NFKC'));
      if (i > 0) expect(toSource[i]!).toBeGreaterThan(toSource[i - 1]!);
    }
    expect(toSource[text.length]).toBe(toSource[text.length - 1]! + 1);
    expect(text).not.toMatch(/[\u4e00-\u9fff]\([a-zāáǎàēéěèīíǐìōóǒòūúǔù]+\)/);
  });
});

describe('default-ignorable characters', () => {
  it('lists exactly the code points of \\p{Default_Ignorable_Code_Point}', () => {
    const property = /\p{Default_Ignorable_Code_Point}/u;
    const differ: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      if (property.test(String.fromCodePoint(cp)) !== isDefaultIgnorable(cp)) differ.push(cp.toString(16));
    }
    expect(differ).toEqual([]);
    expect(
      DEFAULT_IGNORABLE_RANGES.every(([a, b], k, all) => a <= b && (k === 0 || all[k - 1]![1] < a)),
    ).toBe(true);
  });

  it.each([
    ['zero-width joiner in a number', '新增就业1\u200d8万人', '新增就业18万人', '1\u200d8万人'],
    ['soft hyphen in a number', '粮食产量超过84\u00ad0亿斤', '粮食产量超过840亿斤', '84\u00ad0亿斤'],
    ['word joiner after a decimal point', '失业率5.\u20607%左右', '失业率5.7%左右', '5.\u20607%'],
    ['BOM between digits is no space', '改造1\ufeff00万千瓦', '改造100万千瓦', '1\ufeff00万千瓦'],
    ['direction isolate around a unit', '达到180\u2066万头\u2069', '达到180万头', '180\u2066万头'],
    ['astral tag inside a number', '稳定在7\u{e0041}50万吨', '稳定在750万吨', '7\u{e0041}50万吨'],
  ])('%s', (_name, source, expected, quantity) => {
    const { text, toSource } = normalizeForAnalysis(source);
    expect(text).toBe(expected);
    // The quantity's source range spans the invisible characters inside it.
    const bare = quantity.replace(/\p{Default_Ignorable_Code_Point}/gu, '');
    const start = text.indexOf(bare);
    expect(sourceOf(source, toSource, start, start + bare.length)).toBe(quantity);
  });
});
