import { describe, expect, it } from 'vitest';
import { foldCue } from './fold-cue';

describe('foldCue', () => {
  it.each([
    ['地區(qū)生產(chǎn)總值', '地区生产总值'],
    ['城鎮（zhèn）新增就業', '城镇新增就业'], // full-width parentheses
    ['57個(ge)(ge)', '57個'], // toneless groups, one after another (個 is no rule's character)
    ['城镇 调查\n失业率', '城镇调查失业率'], // PDF text layers split words
    ['细颗粒物(PM2.5)浓度', '细颗粒物(PM2.5)浓度'], // capitals and digits are not pinyin
    ['服务站(街道)', '服务站(街道)'],
    ['(ye)开头', '(ye)开头'], // pinyin only after a Han character
    ['地區生産總值增長目標爲', '地区生产总值增长目标为'], // Hong Kong's variants 産, 爲
  ])('%s → %s', (text, folded) => {
    expect(foldCue(text)).toBe(folded);
  });

  it('returns simplified text without pinyin as the same string', () => {
    const text = '地区生产总值增长5%左右';
    expect(foldCue(text)).toBe(text);
  });
});
