/**
 * Units a quantity in a plan is counted in: percentages, measures, currency, and the counting
 * classifiers (个, 家, 头 …), in simplified and traditional script.
 *
 * @module
 */

/**
 * The open set of units, simplified and traditional. Compound units come first where they share a
 * prefix, but matching is longest-first anyway; `千`-initial units (千瓦, 千伏) are units, never the
 * 千 multiplier, because the numeral reader stops before them.
 */
const UNIT_LIST: readonly string[] = [
  // rates
  '%',
  '‰',
  '个百分点',
  '個百分點',
  '百分点',
  '百分點',
  '倍',
  // energy and power
  '千瓦时',
  '千瓦時',
  '千瓦',
  '千伏安',
  '千伏',
  '兆瓦',
  '瓦',
  '度',
  'GW',
  'MW',
  'kW',
  'KW',
  'kWh',
  'TWh',
  'GWh',
  // length, area, volume, mass
  '公里',
  '千米',
  '米',
  '平方公里',
  '平方千米',
  '平方米',
  '立方米',
  '公顷',
  '公頃',
  '亩',
  '畝',
  '吨标准煤',
  '噸標準煤',
  '吨',
  '噸',
  '公斤',
  '千克',
  '斤',
  '克',
  '毫克',
  '微克/立方米',
  '微克',
  '标箱',
  '標箱',
  // money
  '元',
  '美元',
  '人民币',
  '人民幣',
  '港元',
  '澳门元',
  '澳門元',
  // people and events
  '人次',
  '人',
  '名',
  '场次',
  '場次',
  '场',
  '場',
  '次',
  '例',
  '起',
  // counting classifiers
  '个',
  '個',
  '家',
  '户',
  '戶',
  '头',
  '頭',
  '只',
  '隻',
  '株',
  '条',
  '條',
  '列',
  '套',
  '台套',
  '臺套',
  '台',
  '臺',
  '项',
  '項',
  '件',
  '处',
  '處',
  // Contracts let (`工程施工計分4案發包`, Taiwan).
  '案',
  // Agreements and documents (`避免雙重課稅協定的數目增加至50份`, Hong Kong).
  '份',
  '所',
  '座',
  '栋',
  '棟',
  '辆',
  '輛',
  '架',
  '艘',
  '类',
  '類',
  '张',
  '張',
  '床',
  '间',
  '間',
  '批次',
  '口',
  '支',
  '位',
];

/** Units by first character, each list longest first, for a linear longest-match lookup. */
const UNITS_BY_FIRST: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const unit of UNIT_LIST) {
    const list = map.get(unit[0]!) ?? [];
    list.push(unit);
    map.set(unit[0]!, list);
  }
  for (const list of map.values()) list.sort((a, b) => b.length - a.length);
  return map;
})();

/** Percent-like units whose value is a rate, not a count. */
export const PERCENT_UNITS: ReadonlySet<string> = new Set([
  '%',
  '‰',
  '个百分点',
  '個百分點',
  '百分点',
  '百分點',
]);

/**
 * Counting classifiers (个, 项, 件 …): with a single Chinese digit they count rhetorically
 * (两个轮子, 四件事, 八项规定), unlike measures (两个百分点, 三倍).
 */
export const COUNT_CLASSIFIERS: ReadonlySet<string> = new Set(
  '个 個 家 户 戶 头 頭 只 隻 株 条 條 列 套 台 臺 项 項 件 处 處 份 所 座 栋 棟 辆 輛 架 艘 类 類 张 張 床 间 間 名 人 场 場 次 例 批次 台套 臺套 起 口 支 位'.split(
    ' ',
  ),
);

/** Units that name a class of equipment when they modify a noun (`500千伏输变电工程`). */
export const CLASS_UNITS: ReadonlySet<string> = new Set(['千伏', '千伏安', 'kV']);

/**
 * Finds the longest unit starting at `pos` in `text`, or '' when none does. A Latin unit must not
 * run on into more letters (`5G` is not `G…`; `25GW以上` is GW).
 */
export function matchUnit(text: string, pos: number): string {
  const candidates = UNITS_BY_FIRST.get(text[pos] ?? '');
  if (!candidates) return '';
  for (const unit of candidates) {
    if (!text.startsWith(unit, pos)) continue;
    if (/[A-Za-z]$/.test(unit) && /[A-Za-z]/.test(text[pos + unit.length] ?? '')) continue;
    return unit;
  }
  return '';
}
