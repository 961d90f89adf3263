import { describe, expect, it } from 'vitest';
import { printReport } from './eval';
import type { DocumentResult } from './lib-eval/run-eval';
import { scoreTargets } from './lib-eval/score';

const label = {
  quote: '5%',
  value: 5,
  unit: '%',
  qualifier: '左右',
  indicator: '地区生产总值',
  kind: 'target' as const,
};

/** A labelled result whose extraction found `found` against one label. */
function result(
  name: string,
  found: Array<{ quote: string; value: number; unit: string }>,
  failures: string[],
): DocumentResult {
  return {
    name,
    expect: 'plan',
    detection: { match: true, kind: 'plan', score: 9, signals: [] },
    detectionOk: true,
    score: scoreTargets(
      found.map((f) => ({ ...f, kind: 'target' as const })),
      [label],
    ),
    failures,
  };
}

describe('printReport', () => {
  it('prints a row per document and the total, and exits 0 when all requirements hold', () => {
    const lines: string[] = [];
    const code = printReport([result('seeds/a.txt', [{ quote: '5%', value: 5, unit: '%' }], [])], (l) =>
      lines.push(l),
    );
    expect(code).toBe(0);
    expect(lines.some((l) => l.startsWith('seeds/a.txt') && l.includes('1.000'))).toBe(true);
    expect(lines.some((l) => l.startsWith('TOTAL'))).toBe(true);
    expect(lines.at(-1)).toBe('All requirements met.');
  });

  it('lists each failing document and exits 1', () => {
    const lines: string[] = [];
    const code = printReport([result('seeds/b.txt', [], ['recall 0.000 < 0.95'])], (l) => lines.push(l));
    expect(code).toBe(1);
    expect(lines).toContain('FAIL seeds/b.txt: recall 0.000 < 0.95');
  });
});
