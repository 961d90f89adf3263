import { describe, expect, it } from 'vitest';
import { choosePreset, isLengthPreserving, nextTarget, siblingPresets } from './targets';

describe('choosePreset', () => {
  it.each([
    ['simplified', 'tw', 'cn2tw'],
    ['simplified', 'hk', 'cn2hk'],
    ['simplified', 'twp', 'cn2twp'],
    ['simplified', 'cn', null],
    ['traditional', 'cn', 'tw2cn'],
    ['traditional', 'tw', 't2tw'],
    ['traditional', 'hk', 't2hk'],
    ['mixed', 'tw', 'cn2tw'],
    ['mixed', 'cn', 'tw2cn'],
    ['simplified', 'original', null],
  ] as const)('%s page to %s uses %s', (script, target, preset) => {
    expect(choosePreset(script, target)).toBe(preset);
  });

  it('marks only the Taiwan-phrase presets as length-changing', () => {
    expect(isLengthPreserving('cn2tw')).toBe(true);
    expect(isLengthPreserving('cn2twp')).toBe(false);
  });

  it.each([
    ['cn', false, 'traditional', 'tw'],
    ['tw', false, 'traditional', 'hk'],
    ['original', false, 'traditional', 'cn'],
    ['original', false, 'simplified', 'tw'],
    ['tw', true, 'simplified', 'twp'],
    ['twp', false, 'simplified', 'tw'],
  ] as const)('cycles from %s (twp allowed: %s) on a %s page to %s', (from, twp, script, to) => {
    expect(nextTarget(from, twp, script)).toBe(to);
  });
});

describe('siblingPresets', () => {
  it.each([
    ['cn2tw', ['cn2hk']],
    ['cn2twp', ['cn2tw', 'cn2hk']],
    ['tw2cn', ['t2tw', 't2hk']],
    ['t2hk', ['tw2cn', 't2tw']],
  ] as const)('%s → %j', (preset, siblings) => {
    expect(siblingPresets(preset)).toEqual(siblings);
  });
});
