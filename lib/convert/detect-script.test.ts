import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectScript } from './detect-script';

const SEEDS = path.resolve(__dirname, '../../tests/fixtures/seeds');
const seed = (name: string) => readFileSync(path.join(SEEDS, name), 'utf8');

describe('detectScript', () => {
  it.each([
    ['000_2116d4bac5eff305.txt', 'simplified'],
    ['001_3671b968aed7ce7c.txt', 'simplified'],
    ['003_29900545c6a00a71.txt', 'simplified'],
    ['002_2e0490dc36b0060a.txt', 'traditional'],
  ] as const)('detects seed %s as %s', (file, script) => {
    expect(detectScript(seed(file))).toBe(script);
  });

  it.each([
    ['2026年内蒙古自治区国民经济和社会发展计划', 'simplified'],
    ['內(nèi)蒙古:加快大型風(fēng)光基地和源網(wǎng)荷儲(chǔ)建設(shè)', 'traditional'],
    ['国民经济和社会发展計劃，國民經濟和社會發展', 'mixed'],
    ['GDP grew 5% in 2025', 'unknown'],
    ['干部 台 里', 'unknown'],
  ] as const)('detects %s as %s', (text, script) => {
    expect(detectScript(text)).toBe(script);
  });
});
