import { describe, expect, it } from 'vitest';
import type { CorpusMeta } from './corpus';
import type { DetectionRow } from './detection-data';
import { checkRequirements, ratesOf, tally, type Verdict } from './eval-detection';

function verdict(type: string, script: CorpusMeta['script'], plan: boolean, match: boolean): Verdict {
  const meta = { id: `${type}-${script}`, type, script, class: plan ? 'plan' : 'other' } as CorpusMeta;
  const row = {
    meta,
    split: 'test',
    sample: { url: '', title: '', headings: [], text: '' },
    x: [],
    buckets: [],
    y: +plan,
  };
  return { row: row as DetectionRow, match };
}

describe('tally and ratesOf', () => {
  const verdicts = [
    verdict('work-report', 'simplified', true, true),
    verdict('work-report', 'traditional', true, false),
    verdict('commentary', 'simplified', false, true),
    verdict('commentary', 'simplified', false, false),
  ];

  it('counts recall on plan pages and false positives on other pages, per group and in all', () => {
    const byType = tally(verdicts, (v) => v.row.meta.type);
    expect(byType.get('all')).toEqual({ plans: 2, found: 1, others: 2, falseAlarms: 1 });
    expect(ratesOf(byType.get('work-report')!)).toEqual({ recall: 0.5, falsePositiveRate: undefined });
    expect(ratesOf(byType.get('commentary')!)).toEqual({ recall: undefined, falsePositiveRate: 0.5 });
  });

  it('says plainly whether the requirements are met', () => {
    expect(checkRequirements('x', { plans: 20, found: 19, others: 50, falseAlarms: 1 })).toEqual({
      met: true,
      line: 'x: recall 0.950 ≥ 0.95 MET; false positives 0.020 ≤ 0.02 MET',
    });
    expect(checkRequirements('x', { plans: 20, found: 18, others: 50, falseAlarms: 2 }).line).toBe(
      'x: recall 0.900 < 0.95 NOT MET; false positives 0.040 > 0.02 NOT MET',
    );
  });
});
