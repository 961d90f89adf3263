import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { candidateWindows, indexTrigrams } from './seed';

const plan2026 = readFileSync(
  path.resolve(import.meta.dirname, '../../tests/fixtures/seeds/003_29900545c6a00a71.txt'),
  'utf8',
);

describe('candidateWindows', () => {
  const index = indexTrigrams(plan2026);

  it.each([
    ['投入帮扶资金90亿元以上', '投入帮扶资金95亿元以上'],
    ['推动7个国家物流枢纽、4个国家骨干物流基地提质升级', '推动9个国家物流枢纽、5个国家骨干物流基地提质扩容'],
  ])('puts a window around %j when searching an edited form', (original, edited) => {
    const at = plan2026.indexOf(original);
    const windows = candidateWindows(index, plan2026.length, edited, 4, 2);
    expect(windows.some(([from, to]) => from <= at && at + original.length <= to)).toBe(true);
    const covered = windows.reduce((sum, [from, to]) => sum + to - from, 0);
    expect(covered).toBeLessThan(plan2026.length / 10);
  });

  it('returns no window for text that is not on the page', () => {
    expect(candidateWindows(index, plan2026.length, '量子计算机芯片产量翻番', 2, 2)).toEqual([]);
  });

  it('searches everything for patterns too short to seed', () => {
    expect(candidateWindows(index, plan2026.length, '改革', 0, 2)).toEqual([[0, plan2026.length]]);
  });
});
