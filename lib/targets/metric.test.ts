import { Converter } from 'opencc-js/cn2t';
import { Converter as ToSimplified } from 'opencc-js/t2cn';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { alignQuantities } from '../../scripts/lib-eval/align';
import { parseGold } from '../../scripts/lib-eval/score';
import { analyzeText } from './analyze';
import { matchMetric } from './metric';

const toTaiwan = Converter({ from: 'cn', to: 'tw' });
const toHongKong = Converter({ from: 'cn', to: 'hk' });

/** Indicators as the extractor gives them (from seeds 000, 002, 003 and other plans), unit, metric. */
const CASES: ReadonlyArray<[string, string, string | null]> = [
  ['地区生产总值', '%', 'gdp_growth'],
  ['全省生产总值', '%', 'gdp_growth'],
  ['国内生产总值', '%', 'gdp_growth'],
  ['经济', '%', 'gdp_growth'],
  ['GDP', '%', 'gdp_growth'],
  ['地区生产总值', '元', null], // a level: 从1.5万亿元增长到2.3万亿元
  ['人均地区生产总值', '%', null],
  ['单位国内生产总值二氧化碳排放', '%', null], // p072: 单位国内生产总值二氧化碳排放降低3.8%左右
  ['万元GDP建设用地', '%', null], // p123: 万元GDP建设用地、水耗、电耗分别下降1.5%、10.6%和6.4%
  ['万元地区生产总值用水量', '%', null],
  ['万元地区生产总值能耗', '%', 'energy_intensity'],
  // p135 (Haikou 2022): shares of the province's totals, not growth rates.
  ['地区生产总值占全省比重', '%', null],
  ['固定资产投资占全省比重', '%', null],
  ['社会消费品零售总额占全省比重', '%', null],
  ['城镇新增就业', '人', 'urban_new_jobs'],
  ['新增就业', '人', null], // 残疾人就业行动，新增就业8000人: a program, not the headline
  ['城镇调查失业率', '%', 'urban_unemployment'],
  ['城镇登记失业率', '%', 'urban_registered_unemployment'],
  ['居民消费价格涨幅', '%', 'cpi'],
  ['居民消费价格', '%', 'cpi'],
  ['全体居民人均可支配收入', '%', 'income_growth'],
  ['居民人均可支配收入', '%', 'income_growth'],
  ['全体居民人均可支配收入', '元', null],
  ['城镇居民人均可支配收入', '%', 'income_growth_urban'],
  ['农村牧区常住居民人均可支配收入', '%', 'income_growth_rural'],
  ['农村居民人均可支配收入', '%', 'income_growth_rural'],
  ['一般公共预算收入', '%', 'fiscal_revenue_growth'],
  ['一般公共预算支出', '%', null],
  ['固定资产投资', '%', 'fixed_investment_growth'],
  ['投资', '%', 'fixed_investment_growth'], // 争取全年投资增长5%左右
  ['工业投资', '%', null],
  ['建设投资', '元', null],
  ['社会消费品零售总额', '%', 'retail_sales_growth'],
  ['规上工业增加值', '%', 'industrial_value_added_growth'],
  ['规模以上工业增加值', '%', 'industrial_value_added_growth'],
  ['战略性新兴产业增加值', '%', null],
  ['粮食产量', '斤', 'grain_output'],
  ['粮食总产量', '吨', 'grain_output'],
  ['粮食总产', '斤', 'grain_output'], // p083: 粮食总产达到557亿斤
  ['粮食播种面积', '亩', null],
  ['单位地区生产总值能耗', '%', 'energy_intensity'],
  ['单位国内生产总值能耗', '%', 'energy_intensity'],
  ['能耗强度', '%', 'energy_intensity'],
  ['外贸进出口总值', '%', 'foreign_trade_growth'],
  ['进出口总额', '%', 'foreign_trade_growth'],
  ['进出口总额', '元', null], // 完成进出口总额1600亿元以上: a level
  ['研发经费投入强度', '%', 'rd_intensity'],
  ['全社会研究与试验发展经费投入强度', '%', 'rd_intensity'],
  ['口岸货运量', '%', null],
  ['进出口总额年均增长', '%', 'foreign_trade_growth'], // an indicator with its verb, as gold labels have some
  ['地区生产总值增长', '%', 'gdp_growth'],
  ['', '%', null],
];

describe('matchMetric', () => {
  it.each(CASES)('%s (%s) → %s', (indicator, unit, metric) => {
    expect(matchMetric(indicator, unit)).toBe(metric);
  });

  it.each(CASES.filter(([indicator]) => indicator !== ''))(
    'gives the same metric for %s in Taiwan and Hong Kong traditional script',
    (indicator, unit, metric) => {
      // Units as the extractor gives them for traditional text (噸, not 吨).
      expect(matchMetric(toTaiwan(indicator), toTaiwan(unit))).toBe(metric);
      expect(matchMetric(toHongKong(indicator), toHongKong(unit))).toBe(metric);
    },
  );

  it.each([
    ['地區(qū)生產(chǎn)總值', '%', 'gdp_growth'],
    ['城鎮(zhèn)新增就業(yè)', '人', 'urban_new_jobs'],
    ['居民消費(fèi)價(jià)格漲(zhǎng)幅', '%', 'cpi'],
    ['規(guī)上工業(yè)增加值', '%', 'industrial_value_added_growth'],
    ['糧(liáng)食產(chǎn)量', '斤', 'grain_output'],
    ['一般公共預(yù)算收入', '%', 'fiscal_revenue_growth'],
    ['城镇 调查失业率', '%', 'urban_unemployment'], // a PDF text layer's space
  ])('reads the pinyin-laced %s as %s', (indicator, unit, metric) => {
    expect(matchMetric(indicator, unit)).toBe(metric);
  });
});

describe('metrics of extracted targets against the labelled seeds', () => {
  const fixtures = path.resolve(__dirname, '../../tests/fixtures');
  // [seed, gold labels whose indicator has a metric]: 6 headline figures in each plan, 15 in the report.
  it.each([
    ['000_2116d4bac5eff305', 6],
    ['001_3671b968aed7ce7c', 6],
    ['002_2e0490dc36b0060a', 15],
    ['003_29900545c6a00a71', 6],
  ])(
    '%s: every aligned quantity gets the metric of its labelled indicator (%i with one)',
    (name, withMetric) => {
      const found = analyzeText(readFileSync(path.join(fixtures, 'seeds', `${name}.txt`), 'utf8'));
      const gold = parseGold(readFileSync(path.join(fixtures, 'gold', `${name}.jsonl`), 'utf8'));
      const pairs = alignQuantities(found, gold);
      const expected = pairs.map(([, j]) => matchMetric(gold[j]!.indicator, gold[j]!.unit));
      expect(pairs.map(([i]) => found[i]!.metric)).toEqual(expected);
      expect(expected.filter((m) => m !== null)).toHaveLength(withMetric);
    },
  );
});

/** `quote metric` of every quantity `analyzeText` finds in a sentence. */
const metricsIn = (text: string) => analyzeText(text).map((t) => `${t.quote} ${t.metric}`);

describe('metrics of whole sentences from real pages (tests/corpus)', () => {
  it.each<[string, string, string[]]>([
    [
      'simplified, a review with levels and rates (p002, Maanshan 2019)',
      '预计实现地区生产总值1800亿元、增长8.5%,超过全省0.4个百分点;财政收入270.66亿元、增长10.3%;固定资产投资增长10%;规上工业增加值增长9%;社会消费品零售总额增长13%;进出口总额44亿美元、增长15.8%。',
      [
        '1800亿元 null',
        '8.5% gdp_growth',
        '0.4个百分点 null',
        '270.66亿元 null',
        '10.3% null',
        '10% fixed_investment_growth',
        '9% industrial_value_added_growth',
        '13% retail_sales_growth',
        '44亿美元 null',
        '15.8% foreign_trade_growth',
      ],
    ],
    [
      'simplified, intensities none of which is energy (p123, Luohu 2021; p072, national 2026)',
      '万元GDP建设用地、水耗、电耗分别下降1.5%、10.6%和6.4%。单位国内生产总值二氧化碳排放降低3.8%左右。',
      ['1.5% null', '10.6% null', '6.4% null', '3.8% null'],
    ],
    [
      'traditional, a Taiwanese news page (p070, national 2019)',
      '設定2019全年宏觀經濟目標,其中國內生產總值(GDP)成長率6到6.5%左右;居民消費價格漲幅3%左右;城鎮新增就業1100萬人以上,城鎮調查失業率5.5%左右,城鎮登記失業率4.5%以內。',
      [
        '6到6.5% gdp_growth',
        '3% cpi',
        '1100萬人 urban_new_jobs',
        '5.5% urban_unemployment',
        '4.5% urban_registered_unemployment',
      ],
    ],
    [
      'traditional with inline pinyin, energy the one intensity with a metric (q010, national 2025)',
      '報告指出,今年發(fā)展主要預期目標是:國內生產總值增長5%左右;城鎮(zhèn)調查失業(yè)率5.5%左右,城鎮(zhèn)新增就業(yè)1200萬人以上;居民消費價格漲幅2%左右;居民收入增長和經濟增長同步;國際收支保持基本平衡;糧食產量1.4萬億斤左右;單位國內生產總值能耗降低3%左右,生態(tài)環境質量持續(xù)改善。',
      [
        '5% gdp_growth',
        '5.5% urban_unemployment',
        '1200萬人 urban_new_jobs',
        '2% cpi',
        '1.4萬億斤 grain_output',
        '3% energy_intensity',
      ],
    ],
  ])('%s', (_, sentence, expected) => {
    expect(metricsIn(sentence)).toEqual(expected);
  });
});

describe('traditional wording gives the simplified figures and metrics (LABELLING-r3.md)', () => {
  const toSimplified = ToSimplified({ from: 'hk', to: 'cn' });
  /** What a ledger keeps of each figure: value, unit and indicator folded to simplified, metric, direction. */
  const ledgerRows = (text: string) =>
    analyzeText(text).map(
      (t) => `${t.value} ${toSimplified(t.unit)} [${toSimplified(t.indicator)}] ${t.metric} ${t.direction}`,
    );
  // Dev pages: p083 (Hubei 2025 digest), p113 (a county's 个百分点 gap), t002 (万公顷).
  const text =
    '预计全省地区生产总值增长6%左右。粮食总产达到557亿斤。经济增长6%左右。城镇调查失业率5.5%左右,城镇新增就业70万人以上。' +
    '居民消费价格涨幅2%左右。粮食产量继续保持500亿斤以上。全年实现地区生产总值增长5.9%,高于全市0.8个百分点。新增沙化土地治理面积1000万公顷。';
  it('reads the simplified passage as the labels do', () => {
    expect(ledgerRows(text)).toEqual([
      '6 % [地区生产总值] gdp_growth up',
      '55700000000 斤 [粮食总产] grain_output null',
      '6 % [经济] gdp_growth up',
      '5.5 % [城镇调查失业率] urban_unemployment null',
      '700000 人 [城镇新增就业] urban_new_jobs null',
      '2 % [居民消费价格涨幅] cpi up',
      '50000000000 斤 [粮食产量] grain_output null',
      '5.9 % [地区生产总值] gdp_growth up',
      '0.8 个百分点 [地区生产总值] null null',
      '10000000 公顷 [新增沙化土地治理面积] null null',
    ]);
  });
  it.each([
    ['Taiwan', toTaiwan],
    ['Hong Kong', toHongKong],
  ])('gives the same rows in %s script (生產總值, 失業率, 萬, 億, 公頃, 個百分點)', (_, convert) => {
    expect(ledgerRows(convert(text))).toEqual(ledgerRows(text));
  });
});
