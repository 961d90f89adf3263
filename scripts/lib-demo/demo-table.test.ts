import { describe, expect, it } from 'vitest';
import { describeDetection, findMisses, formatDemoTable } from './demo-table';

const LABELS = [
  { quote: '6%', indicator: '地区生产总值', kind: 'target' },
  { quote: '5.5%', indicator: '城镇调查失业率', kind: 'target' },
  { quote: '5.8%', indicator: '地区生产总值', kind: 'achieved' },
];

describe('the demo table', () => {
  it('matches highlights to labels across scripts and names the misses', () => {
    // The page was shown in traditional script with inline pinyin: 億/亿 fold alike.
    expect(findMisses([{ quote: '90亿元', indicator: '帮扶资金', kind: 'target' }], ['90億元以上'])).toEqual(
      [],
    );
    expect(findMisses(LABELS, ['6%左右', '增长5.8%'])).toEqual([LABELS[1]]);
    // One highlight covers one label only.
    expect(findMisses([LABELS[0]!, LABELS[0]!], ['6%左右'])).toEqual([LABELS[0]]);
    // A shorter quote inside a longer highlight does not take the highlight its own label needs.
    const investment = [
      { quote: '300億元', indicator: '帮扶资金', kind: 'achieved' },
      { quote: '6300億元', indicator: '完成投資', kind: 'target' },
    ];
    expect(findMisses(investment, ['6300億元', '300億元'])).toEqual([]);
  });

  it('says detection as yes/no with the score against the threshold', () => {
    expect(describeDetection({ match: true, kind: 'plan', score: 12.4 })).toBe('yes: plan (12.40 ≥ 0)');
    expect(describeDetection({ match: false, kind: null, score: -2.1 })).toBe('no (-2.10 < 0)');
    expect(describeDetection(null)).toBe('not checked');
  });

  it('prints found / labelled and a missed line', () => {
    const lines = formatDemoTable([
      {
        file: 'plan.html',
        detection: { match: true, kind: 'plan', score: 9 },
        highlighted: ['6%左右', '增长5.8%'],
        labelled: LABELS,
        screenshot: 'demo-output/plan.png',
      },
      {
        file: 'news.html',
        detection: { match: false, kind: null, score: -3 },
        highlighted: [],
        labelled: null,
        screenshot: 'demo-output/news.png',
      },
    ]);
    expect(lines.find((l) => l.startsWith('plan.html'))).toMatch(
      /yes: plan \(9\.00 ≥ 0\)\s+2 \/ 3\s+demo-output\/plan\.png/,
    );
    expect(lines).toContain(`${' '.repeat(36)}missed: 城镇调查失业率 5.5% (target)`);
    expect(lines.find((l) => l.startsWith('news.html'))).toMatch(/no \(-3\.00 < 0\)\s+0 \/ —/);
  });
});
