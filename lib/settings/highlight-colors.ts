/**
 * The reader's highlight colours (targets, achieved figures, the notes' underline) and the CSS that
 * applies them over the built-in look. Pure: the options page stores {@link HighlightColors}, the
 * reader turns them into a sheet with {@link highlightColorsCss}.
 *
 * @module
 */

/** Colours as `#rrggbb`, the format `<input type="color">` reads and writes. */
export interface HighlightColors {
  /** Fill and underline of `::highlight(planlens-target)`. */
  target: string;
  /** Fill and underline of `::highlight(planlens-achieved)`. */
  achieved: string;
  /** The notes' double underline, drawn in the notes UI (each note keeps its own tint). */
  note: string;
}

/**
 * The built-in look's main colours (`highlight/paint.ts`, `notes/marks.ts`): yellow targets, blue
 * achieved figures, violet note lines — three hues no reader takes for one another.
 */
export const DEFAULT_HIGHLIGHT_COLORS: Readonly<HighlightColors> = {
  target: '#facc15',
  achieved: '#38bdf8',
  note: '#7c3aed',
};

const HEX = /^#[0-9a-f]{6}$/u;

/** True for a `#rrggbb` colour (lower case, as colour inputs report it). */
export function isHexColor(value: unknown): value is string {
  return typeof value === 'string' && HEX.test(value);
}

/**
 * Colours from a stored value. Each field that is not a `#rrggbb` string (missing, corrupt, written
 * by a later version) falls back to its default on its own; `null`/non-objects give the defaults.
 */
export function parseHighlightColors(value: unknown): HighlightColors {
  const raw = (typeof value === 'object' && value !== null ? value : {}) as Partial<Record<string, unknown>>;
  const pick = (key: keyof HighlightColors) => {
    const candidate = typeof raw[key] === 'string' ? raw[key].toLowerCase() : raw[key];
    return isHexColor(candidate) ? candidate : DEFAULT_HIGHLIGHT_COLORS[key];
  };
  return { target: pick('target'), achieved: pick('achieved'), note: pick('note') };
}

/** True when every colour is the default, so the built-in look needs no override. */
export function isDefaultHighlightColors(colors: HighlightColors): boolean {
  return (Object.keys(DEFAULT_HIGHLIGHT_COLORS) as (keyof HighlightColors)[]).every(
    (key) => colors[key] === DEFAULT_HIGHLIGHT_COLORS[key],
  );
}

/**
 * The `::highlight()` rules for `colors`: a translucent fill (so text stays readable on light and
 * dark pages) and a darker underline of the same hue. `!important` lets them win over the built-in
 * sheets whatever order the sheets were adopted in; only what a colour changes is overridden (the
 * solid/dotted underline styles, which tell targets from achieved figures without colour, stay).
 * Returns '' for the defaults. Only validated `#rrggbb` values reach the text.
 */
export function highlightColorsCss(colors: HighlightColors): string {
  if (isDefaultHighlightColors(colors)) return '';
  const { target, achieved, note } = parseHighlightColors(colors);
  const fill = (hex: string, percent: number) => `color-mix(in srgb, ${hex} ${percent}%, transparent)`;
  const line = (hex: string) => `color-mix(in srgb, ${hex} 75%, black)`;
  return [
    `::highlight(planlens-target) { background-color: ${fill(target, 35)} !important; text-decoration-color: ${line(target)} !important; }`,
    `::highlight(planlens-achieved) { background-color: ${fill(achieved, 30)} !important; text-decoration-color: ${line(achieved)} !important; }`,
    `::highlight(planlens-note) { text-decoration-color: ${note} !important; }`,
  ].join('\n');
}

/** A colour in OKLab (perceptually even): lightness 0–1 and the two opponent axes. */
interface Oklab {
  l: number;
  a: number;
  b: number;
}

function toOklab(hex: string): Oklab {
  const linear = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const [r, g, b] = linear as [number, number, number];
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  return {
    l: 0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s,
    a: 1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s,
    b: 0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s,
  };
}

/** Below this OKLab distance two colours read as the same one. */
const SAME_COLOR_DISTANCE = 0.12;
/** Two colourful (chroma above this) colours of nearly one hue read as one kind of mark. */
const COLORFUL_CHROMA = 0.05;
const SAME_HUE_DEGREES = 40;

/**
 * Whether two `#rrggbb` colours could be taken for each other on the page: close in OKLab, or both
 * colourful and of nearly the same hue (a dark yellow underline still reads as "a target"). Greys
 * (little chroma) collide only by distance, so a grey never collides with a colour by hue alone.
 *
 * Edge cases: anything that is not `#rrggbb` never collides (it is refused before it is stored).
 */
export function colorsCollide(first: string, second: string): boolean {
  if (!isHexColor(first) || !isHexColor(second)) return false;
  const x = toOklab(first);
  const y = toOklab(second);
  if (Math.hypot(x.l - y.l, x.a - y.a, x.b - y.b) < SAME_COLOR_DISTANCE) return true;
  const chromaX = Math.hypot(x.a, x.b);
  const chromaY = Math.hypot(y.a, y.b);
  if (chromaX < COLORFUL_CHROMA || chromaY < COLORFUL_CHROMA) return false;
  const hue = (c: Oklab) => (Math.atan2(c.b, c.a) * 180) / Math.PI;
  const apart = Math.abs(hue(x) - hue(y)) % 360;
  return Math.min(apart, 360 - apart) < SAME_HUE_DEGREES;
}

/**
 * The first of the other highlight kinds that `key`'s colour in `colors` collides with (see
 * {@link colorsCollide}), or null when it stands apart: the options page refuses such a choice,
 * so a note never looks like a target or an achieved figure (and those never like each other).
 */
export function collidingColor(
  colors: HighlightColors,
  key: keyof HighlightColors,
): keyof HighlightColors | null {
  const others = (['target', 'achieved', 'note'] as const).filter((k) => k !== key);
  return others.find((other) => colorsCollide(colors[key], colors[other])) ?? null;
}
