/**
 * Which attributes people see and we therefore convert. Everything else (data-*, href, value of
 * text inputs) is left alone: it is data, not reading text.
 *
 * @module
 */

/** Attributes converted on any element. */
export const VISIBLE_ATTRIBUTES: readonly string[] = [
  'title',
  'alt',
  'placeholder',
  'aria-label',
  'aria-description',
];

/** Every attribute name the observer must watch (a superset; {@link isVisibleAttribute} decides). */
export const OBSERVED_ATTRIBUTES: readonly string[] = [...VISIBLE_ATTRIBUTES, 'label', 'value'];

const BUTTON_TYPES = new Set(['button', 'submit', 'reset']);

/**
 * Whether attribute `name` of an element `tag` (upper- or lower-case) is visible reading text.
 * `label` only on option/optgroup; `value` only on button-type inputs (a form value typed by the
 * user or read by the site is never touched). `inputType` is the element's `type` attribute.
 */
export function isVisibleAttribute(tag: string, name: string, inputType?: string | null): boolean {
  if (VISIBLE_ATTRIBUTES.includes(name)) return true;
  const lower = tag.toLowerCase();
  if (name === 'label') return lower === 'option' || lower === 'optgroup';
  if (name === 'value') return lower === 'input' && BUTTON_TYPES.has((inputType ?? '').toLowerCase());
  return false;
}
