import { describe, expect, it } from 'vitest';
import { foldText, foldedIndexOf, markInlinePinyin, sourceSpan } from './fold';
import { getT2s } from './t2s';

const t2s = getT2s();

describe('foldText', () => {
  it.each([
    // seed 002: traditional reprint with inline pinyin
    ['內(nèi)蒙古自治區(qū)第十四屆人民代表大會(huì)', '内蒙古自治区第十四届人民代表大会'],
    ['堅(jiān)持以新能源帶動(dòng)新工業(yè)', '坚持以新能源带动新工业'],
    // seed 001: PDF text with line breaks and spaced numbers, full-width punctuation
    [
      '《2020 年内蒙古自治区国民经济和社会发展计划》已经自治\n\n区十三届人大三次会议',
      '《2020年内蒙古自治区国民经济和社会发展计划》已经自治区十三届人大三次会议',
    ],
    ['增强“四个意识”、坚定“四个自信”', '增强"四个意识"、坚定"四个自信"'],
    ['内政发〔２０２６〕５号，', '内政发[2026]5号,'],
    ['  (三)实施服务业扩能提质行动', '(三)实施服务业扩能提质行动'],
    ['GDP(国内生产总值)', 'gdp(国内生产总值)'],
  ])('folds %j', (source, folded) => {
    expect(foldText(source, { t2s }).text).toBe(folded);
  });

  it('keeps an exact map from every folded unit back to its source character', () => {
    const source = '當(dāng)前位置: 首頁 > 光伏';
    const folded = foldText(source, { t2s });
    expect(folded.text).toBe('当前位置:首页>光伏');
    for (let i = 0; i < folded.text.length; i++) {
      expect(foldText(source[folded.toSource[i]!]!, { t2s }).text).toBe(folded.text[i]);
    }
    expect(sourceSpan(folded, 2, 4)).toEqual([source.indexOf('位置'), source.indexOf('位置') + 2]);
    expect(folded.toSource[folded.text.length]).toBe(source.length);
  });

  it('maps length-changing conversions per character without losing the map', () => {
    const expanding = (s: string) => s.replaceAll('囍', '喜喜');
    const folded = foldText('双囍临门', { t2s: expanding });
    expect(folded.text).toBe('双喜喜临门');
    expect(Array.from(folded.toSource)).toEqual([0, 1, 1, 2, 3, 4]);
  });

  it('converts phrase-aware within breaks, not across them', () => {
    // 乾隆 must stay 乾隆 (a per-character t2s would give 干隆).
    expect(foldText('乾隆年間', { t2s }).text).toBe('乾隆年间');
    const split = foldText('乾隆', { t2s, breaks: [1] }).text;
    expect(split).toHaveLength(2);
  });

  it('folds astral characters to spans that cover both surrogates', () => {
    const source = '甲𠀋乙';
    const folded = foldText(source);
    expect(sourceSpan(folded, 1, 3)).toEqual([1, 3]);
  });

  it('finds folded indices for source offsets', () => {
    const folded = foldText('  甲 乙');
    expect(foldedIndexOf(folded, 3)).toBe(1);
    expect(foldedIndexOf(folded, 0)).toBe(0);
  });

  it.each([
    ['國(guó)內(nèi)', [0, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1]],
    ['業(ye)務', [0, 1, 1, 1, 1, 0]],
    ['(一)总体', [0, 0, 0, 0, 0]],
  ])('marks inline pinyin in %j', (source, marks) => {
    expect(Array.from(markInlinePinyin(source))).toEqual(marks);
  });
});

describe('OpenCC t2cn on real text', () => {
  it.each(['000_2116d4bac5eff305.txt', '002_2e0490dc36b0060a.txt'])(
    'keeps the length of %s (so per-node folding maps one to one)',
    async (name) => {
      const { readFileSync } = await import('node:fs');
      const path = await import('node:path');
      const text = readFileSync(
        path.resolve(import.meta.dirname, '../../tests/fixtures/seeds', name),
        'utf8',
      );
      const converted = t2s(text);
      expect(converted.length).toBe(text.length);
      expect(foldText(text, { t2s }).toSource.length).toBeGreaterThan(text.length / 2);
    },
  );
});
