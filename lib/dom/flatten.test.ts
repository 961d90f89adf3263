// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { FlatTextBuilder, flattenElement, isHiddenByAttributes } from './flatten';

/** Builds a detached container from trusted test markup (DOMParser, so no innerHTML on a live node). */
function parse(html: string): HTMLElement {
  const doc = new DOMParser().parseFromString(
    `<!doctype html><body><div id="root">${html}</div>`,
    'text/html',
  );
  return doc.getElementById('root')!;
}

describe('flattenElement', () => {
  it.each([
    [
      'inline markup joins without breaks',
      '<p>地区生产总值增长<strong>5%</strong>左右</p>',
      '地区生产总值增长5%左右',
    ],
    [
      'blocks are separated by one newline',
      '<h2>一、主要预期目标</h2><p>城镇新增就业18万人以上</p>',
      '一、主要预期目标\n城镇新增就业18万人以上',
    ],
    [
      'br is a line break',
      '<p>完成生态建设任务<font>4000万</font><br>亩。</p>',
      '完成生态建设任务4000万\n亩。',
    ],
    [
      'nested blocks never double the break',
      '<div><div><p>粮食产量超过840亿斤</p></div></div><div><p>奶产量750万吨</p></div>',
      '粮食产量超过840亿斤\n奶产量750万吨',
    ],
    [
      'table cells are tab-separated, rows newline-separated',
      '<table><tr><td>地区生产总值</td><td>5%左右</td></tr><tr><td>居民消费价格</td><td>2%左右</td></tr></table>',
      '地区生产总值\t5%左右\n居民消费价格\t2%左右',
    ],
    [
      'list items are lines',
      '<ul><li>新建20个500千伏输变电工程</li><li>新改建农村公路5000公里</li></ul>',
      '新建20个500千伏输变电工程\n新改建农村公路5000公里',
    ],
    [
      'script, style, noscript and template are skipped',
      '<p>力争产值达到<script>var x = 1200;</script>1200亿元<style>p{}</style><noscript>开启脚本</noscript><template>模板</template></p>',
      '力争产值达到1200亿元',
    ],
    [
      'form fields are skipped',
      '<p>评论：<textarea>2500萬千瓦的目標可以提高</textarea><input value="4821"><select><option>3000人</option></select><button>发表 (0/500)</button></p>',
      '评论：',
    ],
    [
      'hidden subtrees are skipped',
      '<p>煤炭产量<span hidden>隐藏</span>稳定在<span aria-hidden="true">(图标)</span>12.5亿吨<span style="display: none">14亿吨</span><span style="color:red;visibility:hidden">x</span>以上</p>',
      '煤炭产量稳定在12.5亿吨以上',
    ],
    [
      'our own UI is skipped',
      '<p>实施重大项目3600个左右<span data-planlens-ui="card">目标 3600个</span></p>',
      '实施重大项目3600个左右',
    ],
    [
      'contenteditable text is included',
      '<div contenteditable="true">城镇调查失业率5.7%左右</div>',
      '城镇调查失业率5.7%左右',
    ],
    [
      'svg and canvas are skipped',
      '<p>增长<svg><text>99</text></svg>6%<canvas>画布</canvas>左右</p>',
      '增长6%左右',
    ],
    [
      'pre keeps its whitespace',
      '<pre>2020 年内蒙古自治区\n国民经济和社会发展计划  </pre>',
      '2020 年内蒙古自治区\n国民经济和社会发展计划  ',
    ],
    [
      'a space between inline children of a div is kept',
      '<div><b>Hello</b> <i>world</i></div>',
      'Hello world',
    ],
    [
      'indentation between blocks is dropped, spaces between inline elements kept',
      '\n  <div>\n    <p><span>18</span> <span>万人</span></p>\n  </div>\n',
      '18 万人',
    ],
  ])('%s', (_name, html, expected) => {
    expect(flattenElement(parse(html)).text).toBe(expected);
  });

  it('maps every node character back to its text node', () => {
    const flat = flattenElement(
      parse('<h1>标题</h1><p>城镇新增就业<span>18</span>万人以上；<b>1</b><b>2.5</b>亿吨</p>'),
    );
    expect(flat.nodes.length).toBe(flat.starts.length);
    for (let k = 0; k < flat.nodes.length; k++) {
      const node = flat.nodes[k]!;
      expect(flat.text.slice(flat.starts[k]!, flat.starts[k]! + node.data.length)).toBe(node.data);
    }
    // Virtual breaks sit between nodes, never inside them.
    expect(flat.text).toBe('标题\n城镇新增就业18万人以上；12.5亿吨');
    expect(flat.starts).toEqual([0, 3, 9, 11, 16, 17, 20]);
  });

  it('honours a custom skip and still skips non-text elements', () => {
    const root = parse('<p class="ad">广告 99元</p><p>粮食产量超过840亿斤<script>1</script></p>');
    const flat = flattenElement(root, { skip: (el) => el.classList.contains('ad') });
    expect(flat.text).toBe('粮食产量超过840亿斤');
  });

  it('walks a document from its root element', () => {
    const doc = new DOMParser().parseFromString('<title>标题</title><p>增长5%左右</p>', 'text/html');
    expect(flattenElement(doc).text).toBe('增长5%左右');
  });

  it('handles trees deeper than any recursion limit', () => {
    const doc = new DOMParser().parseFromString('<body></body>', 'text/html');
    let parent: Element = doc.body;
    for (let depth = 0; depth < 20000; depth++) {
      const span = doc.createElement('span');
      parent.appendChild(span);
      parent = span;
    }
    parent.appendChild(doc.createTextNode('城镇新增就业18万人以上'));
    expect(flattenElement(doc.body).text).toBe('城镇新增就业18万人以上');
  });

  it.each([
    [
      'ideographic spaces indenting a paragraph are text',
      '<p>\u3000\u3000城镇新增就业18万人以上</p>',
      '\u3000\u3000城镇新增就业18万人以上',
    ],
    [
      'an ideographic space between inline elements is text',
      '<p><b>增长</b>\u3000<b>5%</b></p>',
      '增长\u30005%',
    ],
    ['an ideographic space before the first text is not', '<p>\u3000<b>增长5%</b></p>', '增长5%'],
    [
      'a no-break space indentation line between blocks is not',
      '<div><p>增长5%</p>\n\u00a0 <p>左右</p></div>',
      '增长5%\n左右',
    ],
  ])('whitespace: %s', (_name, html, expected) => {
    expect(flattenElement(parse(html)).text).toBe(expected);
  });

  it.each([
    [
      'an empty skipped block adds no break',
      '<ul><li>增长<span>5%</span><div class="x"></div>左右</li></ul>',
      '增长5%左右',
    ],
    [
      'an empty skipped inline element changes nothing',
      '<p>增长<span class="x"></span>5%左右</p>',
      '增长5%左右',
    ],
    [
      'an empty kept block is a break',
      '<ul><li>增长<span>5%</span><div></div>左右</li></ul>',
      '增长5%\n左右',
    ],
  ])('empty elements: %s', (_name, html, expected) => {
    const flat = flattenElement(parse(html), { skip: (el) => el.classList.contains('x') });
    expect(flat.text).toBe(expected);
  });

  it('flattens a text node root', () => {
    const doc = new DOMParser().parseFromString('<p>5.7%左右</p>', 'text/html');
    const text = doc.querySelector('p')!.firstChild!;
    expect(flattenElement(text)).toEqual({ text: '5.7%左右', nodes: [text], starts: [0] });
  });
});

describe('FlatTextBuilder', () => {
  it.each([
    ['paragraphs', '<h2>一、主要预期目标</h2><p>城镇新增就业<b>18</b>万人以上</p><p>粮食产量超过840亿斤</p>'],
    [
      'an empty block between paragraphs',
      '<p>地区生产总值增长5%左右</p><div><img></div><p>居民消费价格涨幅2%左右</p>',
    ],
    [
      'a table after a pre',
      '<pre>  主要目标\n  5%</pre><table><tr><td>指标</td><td>5%左右</td></tr></table>',
    ],
  ])('appending the blocks of %s one by one gives flattenElement of their parent', (_name, html) => {
    const root = parse(html);
    const builder = new FlatTextBuilder();
    for (const child of Array.from(root.children)) builder.append(child);
    const built = builder.finish();
    const whole = flattenElement(root);
    expect(built.text).toBe(whole.text);
    expect(built.starts).toEqual(whole.starts);
    expect(built.nodes.every((node, k) => node === whole.nodes[k])).toBe(true);
  });

  it('returns the characters each subtree adds, without the separator or an empty subtree', () => {
    const root = parse('<p>增长5%左右</p><p><script>1</script></p><p>新增<b>18</b>万人</p>');
    const builder = new FlatTextBuilder();
    const added = Array.from(root.children).map((child) => builder.append(child));
    expect(added).toEqual([6, 0, 6]);
    expect(builder.finish().text).toBe('增长5%左右\n新增18万人');
  });
});

describe('open shadow roots', () => {
  it('reports each shadow root it passes and flattens one given as the root, inline', () => {
    const root = parse('<p>地区生产总值增长5%左右</p><div id="host"><span>单位能耗降低2.5%左右</span></div>');
    const host = root.querySelector('#host')!;
    const shadow = host.attachShadow({ mode: 'open' });
    const p = document.createElement('p');
    p.append('完成造林种草', document.createElement('b'), '1500万亩以上');
    p.querySelector('b')!.textContent = '（含种草）';
    shadow.append(p);
    const met: ShadowRoot[] = [];
    const light = flattenElement(root, { onShadowRoot: (found) => met.push(found) });
    expect(light.text).toBe('地区生产总值增长5%左右\n单位能耗降低2.5%左右');
    expect(met).toEqual([shadow]);
    const inside = flattenElement(shadow);
    expect(inside.text).toBe('完成造林种草（含种草）1500万亩以上');
    expect(inside.nodes[0]!.data).toBe('完成造林种草');
  });
});

describe('isHiddenByAttributes', () => {
  it.each([
    ['<span hidden>x</span>', true],
    ['<span aria-hidden="true">x</span>', true],
    ['<span aria-hidden="false">x</span>', false],
    ['<span style="DISPLAY:NONE">x</span>', true],
    ['<span style="display: inline-block">x</span>', false],
    ['<span style="visibility:hidden">x</span>', true],
    ['<div data-planlens-ui>x</div>', true],
    ['<span class="hidden">x</span>', false],
    ['<span>x</span>', false],
  ])('%s → %s', (html, expected) => {
    expect(isHiddenByAttributes(parse(html).firstElementChild!)).toBe(expected);
  });
});
