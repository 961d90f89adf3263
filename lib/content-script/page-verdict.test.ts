import { describe, expect, it } from 'vitest';
import type { Detection } from '../detect/detect';
import { publishPageVerdict, readPageVerdict } from './page-verdict';

const PLAN: Detection = { match: true, kind: 'plan', score: 15, signals: ['标题：国民经济和社会发展计划'] };

describe('page verdict handed from gate to reader', () => {
  it('reads back what the gate published in the same world', () => {
    const world = {};
    publishPageVerdict(PLAN, world);
    expect(readPageVerdict(world)).toEqual(PLAN);
  });

  it('is null where the gate never ran, and invisible under any string key', () => {
    const world = {};
    expect(readPageVerdict(world)).toBeNull();
    publishPageVerdict(PLAN, world);
    expect(Object.keys(world)).toEqual([]);
  });
});
