import { describe, expect, it } from 'vitest';
import { countCodePoints, splitBackByCodePoints } from './split-back';

describe('splitBackByCodePoints', () => {
  it.each([
    [['发', '展'], '發展', ['發', '展']],
    [['推动经济', '实现', '质的有效提升'], '推動經濟實現質的有效提升', ['推動經濟', '實現', '質的有效提升']],
    [['', '二噁英', ''], '二𫫇英', ['', '二𫫇英', '']],
    [['二', '噁英'], '二𫫇英', ['二', '𫫇英']],
  ])('cuts %j back from %s', (pieces, converted, expected) => {
    expect(splitBackByCodePoints(pieces, converted)).toEqual(expected);
  });

  it('refuses when the converter changed the length (twp vocabulary)', () => {
    expect(splitBackByCodePoints(['优化营商', '环境'], '最佳化營商環境')).toBeNull();
  });

  it('counts a supplementary character once', () => {
    expect(countCodePoints('二𫫇英')).toBe(3);
    expect('二𫫇英'.length).toBe(4);
  });
});
