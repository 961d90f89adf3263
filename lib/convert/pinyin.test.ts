import { describe, expect, it } from 'vitest';
import { hasPinyin, stripPinyin } from './pinyin';

describe('stripPinyin', () => {
  it.each([
    ['當(dāng)前位置: 首頁 > 光伏 > 國內(nèi)新聞', '當前位置: 首頁 > 光伏 > 國內新聞'],
    ['源網(wǎng)荷儲(chǔ)、風(fēng)光制氫', '源網荷儲、風光制氫'],
    ['力爭并網(wǎng)裝機(jī)25GW以上', '力爭并網裝機25GW以上'],
    ['政府和社会资本合作(PPP)存量项目', '政府和社会资本合作(PPP)存量项目'],
    ['超定额(计划)累进加价', '超定额(计划)累进加价'],
  ])('%s → %s', (text, expected) => {
    expect(stripPinyin(text)).toBe(expected);
    expect(hasPinyin(text)).toBe(text !== expected);
  });
});
