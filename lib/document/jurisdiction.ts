/**
 * Who issued a plan or report: the government's name in full form (`内蒙古自治区`, `呼和浩特市`,
 * `国务院`) and its level, read from simplified text (fold traditional and pinyin first).
 *
 * @module
 */

/** `national`, `province` (municipalities and SARs included), `city` (prefecture level) or `county`. */
export type JurisdictionLevel = 'national' | 'province' | 'city' | 'county';

/** The provincial-level governments by full name, with the short names documents also use. */
const PROVINCES: ReadonlyArray<readonly [full: string, short: string]> = [
  ['北京市', '北京'],
  ['天津市', '天津'],
  ['上海市', '上海'],
  ['重庆市', '重庆'],
  ['河北省', '河北'],
  ['山西省', '山西'],
  ['辽宁省', '辽宁'],
  ['吉林省', '吉林'],
  ['黑龙江省', '黑龙江'],
  ['江苏省', '江苏'],
  ['浙江省', '浙江'],
  ['安徽省', '安徽'],
  ['福建省', '福建'],
  ['江西省', '江西'],
  ['山东省', '山东'],
  ['河南省', '河南'],
  ['湖北省', '湖北'],
  ['湖南省', '湖南'],
  ['广东省', '广东'],
  ['海南省', '海南'],
  ['四川省', '四川'],
  ['贵州省', '贵州'],
  ['云南省', '云南'],
  ['陕西省', '陕西'],
  ['甘肃省', '甘肃'],
  ['青海省', '青海'],
  ['台湾省', '台湾'],
  ['内蒙古自治区', '内蒙古'],
  ['广西壮族自治区', '广西'],
  ['西藏自治区', '西藏'],
  ['宁夏回族自治区', '宁夏'],
  ['新疆维吾尔自治区', '新疆'],
  ['香港特别行政区', '香港'],
  ['澳门特别行政区', '澳门'],
];

const PROVINCE_NAMES = new Set(PROVINCES.map(([full]) => full));
const FULL_NAMES = PROVINCES.map(([full]) => full).join('|');
const SHORT_NAMES = PROVINCES.map(([, short]) => short).join('|');

/** The national government, as plans and reports name it. */
export const NATIONAL = '国务院';

/**
 * A government named at the head of a title or after 在 in a speaker's line: an optional year, an
 * optional province (after an optional 关于), then a name ending in an administrative suffix, then what such a name is
 * followed by (人民政府, 第…届人民代表大会, 国民经济和社会发展…, 关于, a year).
 */
const HEAD_NAME = new RegExp(
  `^(?:关于)?(?:(?:19|20)\\d{2}年度?)?((?:${FULL_NAMES})?[\\u4e00-\\u9fa5]{2,8}?(?:特别行政区|自治区|自治州|自治县|地区|省|市|州|盟|县|旗|区))` +
    `(?=人民政府|政府|人民代表大会|第[一二三四五六七八九十]+届|国民经济|关于|(?:19|20)\\d{2}年|统计局|发展和改革委员会)`,
);
/** Names the head pattern takes for a government but that only say "this region": 自治区人民政府. */
const NOT_A_NAME = /^(?:自治区|全区|全市|全省|本市|本区|各市|各区|市|省|区)$/;
const FULL_ANYWHERE = new RegExp(FULL_NAMES);
const SHORT_ANYWHERE = new RegExp(`(?:${SHORT_NAMES})`);

/**
 * The government `text` names first, in full form, or `null`.
 *
 * Tried in order: 国务院 (or 全国人民代表大会) at the start; a name at the start of `text`
 * (`呼和浩特市人民政府关于…` → `呼和浩特市`; `内蒙古自治区呼和浩特市人民政府` → `呼和浩特市`; a bare
 * `自治区人民政府` names nobody); any provincial full name; a provincial short name (`内蒙古:加快…`
 * → `内蒙古自治区`). A county-level city (满洲里市) cannot be told from a prefecture-level one by
 * its name and comes back as written; {@link readLevel} calls it a city. A bare prefecture name
 * (`呼和浩特市` and nothing after it) names nobody: without a list of prefecture names it cannot be
 * told from a heading of the same shape (`海绵城市`, `…先行示范区`); a bare provincial full name is
 * found, since all of those are listed.
 */
export function findJurisdiction(text: string): string | null {
  if (text.startsWith(NATIONAL) || text.includes('全国人民代表大会')) return NATIONAL;
  const head = HEAD_NAME.exec(text);
  if (head && !NOT_A_NAME.test(head[1]!)) {
    let name = head[1]!;
    const province = PROVINCES.find(([full]) => name.startsWith(full) && name !== full);
    if (province) name = name.slice(province[0].length);
    if (!NOT_A_NAME.test(name)) return name;
  }
  const full = FULL_ANYWHERE.exec(text);
  if (full) return full[0];
  const short = SHORT_ANYWHERE.exec(text);
  if (short) return PROVINCES.find(([, s]) => s === short[0])![0];
  return null;
}

/**
 * The level of a jurisdiction as {@link findJurisdiction} names it: 国务院 → national; a
 * provincial full name (北京市, 香港特别行政区 included) → province; 市/自治州/州/盟/地区 → city;
 * 县/自治县/旗/区 → county; anything else → `null`.
 */
export function readLevel(jurisdiction: string): JurisdictionLevel | null {
  if (jurisdiction === NATIONAL) return 'national';
  if (PROVINCE_NAMES.has(jurisdiction)) return 'province';
  if (/(?:市|自治州|州|盟|地区)$/.test(jurisdiction)) return 'city';
  if (/(?:县|旗|区)$/.test(jurisdiction)) return 'county';
  return null;
}
