import { describe, expect, it } from 'vitest';
import { auc, recallAtFalsePositives } from './ranking';

describe('auc', () => {
  it('is 1 when every plan page outscores every other page, 0 when none does, ties half', () => {
    expect(
      auc([
        { y: 1, z: 2 },
        { y: 0, z: 1 },
      ]),
    ).toBe(1);
    expect(
      auc([
        { y: 1, z: -1 },
        { y: 0, z: 1 },
      ]),
    ).toBe(0);
    expect(
      auc([
        { y: 1, z: 1 },
        { y: 1, z: 3 },
        { y: 0, z: 1 },
        { y: 0, z: 2 },
      ]),
    ).toBe(0.625);
  });

  it('is NaN without pages of both classes', () => {
    expect(auc([{ y: 1, z: 1 }])).toBeNaN();
  });
});

describe('recallAtFalsePositives', () => {
  // 50 others at 0..49 (log-odds), plans at 48.5 and 49.5 and 10.
  const pages = [
    ...Array.from({ length: 50 }, (_, i) => ({ y: 0, z: i })),
    { y: 1, z: 48.5 },
    { y: 1, z: 49.5 },
    { y: 1, z: 10 },
  ];

  it('raises the threshold until at most the allowed share of others is above it', () => {
    // 2% of 50 is one false alarm allowed: the threshold sits just above the second-highest other (48).
    const { threshold, recall } = recallAtFalsePositives(pages, 0.02);
    expect(threshold).toBeGreaterThan(48);
    expect(threshold).toBeLessThan(48.5);
    expect(recall).toBeCloseTo(2 / 3);
  });

  it('allows no false alarm when the share is below one page', () => {
    const { recall } = recallAtFalsePositives(pages, 0.01);
    expect(recall).toBeCloseTo(1 / 3);
  });
});
