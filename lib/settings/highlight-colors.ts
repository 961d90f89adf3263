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
  /** Underline of `::highlight(planlens-note)` (each note keeps its own fill colour). */
  note: string;
}

/** The built-in look's main colours (`highlight-registry.ts`, `notes-highlights.ts`). */
export const DEFAULT_HIGHLIGHT_COLORS: Readonly<HighlightColors> = {
  target: '#facc15',
  achieved: '#38bdf8',
  note: '#785000',
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
