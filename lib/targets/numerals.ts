/**
 * Numerals as written in Chinese plans: Arabic (`1,200`, `12.5`), Chinese (`两千万`, `一千兩百萬`,
 * `零点五`, `百`), and magnitude words (万 亿 万亿 兆, traditional 萬 億).
 *
 * @module
 */

/** Chinese digit characters and their values (二 and 两/兩 are both 2; 〇 and 零 are 0). */
const CN_DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  // Taiwan writes 〇 as the circle ○ (U+25CB) in positional numerals: `六九○○萬元`.
  '○': 0,
  一: 1,
  二: 2,
  两: 2,
  兩: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Place values inside a group of four digits. */
const CN_PLACES: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** Magnitude words and their multipliers, longest first so `万亿` beats `万`. */
export const MAGNITUDES: ReadonlyArray<readonly [string, number]> = [
  ['万亿', 1e12],
  ['萬億', 1e12],
  ['千万', 1e7],
  ['千萬', 1e7],
  ['百万', 1e6],
  ['百萬', 1e6],
  ['千亿', 1e11],
  ['千億', 1e11],
  ['亿', 1e8],
  ['億', 1e8],
  ['万', 1e4],
  ['萬', 1e4],
  ['兆', 1e12],
];

/** Group magnitudes used inside a Chinese numeral (`一千兩百萬`): 万/萬, 亿/億, 兆. */
const CN_GROUPS: Readonly<Record<string, number>> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8, 兆: 1e12 };

/** Characters a Chinese numeral is made of (digits, places, group magnitudes). */
export const CN_NUMERAL_CHARS = '零〇一二两兩三四五六七八九十百千万萬亿億兆';

/**
 * Rounds away binary noise from decimal arithmetic (`1.55 * 1e8` → 155000000, not …0.00000003).
 * Values keep 12 significant digits, more than any figure in a plan.
 */
export function roundValue(value: number): number {
  // A positive integer below 1e12 has at most 12 digits, so the round trip would give it back
  // unchanged; most figures (years, counts) are such, and toPrecision is costly.
  if (value > 0 && value < 1e12 && Number.isInteger(value)) return value;
  return Number.parseFloat(value.toPrecision(12));
}

/**
 * Parses an Arabic numeral with optional thousands separators and decimals: `1,200` → 1200,
 * `12.5` → 12.5. Returns NaN for anything else (`1,20` is not a grouped number).
 */
export function parseArabic(text: string): number {
  if (!/^\d+(?:,\d{3})*(?:\.\d+)?$|^\d{1,3}(?: \d{3})+(?:\.\d+)?$/.test(text)) return Number.NaN;
  return Number.parseFloat(/[, ]/.test(text) ? text.replace(/[, ]/g, '') : text);
}

/** Two or more Chinese digits with no place between them: a positional numeral. */
const POSITIONAL = /^[零〇○一二两兩三四五六七八九]{2,}$/;
/** A positional numeral followed by group magnitudes (`六九○○萬`). */
const POSITIONAL_GROUP = /^([零〇○一二两兩三四五六七八九]{2,})((?:万亿|萬億|亿|億|万|萬|兆)+)$/;

/**
 * Parses a Chinese numeral: `两千万` → 20000000, `一千兩百萬` → 12000000, `十五` → 15,
 * `百` → 100, `萬` → 10000, `一万亿` → 1e12, `零点五` → 0.5, `三点一四` → 3.14, `一点四兆` → 1.4e12.
 * A bare place or magnitude counts as one of it (`百家` is a hundred). Returns NaN when `text`
 * holds any other character or is empty.
 */
export function parseChineseNumeral(text: string): number {
  // Most numerals have no decimal point: skip both searches for one.
  // Taiwan writes the point as `.` between Chinese digits: `一七.六八億元`.
  const pointAt =
    text.includes('点') || text.includes('點') || text.includes('.') ? text.search(/[点點.]/) : -1;
  // 一点四兆: a decimal followed by a magnitude scales the whole number.
  const trailing =
    pointAt < 0 ? null : /[点點.][零〇○一二三四五六七八九]+((?:万亿|萬億|亿|億|万|萬|兆)+)$/.exec(text);
  if (trailing) {
    const base = parseChineseNumeral(text.slice(0, text.length - trailing[1]!.length));
    return roundValue(base * parseChineseNumeral(trailing[1]!));
  }
  const intPart = pointAt < 0 ? text : text.slice(0, pointAt);
  const fracPart = pointAt < 0 ? '' : text.slice(pointAt + 1);
  let fraction = 0;
  if (pointAt >= 0) {
    if (fracPart === '') return Number.NaN;
    let scale = 0.1;
    for (const ch of fracPart) {
      const d = CN_DIGITS[ch];
      if (d === undefined) return Number.NaN;
      fraction += d * scale;
      scale /= 10;
    }
  }
  if (intPart === '') return pointAt >= 0 ? roundValue(fraction) : Number.NaN;
  // Digits without places are positional, as Taiwan writes them (`一七.六八` → 17.68, `六九○○` → 6900),
  // also before a group magnitude (`六九○○萬` → 69,000,000).
  const positionalGroup = POSITIONAL_GROUP.exec(intPart);
  if (positionalGroup && fracPart === '')
    return roundValue(parseChineseNumeral(positionalGroup[1]!) * parseChineseNumeral(positionalGroup[2]!));
  if (POSITIONAL.test(intPart)) {
    let whole = 0;
    for (const ch of intPart) whole = whole * 10 + CN_DIGITS[ch]!;
    return roundValue(whole + fraction);
  }
  let total = 0; // groups already closed by 万/亿/兆
  let section = 0; // value inside the current four-digit group
  let digit = 0; // the pending digit
  let sawDigit = false;
  for (const ch of intPart) {
    const d = CN_DIGITS[ch];
    if (d !== undefined) {
      digit = d;
      sawDigit = true;
      continue;
    }
    const place = CN_PLACES[ch];
    if (place !== undefined) {
      section += (sawDigit ? digit : 1) * place;
      digit = 0;
      sawDigit = false;
      continue;
    }
    const group = CN_GROUPS[ch];
    if (group === undefined) return Number.NaN;
    let small = section + digit;
    // Groups below this one (a 万 before 亿 in 一万亿) are scaled up together with it.
    const below = total % group;
    if (small === 0 && below === 0) small = 1;
    total = total - below + (below + small) * group;
    section = 0;
    digit = 0;
    sawDigit = false;
  }
  return roundValue(total + section + digit + fraction);
}

/** Looks up a magnitude word's multiplier (`万` → 1e4, `萬億` → 1e12); 1 for ''. */
export function findMagnitude(word: string): number {
  if (word === '') return 1;
  return MAGNITUDE_OF.get(word) ?? Number.NaN;
}

/** MAGNITUDES as a map (the words are distinct): one lookup per number read, not a list walk. */
const MAGNITUDE_OF: ReadonlyMap<string, number> = new Map(MAGNITUDES);

/**
 * Parses a number as written before a unit: Arabic or Chinese digits, then an optional magnitude
 * word (`12.5亿` → 1.25e9, `1.4兆` → 1.4e12, `两千万` → 2e7). Returns NaN when it is not a number.
 */
export function parseNumber(digits: string, magnitude = ''): number {
  const first = digits.charCodeAt(0); // NaN for ''
  const base =
    first >= 0x30 && first <= 0x39 ? parseArabic(digits) : digits === '' ? 1 : parseChineseNumeral(digits);
  return roundValue(base * findMagnitude(magnitude));
}
