import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluateSeeds, THRESHOLDS } from './run-eval';

const FIXTURES = fileURLToPath(new URL('../../tests/fixtures', import.meta.url));

describe('eval on the four labelled seeds', async () => {
  const results = await evaluateSeeds(FIXTURES);

  it('covers all four seeds with gold', () => {
    expect(results.map((r) => r.name)).toHaveLength(4);
    for (const r of results) expect(r.score?.gold).toBeGreaterThan(0);
  });

  it.each(results.map((r) => [r.name, r] as const))(
    '%s meets precision, recall and kind accuracy',
    (_name, r) => {
      expect(r.score!.precision).toBeGreaterThanOrEqual(THRESHOLDS.precision);
      expect(r.score!.recall).toBeGreaterThanOrEqual(THRESHOLDS.recall);
      expect(r.score!.kindAccuracy).toBeGreaterThanOrEqual(THRESHOLDS.kindAccuracy);
      expect(r.detectionOk).toBe(true);
      expect(r.failures).toEqual([]);
    },
  );
});
