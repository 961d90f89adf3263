import { describe, expect, it } from 'vitest';
import type { Target } from '../../../lib/targets/target';
import { findPlacedAt } from './model';

describe('findPlacedAt', () => {
  // Two text nodes, as in <p>地区生产总值增长<strong>6%左右</strong>，城镇新增就业22万人以上。</p>
  const a = { nodeType: 3, data: '地区生产总值增长' } as unknown as Text;
  const b = { nodeType: 3, data: '6%左右，城镇新增就业22万人以上。' } as unknown as Text;
  const text = a.data + b.data;
  const placed = ['6%左右', '22万人以上'].map((t) => {
    const start = text.indexOf(t);
    return { target: { start, end: start + t.length } as Target, range: {} as StaticRange };
  });
  const model = {
    flat: { text, nodes: [a, b], starts: [0, a.data.length] },
    placed,
    nodeIndex: new Map([
      [a, 0],
      [b, 1],
    ]),
  };

  it.each([
    ['the first character of 6%左右', b, 0, 0],
    ['inside 6%左右', b, 3, 0],
    ['just past 6%左右', b, 4, -1],
    ['inside 22万人以上', b, b.data.indexOf('万'), 1],
    ['text before any target', a, 2, -1],
    ['the end of the text', b, b.data.length, -1],
  ])('%s', (_, node, offset, expected) => {
    expect(findPlacedAt(model, node, offset)).toBe(expected);
  });

  it('ignores nodes it did not read', () => {
    expect(findPlacedAt(model, { nodeType: 3, data: '6%' } as unknown as Text, 0)).toBe(-1);
    expect(findPlacedAt(model, { nodeType: 1 } as unknown as Node, 0)).toBe(-1);
  });
});
