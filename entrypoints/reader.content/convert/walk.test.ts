// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { collectDocument } from './walk';

function load(html: string): Document {
  document.documentElement.lang = 'zh-CN';
  document.body.replaceChildren();
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  document.body.append(...[...parsed.body.childNodes].map((n) => document.adoptNode(n)));
  return document;
}

const runTexts = (doc: Document) => collectDocument(doc).runs.map((run) => run.map((n) => n.data).join('|'));

describe('collectDocument', () => {
  it.each([
    ['<p>推动经济实现<b>质的有效提升</b>和量的合理增长</p>', ['推动经济实现|质的有效提升|和量的合理增长']],
    ['<p>完成生态建设任务</p><p>4000万亩</p>', ['完成生态建设任务', '4000万亩']],
    ['<p>城镇新增就业<br>18万人以上</p>', ['城镇新增就业', '18万人以上']],
    ['<div>稳就业<div>稳企业</div>稳市场</div>', ['稳就业', '稳企业', '稳市场']],
    ['<p>发展<code>发展</code>计划</p>', ['发展', '计划']],
    ['<p translate="no">发展</p><p class="notranslate">发展</p><p>计划</p>', ['计划']],
    ['<div contenteditable>发展</div><div contenteditable="false">计划</div>', ['计划']],
    ['<div data-planlens-ui>发展</div><textarea>发展</textarea><pre>发展</pre><p>计划</p>', ['计划']],
    ['<p lang="ja">発展計画</p><p lang="zh-CN">发展计划</p>', ['发展计划']],
  ])('groups %s into runs %j', (html, expected) => {
    expect(runTexts(load(html)).filter((t) => t.trim() !== '')).toEqual(expected);
  });

  it('lists visible attributes only, and button values but not typed values', () => {
    const doc = load(
      '<img alt="风电基地"><a title="发展规划" aria-label="打开" data-x="数据">链接</a>' +
        '<input placeholder="搜索"><input value="用户输入"><input type="submit" value="提交">' +
        '<select><option label="选项">一</option></select>',
    );
    const attrs = collectDocument(doc).attrs.map((a) => `${a.el.tagName.toLowerCase()}@${a.name}`);
    expect(attrs).toEqual([
      'img@alt',
      'a@title',
      'a@aria-label',
      'input@placeholder',
      'input@value',
      'option@label',
    ]);
    expect(
      collectDocument(doc)
        .attrs.find((a) => a.name === 'value')!
        .el.getAttribute('type'),
    ).toBe('submit');
  });

  it('skips SVG style sheets (lower-case tag names) but converts SVG text', () => {
    const doc = load('');
    const ns = 'http://www.w3.org/2000/svg';
    const svg = doc.createElementNS(ns, 'svg');
    const style = doc.createElementNS(ns, 'style');
    style.textContent = '.发展{}';
    const text = doc.createElementNS(ns, 'text');
    text.textContent = '发展计划';
    svg.append(style, text);
    doc.body.append(svg);
    expect(runTexts(doc)).toEqual(['发展计划']);
  });

  it('walks open shadow roots as roots of their own', () => {
    const doc = load('<div id="host"></div><p>计划</p>');
    const shadow = doc.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.append(Object.assign(doc.createElement('p'), { textContent: '稳步实施光伏治沙' }));
    const units = collectDocument(doc);
    expect(units.roots).toContain(shadow);
    expect(units.runs.map((r) => r.map((n) => n.data).join(''))).toContain('稳步实施光伏治沙');
  });
});
