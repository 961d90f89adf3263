import { describe, expect, it } from 'vitest';
import {
  countNamedAsObject,
  countNumericTargets,
  countWords,
  foldSample,
  LEAD_CHARS,
  readFeatures,
} from './features';
import type { PageSample } from './detect';

function sample(partial: Partial<PageSample>): PageSample {
  return { url: '', title: '', headings: [], text: '', ...partial };
}

describe('countNumericTargets', () => {
  it.each([
    ['地区生产总值增长5%左右，城镇新增就业18万人以上', 2],
    ['粮食产量不低于840亿斤，力争达到1200亿元', 3],
    ['居民收入增长与经济增长同步', 0],
    ['以上工作要抓好落实，左右为难', 0],
    ['GDP增长目标为５％', 1],
  ])('%s → %i', (text, expected) => {
    expect(countNumericTargets(text)).toBe(expected);
  });
});

describe('countNamedAsObject', () => {
  it.each([
    ['十四届全国人大二次会议各代表团分组审议政府工作报告', 1],
    ['两会快评|从三个维度读懂今年的政府工作报告', 1],
    ['从政府工作报告看决策层眼中的挑战和信心', 1],
    ['第十二届全国人民代表大会第五次会议关于政府工作报告的决议', 1],
    ['会议听取和审议计划草案的报告', 1],
    // Six characters at most between the act and the name: a longer phrase is not read (a limit).
    ['代表和委员将分别审议和讨论李克强总理所作的政府工作报告', 0],
    // The page is the report, or states what it sets: not an object of review.
    ['2026年政府工作报告\n各位代表：现在，我代表市人民政府向大会报告工作', 0],
    ['政府工作报告提出，今年经济增长预期目标为5%左右', 0],
    ['二零一五年施政报告', 0],
  ])('%s → %i', (text, expected) => {
    expect(countNamedAsObject(text)).toBe(expected);
  });
});

describe('countWords', () => {
  it('counts every occurrence of every word', () => {
    expect(countWords('审议政府工作报告，听取并审议计划报告', ['审议', '听取'])).toBe(3);
  });
});

describe('readFeatures', () => {
  it('reads the lead from the first lines when a plain-text page has no title', () => {
    const text = `2019年四川省政府工作報告\n各位代表：${'现在，我代表省人民政府向大会报告工作。'.repeat(20)}`;
    const features = readFeatures(foldSample(sample({ text })));
    expect(features['lead-work-report']).toBe(1);
    expect(features['speech-to-congress']).toBeGreaterThan(0);
  });

  it('does not count a name far down the text as the page’s own name', () => {
    const text = `${'今年上半年，全市经济稳中向好。'.repeat(Math.ceil(LEAD_CHARS / 10))}\n政府工作报告提出的目标`;
    const features = readFeatures(foldSample(sample({ text })));
    expect(features['lead-work-report']).toBe(0);
    expect(features['text-work-report']).toBeGreaterThan(0);
  });

  it.each([
    ['統計公報', 'lead-statistics'],
    ['施政報告', 'lead-policy-address'],
    ['施政方針', 'lead-policy-address'],
    ['十件实事', 'lead-livelihood'],
    ['“十五五”规划纲要', 'lead-outline'],
    ['三年行动方案', 'lead-scheme'],
  ] as const)('finds %s in the title as %s', (title, id) => {
    expect(readFeatures(foldSample(sample({ title, text: '正文' })))[id]).toBe(1);
  });

  it('keeps every value between 0 and 4', () => {
    const text = '预期目标增长5%左右，'.repeat(2000);
    for (const value of Object.values(readFeatures(foldSample(sample({ text }))))) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(4);
    }
  });
});
