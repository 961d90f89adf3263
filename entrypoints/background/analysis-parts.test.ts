import { describe, expect, it } from 'vitest';
import type { ContentSender } from '../../lib/messaging/dispatch';
import { MAX_ANALYZED_CHARS } from '../../lib/messaging/schemas';
import { createAnalysisParts, MAX_PENDING, PENDING_TTL_MS } from './analysis-parts';

const frame = (tabId: number, frameId = 0): ContentSender => ({
  kind: 'content',
  tabId,
  frameId,
  url: 'https://www.nmg.gov.cn/zwgk/plan.html',
});
const TOP = frame(7);

describe('analysis parts', () => {
  it('joins the parts of a request in order, once', () => {
    const parts = createAnalysisParts();
    parts.keep(TOP, 'r1', 0, '全区地区生产总值');
    parts.keep(TOP, 'r1', 1, '增长5.5%左右，');
    expect(parts.take(TOP, 'r1', 2)).toBe('全区地区生产总值增长5.5%左右，');
    expect(() => parts.take(TOP, 'r1', 2)).toThrow(/lost its parts/);
  });

  it.each([
    ['a gap', [0, 2]],
    ['a repeat', [0, 1, 1]],
    ['no first part', [1]],
  ])('refuses %s and forgets the request', (_, order) => {
    const parts = createAnalysisParts();
    expect(() => order.forEach((i) => parts.keep(TOP, 'r', i, `第${i}段`))).toThrow(/out of order/);
    expect(() => parts.take(TOP, 'r', order.length)).toThrow(/lost its parts/);
  });

  it('keeps requests apart by tab and frame: another frame can neither add to nor take them', () => {
    const parts = createAnalysisParts();
    parts.keep(TOP, 'r', 0, '城镇新增就业');
    expect(() => parts.keep(frame(7, 3), 'r', 1, '偷加的')).toThrow(/out of order/);
    expect(() => parts.take(frame(8), 'r', 1)).toThrow(/lost its parts/);
    expect(parts.take(TOP, 'r', 1)).toBe('城镇新增就业');
  });

  it('fails the request when the count does not match (a background that restarted between parts)', () => {
    const parts = createAnalysisParts();
    parts.keep(TOP, 'r', 0, '粮食产量');
    expect(() => parts.take(TOP, 'r', 2)).toThrow(/1 of 2/);
  });

  it('drops a request whose next part is late, and the oldest past the limit', () => {
    let now = 0;
    const parts = createAnalysisParts(() => now);
    parts.keep(TOP, 'slow', 0, '一');
    now += PENDING_TTL_MS + 1;
    expect(() => parts.take(TOP, 'slow', 1)).toThrow(/lost its parts/);
    for (let i = 0; i <= MAX_PENDING; i++) parts.keep(TOP, `r${i}`, 0, String(i));
    expect(() => parts.take(TOP, 'r0', 1)).toThrow(/lost its parts/);
    expect(parts.take(TOP, `r${MAX_PENDING}`, 1)).toBe(String(MAX_PENDING));
    expect(parts.take(TOP, 'r1', 1)).toBe('1');
  });

  it('refuses a request past the analysed-text cap', () => {
    const parts = createAnalysisParts();
    const big = '字'.repeat(MAX_ANALYZED_CHARS / 2);
    parts.keep(TOP, 'r', 0, big);
    parts.keep(TOP, 'r', 1, big);
    expect(() => parts.keep(TOP, 'r', 2, '多')).toThrow(/longer than/);
  });
});
