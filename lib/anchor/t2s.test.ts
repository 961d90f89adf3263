import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Converter } from 'opencc-js/t2cn';
import { describe, expect, it } from 'vitest';
import { getT2s } from './t2s';

const SEEDS = path.resolve(__dirname, '../../tests/fixtures/seeds');
const seeds = readdirSync(SEEDS).filter((f) => f.endsWith('.txt'));
const reference = Converter({ from: 't', to: 'cn' });

describe('getT2s', () => {
  it.each([
    ['a simplified title', '关于印发内蒙古自治区2026年国民经济和社会发展计划的通知'],
    ['a 发文字号', '内政发〔2026〕5号'],
    ['a traditional title', '內蒙古:加快大型風光基地和源網荷儲、風光制氫等場景項目建設'],
    ['a phrase key made of simplified characters', '一坏'],
    ['a compatibility ideograph', '\uF900'],
    // The first stage's output (豈) is what the second stage's entries are picked for.
    ['a compatibility ideograph the next stage converts again', '\uF900有此理：後來發展的規劃綱要'],
    [
      'a reprint title with phrase keys',
      '國務院關於印發「十四五」現代綜合交通運輸體系發展規劃的通知_中國電力網',
    ],
    ['ASCII', 'Weekend weather 2026'],
    ['an empty string', ''],
  ])('converts %s as OpenCC t → cn does', (_, text) => {
    expect(getT2s()(text)).toBe(reference(text));
  });

  it.each(seeds)('converts every line of %s as OpenCC t → cn does', (name) => {
    const lines = readFileSync(path.join(SEEDS, name), 'utf8').split('\n');
    const t2s = getT2s();
    for (const line of lines) expect(t2s(line)).toBe(reference(line));
    const whole = lines.join('\n');
    expect(t2s(whole)).toBe(reference(whole));
  });
});
