// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { flattenElement, type FlatText } from './flatten';
import { offsetFromPoint, pointsFromOffsets, rangeFromOffsets, staticRangeFromOffsets } from './dom-map';

/** The split-quantities markup (sentences from seed 003), placed in the test document. */
const SPLIT_HTML = [
  '<h2>一、主要预期目标</h2>',
  '<p>地区生产总值增长<strong>5%</strong>左右，城镇新增就业<span>18</span>万人以上；居民消费价格涨幅<em>2</em><em>%</em>左右。</p>',
  '<p>煤炭产量稳定在<b>1</b><b>2.5</b>亿吨以上。完成生态建设任务<font>4000万</font><br>亩。</p>',
  '<p>力争产值达到<i>1200</i>亿<i>元</i>。新改建农村公路<span><span>50</span>00</span>公里。</p>',
].join('');

function flattenFixture(): { flat: FlatText; root: HTMLElement } {
  const doc = new DOMParser().parseFromString(`<body><div id="root">${SPLIT_HTML}</div></body>`, 'text/html');
  // Live Ranges in happy-dom only work in the window's own document.
  const root = document.importNode(doc.getElementById('root')!, true);
  document.body.replaceChildren(root);
  return { flat: flattenElement(root), root };
}

/** The text between two DOM points, read from the nodes themselves (what a Range would cover). */
function textBetween(flat: FlatText, points: NonNullable<ReturnType<typeof pointsFromOffsets>>): string {
  const [from, to] = points;
  const first = flat.nodes.indexOf(from.node);
  const last = flat.nodes.indexOf(to.node);
  if (first === last) return from.node.data.slice(from.offset, to.offset);
  let text = from.node.data.slice(from.offset);
  for (let k = first + 1; k < last; k++) text += flat.nodes[k]!.data;
  return text + to.node.data.slice(0, to.offset);
}

describe('pointsFromOffsets', () => {
  it.each([
    ['5%', 'strong'],
    ['18万人', 'span + text'],
    ['2%', 'two em'],
    ['12.5亿吨', 'two b + text'],
    ['1200亿元', 'i + text + i'],
    ['5000公里', 'nested spans'],
    ['地区生产总值增长5%左右', 'text + strong + text'],
  ])('maps %s (%s) to points covering exactly those characters', (quote) => {
    const { flat } = flattenFixture();
    const start = flat.text.indexOf(quote);
    expect(start).toBeGreaterThanOrEqual(0);
    const points = pointsFromOffsets(flat, start, start + quote.length);
    expect(points).not.toBeNull();
    expect(textBetween(flat, points!)).toBe(quote);
  });

  it('skips the virtual line break inside a quantity split by <br>', () => {
    const { flat } = flattenFixture();
    const start = flat.text.indexOf('4000万\n亩');
    const points = pointsFromOffsets(flat, start, start + '4000万\n亩'.length)!;
    expect(textBetween(flat, points)).toBe('4000万亩');
    expect(points[0].node.data).toBe('4000万');
    expect(points[1]).toEqual({ node: flat.nodes.find((n) => n.data.startsWith('亩'))!, offset: 1 });
  });

  it('trims spans that start or end on an inserted break', () => {
    const { flat } = flattenFixture();
    const breakAt = flat.text.indexOf('\n');
    const points = pointsFromOffsets(flat, breakAt, breakAt + 3)!;
    expect(textBetween(flat, points)).toBe('地区');
    const headingEnd = pointsFromOffsets(flat, 0, breakAt + 1)!;
    expect(textBetween(flat, headingEnd)).toBe('一、主要预期目标');
  });

  it.each([
    ['empty span', 3, 3],
    ['inverted span', 5, 2],
    ['only a break', -1, 0],
    ['past the end', 10_000, 10_010],
  ])('returns null for %s', (_name, start, end) => {
    const { flat } = flattenFixture();
    const breakAt = flat.text.indexOf('\n');
    const [s, e] = start === -1 ? [breakAt, breakAt + 1] : [start, end];
    expect(pointsFromOffsets(flat, s, e)).toBeNull();
  });
});

describe('pointsFromOffsets against a linear scan', () => {
  /** The original linear implementation, as a reference. */
  function linearPoints(flat: FlatText, start: number, end: number): ReturnType<typeof pointsFromOffsets> {
    let first: { node: Text; offset: number } | null = null;
    let last: { node: Text; offset: number } | null = null;
    for (let k = 0; k < flat.nodes.length; k++) {
      const node = flat.nodes[k]!;
      const s = flat.starts[k]!;
      const e = s + node.data.length;
      if (e <= start || s >= end) continue;
      first ??= { node, offset: Math.max(0, start - s) };
      last = { node, offset: Math.min(node.data.length, end - s) };
    }
    return first && last ? [first, last] : null;
  }

  it('agrees on every span of up to 12 characters', () => {
    const { flat } = flattenFixture();
    let compared = 0;
    for (let start = 0; start < flat.text.length; start++) {
      for (let end = start + 1; end <= Math.min(flat.text.length, start + 12); end++) {
        expect(pointsFromOffsets(flat, start, end), `${start}-${end}`).toEqual(
          linearPoints(flat, start, end),
        );
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });
});

describe('offsetFromPoint', () => {
  it('maps a text point exactly and is the inverse of pointsFromOffsets', () => {
    const { flat } = flattenFixture();
    for (const quote of ['18万人', '12.5亿吨', '5000公里']) {
      const start = flat.text.indexOf(quote);
      const [from, to] = pointsFromOffsets(flat, start, start + quote.length)!;
      expect(offsetFromPoint(flat, from.node, from.offset)).toBe(start);
      expect(offsetFromPoint(flat, to.node, to.offset)).toBe(start + quote.length);
    }
  });

  it('snaps a point in skipped (hidden) text forward to the next flattened text', () => {
    const { flat, root } = flattenFixture();
    const strong = root.querySelector('strong')!;
    const hidden = document.createElement('span');
    hidden.hidden = true;
    hidden.textContent = '隐藏';
    strong.after(hidden);
    // flat was built before the span existed: its text node is not in flat.nodes, like skipped text.
    expect(offsetFromPoint(flat, hidden.firstChild!, 1)).toBe(flat.text.indexOf('左右'));
  });

  it('maps element points to the next flattened text', () => {
    const { flat, root } = flattenFixture();
    const strong = root.querySelector('strong')!;
    expect(
      offsetFromPoint(flat, strong.parentNode!, Array.from(strong.parentNode!.childNodes).indexOf(strong)),
    ).toBe(flat.text.indexOf('5%'));
    expect(offsetFromPoint(flat, strong, 1)).toBe(flat.text.indexOf('左右'));
    expect(offsetFromPoint(flat, root, root.childNodes.length)).toBe(flat.text.length);
    expect(offsetFromPoint(flat, root, 0)).toBe(0);
  });
});

describe('ranges', () => {
  it('builds a live Range and a StaticRange-or-Range over a split quantity', () => {
    const { flat } = flattenFixture();
    const start = flat.text.indexOf('12.5亿吨');
    expect(rangeFromOffsets(flat, start, start + 6)!.toString()).toBe('12.5亿吨');
    const range = staticRangeFromOffsets(flat, start, start + 6)!;
    expect(range.startContainer).toBe(flat.nodes.find((n) => n.data === '1'));
    expect(range.startOffset).toBe(0);
    expect((range.endContainer as Text).data.slice(0, range.endOffset)).toBe('亿吨');
    expect(staticRangeFromOffsets(flat, 4, 4)).toBeNull();
  });
});
