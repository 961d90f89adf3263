/**
 * How the hover card writes a quantity: the plain normal form (`180000 人`) next to the Chinese
 * magnitude form (`18万人`). Pure, so it is unit-tested in Node.
 *
 * @module
 */
import type { Target } from '@/lib/targets/target';

/** Units written straight after the number, with no space: `5%`, not `5 %`. */
const TIGHT_UNITS = new Set(['%', '‰', '℃']);

/** A number without float noise: 0.1 + 0.2 → `0.3`, 2530000000 → `2530000000` (never `2.53e+9`). */
function formatPlainNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const rounded = Number(value.toFixed(6));
  return Math.abs(rounded) >= 1e21
    ? rounded.toString()
    : rounded.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 6 });
}

/** `value` scaled to 亿 or 万 when it is a round enough multiple, else as is. */
function formatChineseNumber(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e8) return `${formatPlainNumber(value / 1e8)}亿`;
  if (abs >= 1e4) return `${formatPlainNumber(value / 1e4)}万`;
  return formatPlainNumber(value);
}

function joinUnit(number: string, unit: string, spaced: boolean): string {
  if (!unit) return number;
  return spaced && !TIGHT_UNITS.has(unit) ? `${number} ${unit}` : `${number}${unit}`;
}

function formatRange(target: Pick<Target, 'value' | 'valueMax'>, format: (n: number) => string): string {
  const low = format(target.value);
  return target.valueMax === undefined || target.valueMax === target.value
    ? low
    : `${low}–${format(target.valueMax)}`;
}

/**
 * The two normal forms of a target's quantity. `plain`: base units, digits only (`180000 人`,
 * `4.5–5%`); `chinese`: scaled to 万/亿 the way plans write it (`18万人`, `25.3亿立方米`). Values
 * under 10,000 read the same in both. Ranges use an en dash.
 */
export function formatQuantity(target: Pick<Target, 'value' | 'valueMax' | 'unit'>): {
  plain: string;
  chinese: string;
} {
  return {
    plain: joinUnit(formatRange(target, formatPlainNumber), target.unit, true),
    chinese: joinUnit(formatRange(target, formatChineseNumber), target.unit, false),
  };
}
