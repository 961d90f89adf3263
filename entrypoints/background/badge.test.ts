import { describe, expect, it } from 'vitest';
import { badgeTextFor } from './badge';

describe('badgeTextFor', () => {
  it.each([
    [true, { target: 50, achieved: 12 }, '50'],
    [true, { target: 0, achieved: 30 }, ''],
    [false, { target: 50, achieved: 0 }, ''],
    [true, null, ''],
    [true, { target: 1234, achieved: 0 }, '999+'],
  ] as const)('on=%s %j → %j (targets only; nothing rather than 0)', (enabled, counts, text) => {
    expect(badgeTextFor(enabled, counts)).toBe(text);
  });
});
