import { Converter } from 'opencc-js/cn2t';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../targets/analyze';
import { foldText } from './fold';
import { getT2s } from './t2s';
import { targetAnchorKey } from './target-anchor';

const toTraditional = Converter({ from: 'cn', to: 'tw' });

/** The anchor keys of every target of `text`. */
function keysOf(text: string): string[] {
  const folded = foldText(text, { t2s: getT2s() });
  return analyzeText(text).map((t) => targetAnchorKey(folded, t.start, t.end));
}

const ORIGINAL =
  '一、主要预期目标\n全区地区生产总值增长5%左右，城镇新增就业18万人以上，' +
  '城镇调查失业率控制在5.5%以内，粮食产量稳定在800亿斤以上。';

describe('targetAnchorKey', () => {
  it('is the folded quantity with 12 folded characters of context on each side', () => {
    const folded = foldText(ORIGINAL, { t2s: getT2s() });
    const start = ORIGINAL.indexOf('18万人');
    expect(targetAnchorKey(folded, start, start + '18万人以上'.length)).toBe(
      '长5%左右,城镇新增就业|18万人以上|,城镇调查失业率控制在5',
    );
  });

  it.each<[string, string]>([
    ['a traditional reprint', toTraditional(ORIGINAL)],
    [
      'a reprint with other whitespace and full-width digits',
      ORIGINAL.replace('，', '， ').replace('18', '１８'),
    ],
    ['a reprint with inline pinyin', ORIGINAL.replace('就业', '就(jiù)业')],
  ])('gives the same keys on %s', (_, reprint) => {
    expect(keysOf(reprint)).toEqual(keysOf(ORIGINAL));
  });

  it('tells apart the same quantity in another sentence, and is short at the text’s edges', () => {
    const text = '增长5%。\n出口增长5%。';
    const keys = keysOf(text);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe('增长|5%|。出口增长5%。');
    expect(keys[0]).not.toBe(keys[1]);
  });
});
