/**
 * A target's value in normal form as Chinese writes it: digits grouped (`1,602个`) and large values
 * scaled to 万 / 亿 / 万亿 when that reads exactly (`84000000000 斤` → `840亿斤`, `20000亿元` →
 * `2万亿元`). Used by the card, the side panel's table and the exports.
 *
 * @module
 */
import type { Target } from './target';

/** Magnitude words, largest first, with their size. */
const MAGNITUDES: readonly (readonly [string, number])[] = [
  ['万亿', 1e12],
  ['亿', 1e8],
  ['万', 1e4],
];

/** At most this many decimals in a scaled figure: `25.3亿` yes, `1.2345万` no (digits then). */
const MAX_SCALED_DECIMALS = 2;

/** `n` without float noise, at most 6 decimals, never in exponent form. */
function roundPlain(n: number): number {
  return Number(n.toFixed(6));
}

/** The number of decimals `n` (already rounded) is written with. */
function countDecimals(n: number): number {
  const text = n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 6 });
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** `n` with its integer part grouped by thousands: `1,602`, `12,345.5`, `0.25`. */
function groupDigits(n: number): string {
  return n.toLocaleString('en-US', { useGrouping: true, maximumFractionDigits: 6 });
}

/**
 * One value in normal form: the largest of 万亿 / 亿 / 万 that divides it to a figure of at least 1
 * with at most two decimals, grouped only from five digits (`180000` → `18万`, `2530000000` →
 * `25.3亿`, `1.2e7` → `1200万`, never `0.12亿` or `1,200万`); otherwise the digits, grouped by thousands (`1602` → `1,602`, `12345` → `12,345`,
 * `5.5` → `5.5`). Negative values keep their sign; non-finite values are written as `String(n)`.
 */
export function formatNormalValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  for (const [word, size] of MAGNITUDES) {
    if (abs < size) continue;
    const scaled = roundPlain(value / size);
    // Chinese writes 1200万, not 1,200万: only a scaled figure of five digits or more is grouped.
    if (countDecimals(scaled) <= MAX_SCALED_DECIMALS) {
      return `${Math.abs(scaled) >= 1e4 ? groupDigits(scaled) : String(scaled)}${word}`;
    }
  }
  return groupDigits(roundPlain(value));
}

/**
 * A target's quantity in normal form, unit attached as Chinese writes it (no space): `840亿斤`,
 * `2万亿元`, `1,602个`, `5.5%`. A range is written with an en dash and the unit once (`4.5–5%`);
 * a range whose ends are equal is one value. A target without a unit is its number alone.
 */
export function formatNormalQuantity(target: Pick<Target, 'value' | 'valueMax' | 'unit'>): string {
  const low = formatNormalValue(target.value);
  const range =
    target.valueMax === undefined || target.valueMax === target.value
      ? low
      : `${low}–${formatNormalValue(target.valueMax)}`;
  return `${range}${target.unit}`;
}
