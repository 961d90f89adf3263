/**
 * Canonical metric ids: one name per indicator that recurs across documents, years and regions
 * (see /work/shared/spec/document-and-metrics.md), so a ledger can put 2020's 地区生产总值增长6%左右
 * beside 2023's 地區生產總值增長6%左右 and 2022's 預計地區生產總值增長4%以上.
 *
 * The list is open. Ids beyond the spec's table, added because they recur in annual plans and work
 * reports: `urban_registered_unemployment` (城镇登记失业率, in plans up to 2020) and
 * `industrial_value_added_growth` (规上工业增加值增长 / 规模以上工业增加值增长).
 *
 * @module
 */
import { foldCue } from './fold-cue';

/** The canonical metric ids. */
export const METRIC_IDS = [
  'gdp_growth',
  'urban_new_jobs',
  'urban_unemployment',
  'urban_registered_unemployment',
  'cpi',
  'income_growth',
  'income_growth_urban',
  'income_growth_rural',
  'fiscal_revenue_growth',
  'fixed_investment_growth',
  'retail_sales_growth',
  'industrial_value_added_growth',
  'grain_output',
  'energy_intensity',
  'foreign_trade_growth',
  'rd_intensity',
] as const;

/** One canonical metric id. */
export type MetricId = (typeof METRIC_IDS)[number];

/** What a metric's value must be counted in: a rate, people, or a grain weight. */
type UnitClass = 'percent' | 'people' | 'weight';

interface MetricRule {
  id: MetricId;
  /** Tested against the folded indicator (simplified, no pinyin, no spaces). */
  pattern: RegExp;
  /** Indicators that contain the pattern but measure something else. */
  not?: RegExp;
  units: UnitClass;
}

/**
 * The rules, most specific first: the first rule whose pattern matches (and whose `not` does not)
 * names the metric. Energy intensity comes before GDP because `单位地区生产总值能耗` contains
 * 地区生产总值; urban and rural income before all residents' income.
 */
const RULES: readonly MetricRule[] = [
  {
    id: 'energy_intensity',
    pattern:
      /单位(?:地区|国内|全省|全区|全市)?生产总值(?:的)?能耗|单位GDP能耗|万元(?:地区)?(?:生产总值|GDP)能耗|能耗强度|能源消耗强度/,
    units: 'percent',
  },
  {
    id: 'rd_intensity',
    pattern:
      /研发经费(?:投入)?强度|研究与试验发展(?:\(R&D\))?经费(?:投入)?(?:强度|占)|R&D经费(?:投入)?(?:强度|占)|研发投入强度/,
    units: 'percent',
  },
  {
    id: 'gdp_growth',
    pattern:
      /(?:地区|全省|全区|全市|全州|全盟|全县|国内)生产总值|^(?:全区|全省|全市)?经济(?:增长|增速)?$|^GDP|经济增速/,
    // 万元地区生产总值二氧化碳排放量/用水量: a quantity per unit of output, like 单位…能耗.
    not: /人均|单位|万元|能耗|占|比重|总量/,
    units: 'percent',
  },
  { id: 'urban_new_jobs', pattern: /城镇新增就业/, units: 'people' },
  { id: 'urban_unemployment', pattern: /城镇调查失业率|^调查失业率/, units: 'percent' },
  { id: 'urban_registered_unemployment', pattern: /城镇登记失业率|^登记失业率/, units: 'percent' },
  { id: 'cpi', pattern: /居民消费价格|^CPI|^物价(?:总水平|涨幅)?$/, units: 'percent' },
  { id: 'income_growth_urban', pattern: /^城镇(?:常住)?居民(?:人均)?可支配收入/, units: 'percent' },
  {
    id: 'income_growth_rural',
    pattern:
      /^农村(?:牧区)?(?:常住)?居民(?:人均)?可支配收入|^农(?:牧)?民(?:人均)?可支配收入|^农村(?:牧区)?居民收入/,
    units: 'percent',
  },
  {
    id: 'income_growth',
    pattern: /^(?:全体|全区|全省|全市)?(?:常住)?居民(?:人均)?可支配收入|^(?:城乡)?居民收入$/,
    units: 'percent',
  },
  { id: 'fiscal_revenue_growth', pattern: /一般公共预算收入/, not: /支出|税收/, units: 'percent' },
  {
    id: 'fixed_investment_growth',
    // Plans say 投资 alone for it: 争取全年投资增长5%左右.
    pattern: /固定资产投资|^(?:全社会)?投资$/,
    not: /民间|工业|制造业|基础设施/,
    units: 'percent',
  },
  { id: 'retail_sales_growth', pattern: /社会消费品零售总额/, units: 'percent' },
  { id: 'industrial_value_added_growth', pattern: /^规(?:模以)?上工业增加值/, units: 'percent' },
  // 粮食总产 is the digests' short form (p083: 粮食总产达到557亿斤).
  { id: 'grain_output', pattern: /粮食(?:总)?产量|粮食总产|粮食生产/, not: /面积|单产/, units: 'weight' },
  {
    id: 'foreign_trade_growth',
    pattern: /^(?:外贸)?进出口(?:总额|总值)?$|^外贸进出口|^对外贸易/,
    units: 'percent',
  },
];

/** A share of a whole: `…占全省比重`, `…占比`. */
const SHARE = /[占佔].*(?:比重|比例)|占比|佔比/;

/** A rise/fall verb left at the end of an indicator; 增加值 (a noun) is not one. */
const TRAILING_VERB = /(?:年均|平均)?(?:增长|增速|增幅|下降|降低|提高|增加|减少)$/;

const WEIGHT_UNITS = new Set(['斤', '吨', '噸', '公斤']);

function matchesUnit(unitClass: UnitClass, unit: string): boolean {
  if (unitClass === 'percent') return unit === '%' || unit === '％';
  if (unitClass === 'people') return unit === '人';
  return WEIGHT_UNITS.has(unit);
}

/**
 * The canonical metric of a quantity from its indicator as written and its unit, or `null`.
 *
 * The indicator may be traditional or carry inline pinyin (`地區(qū)生產(chǎn)總值`): it is folded
 * first. The unit must fit the metric: 地区生产总值 with `%` is `gdp_growth`, with `元` (a level,
 * `2.3万亿元`) it is `null`; 城镇新增就业 needs `人`; 粮食产量 needs 斤/吨. Per-capita and per-unit
 * figures are not the aggregate (人均地区生产总值 → null, 单位地区生产总值能耗 → `energy_intensity`).
 * A trailing verb (`进出口总额年均增长`) is ignored; a share of a whole (`固定资产投资占全省比重`) is no
 * growth metric. An empty indicator gives `null`.
 */
export function matchMetric(indicator: string, unit: string): MetricId | null {
  if (indicator === '') return null;
  // Labels and hand-typed indicators may keep the verb (进出口总额年均增长): the rules match the noun.
  const folded = foldCue(indicator).replace(TRAILING_VERB, '');
  for (const rule of RULES) {
    if (!rule.pattern.test(folded)) continue;
    if (rule.not?.test(folded)) continue;
    // 固定资产投资占全省比重: a share of a whole is not the indicator's growth (R&D 经费占 GDP is its intensity).
    if (rule.id !== 'rd_intensity' && SHARE.test(folded)) continue;
    return matchesUnit(rule.units, unit) ? rule.id : null;
  }
  return null;
}
