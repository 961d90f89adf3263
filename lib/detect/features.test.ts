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

  it.each([
    // 江苏省发展规划条例 (corpus r047) and the draft national planning law (r046): rules about plans.
    [
      '第一条 为了加强发展规划管理，规范发展规划编制活动，保障发展规划实施，制定本条例。第二条 本省行政区域内发展规划的编制、实施和相关管理活动，适用本条例。',
      4,
    ],
    [
      '第三条 国家发展规划的制定和实施坚持中国共产党的领导。本法所称国家发展规划，是指国民经济和社会发展五年规划纲要。',
      2,
    ],
    // A plan's own parts and tasks are not articles of a law.
    ['第一部分：去年工作回顾。第二部分：今年的总体要求和主要目标。三是抓好各项任务落实。', 0],
  ] as const)('reads rules wording in %s (%d articles or rule words)', (text, words) => {
    // log2(1 + count), capped at 2: four rule words and two give 2 and log2(3).
    const expected = [0, 1, Math.log2(3), 2, 2][words];
    expect(readFeatures(foldSample(sample({ text })))['rules-wording']).toBeCloseTo(expected!, 6);
  });

  it.each([
    // Macau and Hong Kong addresses open to the legislature, not to a people's congress.
    ['主席、各位議員：澳門正進入加快建設世界旅遊休閒中心的重要階段', 'speech-to-congress'],
    ['出現75次！「改革」「創新」成今年《政府工作報告》高頻詞', 'word-count-commentary'],
  ] as const)('reads %s as %s', (text, id) => {
    expect(readFeatures(foldSample(sample({ text })))[id]).toBeGreaterThan(0);
  });

  it.each([
    '今年GDP目标为何定为6%以上？国务院研究室：主要考虑三个因素',
    '近5年来全国政府工作报告中哪些关键词被提及次数最多？关键词背后又有哪些深意？',
    '两会快评｜从三个维度读懂今年的政府工作报告',
    '【图解】政府工作报告是如何产生的？',
  ])('reads the headline %s as commentary', (title) => {
    expect(readFeatures(foldSample(sample({ title, text: '正文' })))['lead-commentary']).toBe(1);
  });

  it.each([
    // Commentary that argues for one target (corpus s018, s020 in traditional): who said what.
    [
      '今年实现5%左右的目标有基础、有支撑、有保障，我们对此充满信心。专家表示，这个目标兼顾了需要与可能。',
      true,
    ],
    ['國務院發展研究中心研究員張立群認為，5%左右目標的制定既積極又穩妥。', true],
    // A summary of the targets reports none: the report states them.
    [
      '今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上；居民消费价格涨幅2%左右。',
      false,
    ],
  ] as const)('reads opinion wording in %s: %s', (text, opinion) => {
    const value = readFeatures(foldSample(sample({ text })))['opinion-wording'];
    if (opinion) expect(value).toBeGreaterThan(0);
    else expect(value).toBe(0);
  });

  it('does not take a site section named 观察 in the chrome for commentary', () => {
    const title = '内蒙古自治区人民政府关于下达2026年自治区国民经济和社会发展计划的通知';
    const text = '客户端 官方微信 北疆观察 数字报刊\n北疆新闻>要闻>正文';
    expect(readFeatures(foldSample(sample({ title, text })))['lead-commentary']).toBe(0);
  });

  it('keeps every value between 0 and 4', () => {
    const text = '预期目标增长5%左右，'.repeat(2000);
    for (const value of Object.values(readFeatures(foldSample(sample({ text }))))) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(4);
    }
  });
});
