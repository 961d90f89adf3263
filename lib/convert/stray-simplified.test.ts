import { beforeAll, describe, expect, it } from 'vitest';
import { ConversionEngine } from './engine';
import { convertStraySimplified } from './stray-simplified';

describe('convertStraySimplified, with the engine’s cn2tw', () => {
  let toTraditional: (text: string) => string;
  beforeAll(async () => {
    toTraditional = await new ConversionEngine().converter('cn2tw');
  });

  it.each([
    ['城鎮新增就業1200万人以上', '城鎮新增就業1200萬人以上'],
    ['糧食產量保持在1.3万亿斤以上', '糧食產量保持在1.3萬億斤以上'],
    ['發行超長期特別國債1万亿元，提高3个百分點', '發行超長期特別國債1萬億元，提高3個百分點'],
    // Characters valid in both scripts stay as the traditional text has them (cn2tw would write 後, 裡).
    ['皇后出巡，里長着手辦理', '皇后出巡，里長着手辦理'],
    ['全年國內生產總值增長5%左右', '全年國內生產總值增長5%左右'],
  ])('%s → %s', (text, expected) => {
    const out = convertStraySimplified(text, toTraditional);
    expect(out).toBe(expected);
    expect([...out].length).toBe([...text].length);
  });

  it('leaves the text alone when the converter changes its length', () => {
    expect(convertStraySimplified('1200万人', (t) => `${t}X`)).toBe('1200万人');
  });
});
