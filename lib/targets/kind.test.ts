import { Converter } from 'opencc-js/cn2t';
import { describe, expect, it } from 'vitest';
import { analyzeText } from './analyze';
import { classifyKind, createKindLookup, findLatestYear } from './kind';

const toHongKong = Converter({ from: 'cn', to: 'hk' });

describe('classifyKind', () => {
  it.each([
    ['地区生产总值增长5%', false, 'target'],
    ['力争口岸货运量达到1.4亿吨', false, 'target'],
    ['去年一季度全區經濟增長5.8%', false, 'achieved'],
    ['自治區已經下放了679項', false, 'achieved'],
    ['一年來,我們堅持育產業、換動能,建成全產業鏈項目140個', false, 'achieved'],
    // Any span of years up to now reviews it (q019, Chengdu's 兩年來 of its ten projects).
    ['兩年來,成都市統籌推動重點領域民生項目719個', false, 'achieved'],
    ['三年来累计完成投资3205亿元', false, 'achieved'],
    ['主要指标比上年增长6%', false, 'target'],
    ['赤字率拟按4%左右安排，赤字规模比上年增加2300亿元', false, 'target'],
    ['预计未来五年有约12 000个单位可让市民提早上楼', false, 'target'],
    ['初步统计，全省地区生产总值增长4.5%', false, 'achieved'],
    ['预计全年地区生产总值2.15万亿元', false, 'achieved'],
    ['地区生产总值刚刚超过2万亿元', false, 'achieved'],
    ['今年一季度和上半年全省地区生产总值分别增长9.3%', false, 'achieved'],
    ['建议全年地区生产总值预期目标为增长5%左右', false, 'target'],
    ['推進乳肉制品網絡銷售雙百億專項行動,力爭網絡零售額突破600億元', false, 'target'],
    ['累計造林3700多萬畝', true, 'achieved'],
    ['地區生產總值從1.5萬億元', true, 'achieved'],
    ['預計地區生產總值增長4%', true, 'achieved'],
    ['力争明年完成投资6300亿元', true, 'target'],
    ['圆满完成全年目标任务，地区生产总值增长5.5%', true, 'achieved'],
    ['预期今年增长6%', true, 'target'],
    ['全年粮食产量增长了3.2%', false, 'achieved'],
    ['将新建幼儿园204所', false, 'target'],
    ['去年完成投资5亿元，争取新建幼儿园10所', false, 'target'],
    ['去年完成投資5億元，爭取新建幼兒園10所', false, 'target'],
    ['去年争取中央资金5亿元', false, 'achieved'],
    ['新建农村公路500公里，完成年度计划的102%', false, 'achieved'],
    ['新建農村公路500公里，完成年度計劃的102%', false, 'achieved'],
    ['项目完成率98%', false, 'achieved'],
    // A rate reached and what a report shows are a review's figures (v008, Executive Yuan 2017).
    ['工程會報告顯示,105年度公共建設計畫整體年度預算達成率94.69%', false, 'achieved'],
    ['工程会报告显示,整体年度预算达成率94.69%', false, 'achieved'],
    ['全年新增城镇就业3.2万人，完成年度目标的106%', false, 'achieved'],
    // What something can deliver, and what is forecast to be there (HK 2015, 2021 addresses).
    ['今年已经找到350公顷土地，足够兴建330 000个公营房屋单位', false, 'target'],
    ['在五年期內，預計共有77 100個公屋單位落成', false, 'target'],
    // 预计， opening a sentence estimates the year under review (p013, Lucheng 十四五 proposal).
    ['预计，2020年生产总值达到1200亿元左右，人均生产总值超过9.3万元', false, 'achieved'],
    // A present state or a time before now (RTHK and Sing Tao on the 2025 policy address).
    ['三年前公屋申請者平均等待6.1年', false, 'achieved'],
    ['現在綜合輪候時間為5.1年', false, 'achieved'],
    ['专科门诊服务现时每年680万人次', false, 'achieved'],
    ['縮短了整整1年', false, 'achieved'],
    ['白內障及外科手術輪候時間已縮短一成至兩成', false, 'achieved'],
    // A speech's opening 现在， is no present state; 到2025年前 is a deadline, not a time before now.
    ['现在，我代表市人民政府向大会报告工作，今年地区生产总值增长6%', false, 'target'],
    ['到2025年前完成改造100个', false, 'target'],
  ] as const)('%s (review: %s) → %s', (sentence, review, kind) => {
    expect(classifyKind(sentence, review)).toBe(kind);
  });
});

describe('classifyKind: the last cue wins', () => {
  it.each([
    ['去年一季度全區經濟增長5.8%', 'achieved'],
    ['去年一季度全區經濟增長5.8%，今年力爭地區生產總值增長6%', 'target'],
    ['今年以来完成投资300亿元', 'achieved'],
  ] as const)('%s → %s', (sentence, kind) => {
    expect(classifyKind(sentence, false)).toBe(kind);
  });
});

describe('createKindLookup: the tense carries from sentence to sentence', () => {
  const text =
    '过去的一年，奋斗充满艰辛。地区生产总值完成4704.3亿元，增长10.6%（预期目标为8.5%以上）；投资增长9.5%。' +
    '2026年主要预期目标：地区生产总值增长5%左右。新建农村公路500公里。';
  const kindAt = createKindLookup(text);
  it.each([
    ['4704.3亿元', 'achieved'],
    ['8.5%', 'target'],
    ['9.5%', 'achieved'],
    ['5%左右', 'target'],
    ['500公里', 'target'],
  ] as const)('%s → %s', (quote, kind) => {
    const at = text.indexOf(quote) + quote.length;
    expect(kindAt(0, text.lastIndexOf('。', at) + 1, at, false, quote.endsWith('左右'))).toBe(kind);
  });

  it('reads a year before the latest one the text names as past', () => {
    const page = '张惠说，2016年，全市生产总值3212.2亿元，增长8%。2017年工作重点：保持增长。';
    expect(findLatestYear(page)).toBe(2017);
    expect(createKindLookup(page)(0, 0, page.indexOf('8%') + 2, false, false)).toBe('achieved');
  });

  it('reads a dateline as no year: a list published the December before stays the coming year’s', () => {
    const page = '发布时间：2022年12月30日\n2023年民生实事项目：新建幼儿园12所，改造老旧小区50个。';
    expect(findLatestYear(page)).toBe(2023);
    expect(analyzeText(page).map((t) => t.kind)).toEqual(['target', 'target']);
    const tw = toHongKong(page);
    expect(analyzeText(tw).map((t) => t.kind)).toEqual(['target', 'target']);
  });

  it('ignores comparison bases and the end of a span when finding the latest year', () => {
    expect(findLatestYear('比2030年增长，2024—2025年改造，到2027年达到')).toBe(null);
    expect(findLatestYear('2024年新增参保人数2000万人以上，2024—2025年改造')).toBe(2024);
  });
});

describe('kind of real corpus sentences with no review heading', () => {
  const pinyinLaced = (text: string) =>
    text.replace(/([\u4e00-\u9fff])/g, (ch: string, _c: string, at: number) =>
      at % 3 === 0 ? `${ch}(ya)` : ch,
    );
  it.each<[string, string, string[]]>([
    [
      'news recapping last year by its number, then this year’s goals as 今年 (q041)',
      '总理在政府工作报告中表示，2021年，我国国内生产总值达到114万亿元，增长8.1%。城镇新增就业1269万人。今年发展主要预期目标是：国内生产总值增长5.5%左右。',
      ['114万亿元 achieved', '8.1% achieved', '1269万人 achieved', '5.5% target'],
    ],
    [
      'the coming year named by its number is still the goal year (p123)',
      '2021年，罗湖经济社会发展的主要预期目标是：地区生产总值增长5.5-6%，固定资产投资完成400亿元左右。',
      ['5.5-6% target', '400亿元 target'],
    ],
    [
      '争取 before funds and projects means obtained; 累计 is a running total (p084)',
      '过去的一年，成绩殊为不易。争取增发国债项目69个，获得国债资金97.4亿元。签约亿元以上项目507个。举办系列促消费活动，累计拉动消费126亿元。',
      ['69个 achieved', '97.4亿元 achieved', '507个 achieved', '126亿元 achieved'],
    ],
    [
      'better than expected, a first, a cumulative total (p120)',
      '各项指标都达到甚至好于预期。国内生产总值首次突破80万亿元大关、城镇新增就业年均1300万人以上。',
      ['80万亿元 achieved', '1300万人 achieved'],
    ],
    [
      'events held and honours report results, and carry to the sentences after (p125)',
      '成功举办第十一届木兰山登山节，建成社区足球场13个。社会保障水平不断提升。城镇新增就业8300人。',
      ['13个 achieved', '8300人 achieved'],
    ],
    [
      '已 before a verb of result; what it can deliver is a goal (q002, q037, q054)',
      '我们已觅得约350公顷土地，可兴建约330 000个公营房屋单位。政府已向医管局拨款100亿元。已取得面积比率约95%。',
      ['350公顷 achieved', '330 000个 target', '100亿元 achieved', '95% achieved'],
    ],
    [
      'a livelihood list’s progress paragraph reports; the next item is a goal again (q013)',
      '2023年民生实事项目之二\n总投资230万元，共新建农村户厕500座。\n2023年完成情况：在金河镇新建农村户厕500座。\n2023年民生实事项目之三\n总投资2700万元，提升改造行政大道。',
      ['230万元 target', '500座 target', '500座 achieved', '2700万元 target'],
    ],
    [
      'work done written after the figure (已完工, 已建成) reports a result',
      '新建幼儿园10所，已全部完工；改造老旧小区50个，均已交付。新建公园3个。',
      ['10所 achieved', '50个 achieved', '3个 target'],
    ],
    [
      'a plan’s cumulative fall, a first still to come, and obtaining still to do stay targets (p072, p054)',
      '单位国内生产总值二氧化碳排放累计降低17%。一般公共预算支出规模将首次达到30万亿元。力争累计完成投资500亿元。争取新增就业10万人以上。',
      ['17% target', '30万亿元 target', '500亿元 target', '10万人 target'],
    ],
    [
      'what is expected to be built is a goal, after a past comparison (r040)',
      '自12年前政府開始定期公布供應數字以來,一手住宅物業供應量達94000個。另外,房協在2016-17年度起5年內,預計興建約94500個公營房屋單位,當中公屋單位約71800個。',
      ['94000個 achieved', '94500個 target', '71800個 target'],
    ],
    [
      'a plan period’s first year and a deadline (2020年前) are no past year (t001, t002)',
      '我國力爭2025年油茶種植面積達到9000萬畝。行動方案明確了2023年至2025年完成新增油茶種植1917萬畝、改造低產林1275.9萬畝,到2025年全國油茶種植面積達到9000萬畝以上。確定的4240萬畝坡耕地,2020年前組織實施。',
      ['9000萬畝 target', '1917萬畝 target', '1275.9萬畝 target', '9000萬畝 target', '4240萬畝 target'],
    ],
  ])('%s', (_, text, expected) => {
    const kinds = (t: string) => analyzeText(t).map((x) => x.kind);
    expect(analyzeText(text).map((t) => `${t.quote} ${t.kind}`)).toEqual(expected);
    const onlyKinds = expected.map((row) => row.slice(row.lastIndexOf(' ') + 1));
    expect(kinds(toHongKong(text))).toEqual(onlyKinds);
    expect(kinds(pinyinLaced(toHongKong(text)))).toEqual(onlyKinds);
  });
});
