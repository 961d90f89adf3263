import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeText } from './analyze';
import { decodeTargets, encodeTargets } from './wire';

const SEEDS = path.resolve(__dirname, '../../tests/fixtures/seeds');
const seed = (name: string) => readFileSync(path.join(SEEDS, name), 'utf8');

describe('encodeTargets / decodeTargets', () => {
  it.each(['000_2116d4bac5eff305.txt', '002_2e0490dc36b0060a.txt', '003_29900545c6a00a71.txt'])(
    'gives back every target of %s with every field',
    (name) => {
      const targets = analyzeText(seed(name));
      expect(targets.length).toBeGreaterThan(10);
      expect(decodeTargets(encodeTargets(targets))).toEqual(targets);
    },
  );

  it('keeps a range and writes each section once', () => {
    const targets = analyzeText(
      '一、2026年主要预期目标\n居民消费价格涨幅3%左右，粮食产量1.3万亿斤以上，增长4.5%—5%。',
    );
    expect(targets.some((t) => t.valueMax !== undefined)).toBe(true);
    const json = encodeTargets(targets);
    expect(json.split('2026年主要预期目标').length - 1).toBe(1);
    expect(decodeTargets(json)).toEqual(targets);
  });

  it('keeps metric, year, direction and firmness, set and unset', () => {
    const targets = analyzeText(
      '到2027年，单位地区生产总值能耗降低2.5%左右，确保城镇新增就业18万人以上；城镇调查失业率5.5%左右，新建20个服务站。',
    );
    expect(targets.map((t) => [t.metric, t.year, t.direction, t.firmness])).toEqual([
      ['energy_intensity', 2027, 'down', 'soft'],
      ['urban_new_jobs', 2027, null, 'hard'],
      ['urban_unemployment', null, null, 'soft'],
      [null, null, null, null],
    ]);
    expect(decodeTargets(encodeTargets(targets))).toEqual(targets);
  });

  it('encodes no targets as an empty list', () => {
    expect(decodeTargets(encodeTargets([]))).toEqual([]);
  });

  it.each([
    ['not JSON', '[1, [], [', /not JSON/],
    ['another format', '[1, [], []]', /format 1/],
    ['a plain object', '{"targets": []}', /not a target list/],
    ['a short row', '[2, ["s"], [["6%", "6%", 6]]]', /bad target #0/],
    [
      'a section index out of range',
      '[2, ["s"], [["6%","6%",6,null,"%","","增长",0,3,0,2,0,2,0,null,1,2]]]',
      /bad target #0/,
    ],
    [
      'an unknown kind',
      '[2, ["s"], [["6%","6%",6,null,"%","","增长",7,0,0,2,0,2,0,null,1,2]]]',
      /bad target #0/,
    ],
    [
      'an unknown metric',
      '[2, ["s"], [["6%","6%",6,null,"%","","增长",0,0,0,2,0,2,99,null,1,2]]]',
      /bad target #0/,
    ],
    [
      'a fractional year',
      '[2, ["s"], [["6%","6%",6,null,"%","","增长",0,0,0,2,0,2,0,2026.5,1,2]]]',
      /bad target #0/,
    ],
    [
      'an unknown direction',
      '[2, ["s"], [["6%","6%",6,null,"%","","增长",0,0,0,2,0,2,0,2026,2,2]]]',
      /bad target #0/,
    ],
    [
      'an unknown firmness',
      '[2, ["s"], [["6%","6%",6,null,"%","","增长",0,0,0,2,0,2,0,2026,1,3]]]',
      /bad target #0/,
    ],
  ])('refuses %s with a message', (_, json, message) => {
    expect(() => decodeTargets(json)).toThrow(message);
  });
});
