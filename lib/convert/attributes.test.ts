import { describe, expect, it } from 'vitest';
import { isVisibleAttribute } from './attributes';

describe('isVisibleAttribute', () => {
  it.each([
    ['IMG', 'alt', null, true],
    ['A', 'title', null, true],
    ['INPUT', 'placeholder', 'text', true],
    ['NAV', 'aria-label', null, true],
    ['OPTION', 'label', null, true],
    ['TRACK', 'label', null, false],
    ['INPUT', 'value', 'submit', true],
    ['INPUT', 'value', 'BUTTON', true],
    ['INPUT', 'value', 'text', false],
    ['INPUT', 'value', null, false],
    ['DIV', 'data-title', null, false],
    ['A', 'href', null, false],
  ] as const)('%s@%s (type %s) → %s', (tag, name, type, visible) => {
    expect(isVisibleAttribute(tag, name, type)).toBe(visible);
  });
});
