// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PageSample } from '../detect/detect';
import { SAMPLE_CHARS, SAMPLE_HEADING_CHARS, SAMPLE_HEADINGS } from '../detect/sample';
import { isBlockTag, isHiddenByAttributeNames, isHiddenByAttributes, isNonTextTag } from './flatten';
import { samplePage } from './page-sample';

// A path, not a URL: happy-dom replaces the global URL class.
const PAGES = path.resolve(import.meta.dirname, '../../tests/fixtures/pages');

/**
 * The sample's walk as it was before it read attribute names (commit 6f2a455), kept as the oracle:
 * the walk now asks the DOM fewer questions per element, and must give the very same sample.
 */
function sampleBefore(doc: Document, limit = SAMPLE_CHARS): PageSample {
  const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();
  const headingLike = (element: Element, tag: string, plain: boolean) => {
    if (['h1', 'h2', 'h3'].includes(tag)) return true;
    if (plain || element.childElementCount > 3) return false;
    return /title|biaoti/i.test(`${element.getAttribute('class') ?? ''} ${element.id}`);
  };
  const root = doc.body;
  const headings: string[] = [];
  const parts: string[] = [];
  let length = 0;
  let linkText = 0;
  let budget = limit * 4;
  let link: Element | null = null;
  let node: Node | null = root?.firstChild ?? null;
  while (node && length < limit && budget-- > 0) {
    let descend = false;
    let enters = false;
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      parts.push(data);
      length += data.length;
      if (link) linkText += data.length;
    } else if (node.nodeType === 1) {
      const element = node as Element;
      const tag = element.localName;
      const plain = !element.hasAttributes();
      if (tag === 'br') {
        parts.push('\n');
        length += 1;
      } else if (!isNonTextTag(tag) && (plain || !isHiddenByAttributes(element))) {
        if (isBlockTag(tag) || tag === 'td' || tag === 'th') {
          parts.push(tag === 'td' || tag === 'th' ? '\t' : '\n');
          length += 1;
        }
        if (headings.length < SAMPLE_HEADINGS && headingLike(element, tag, plain)) {
          const heading = collapse(element.textContent ?? '').slice(0, SAMPLE_HEADING_CHARS);
          if (heading) headings.push(heading);
        }
        descend = true;
        enters = !link && tag === 'a' && !plain && element.hasAttribute('href');
      }
    }
    const child = descend ? node.firstChild : null;
    if (child) {
      if (enters) link = node as Element;
      node = child;
      continue;
    }
    let next: Node | null = null;
    while (node && node !== root) {
      next = node.nextSibling;
      if (next) break;
      node = node.parentNode;
      if (node === link) link = null;
    }
    node = next;
  }
  return {
    url: doc.URL,
    title: collapse(doc.title),
    headings,
    text: parts.join('').slice(0, limit),
    linkText: Math.min(linkText, limit),
  };
}

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** Pages of many shapes: what CMS pages do with attributes, links, hiding, tables and title boxes. */
const SHAPES: Array<[string, string]> = [
  ['plain paragraphs', '<title>计划</title><p>地区生产总值增长6%左右</p><p>粮食产量稳定</p>'],
  [
    'nested tables with attributes on cells',
    '<table class="t" border="1"><tr><td width="20%" align="center">指标</td><td class="v">2026年目标</td></tr>' +
      '<tr><td><table id="inner"><tr><th scope="col">增长</th><td style="color:red">6%左右</td></tr></table></td>' +
      '<td colspan="2">5.5%</td></tr></table>',
  ],
  [
    'hidden by every attribute',
    '<p hidden>隐藏一</p><p aria-hidden="true">隐藏二</p><p aria-hidden="false">可见二</p>' +
      '<div style="display:none">隐藏三</div><div style="DISPLAY : NONE">隐藏四</div>' +
      '<div style="border:none;visibility: hidden">隐藏五</div><div style="border:none">可见五</div>' +
      '<div style="visibility:visible;overflow:hidden">可见六</div><div data-planlens-ui="card">界面</div>' +
      '<span class="hidden">类名不算</span><span HIDDEN="">大写属性</span>',
  ],
  [
    'links with and without href',
    '<a href="/a">链接一</a><a name="x">锚点</a><a class="more" href="">空链接</a>' +
      '<a href="/b"><span class="s">嵌套<b>链接</b></span></a>文字<a href="/c">末尾链接</a>',
  ],
  [
    'a link left by its last child, then a new link',
    '<ul><li><a href="/1"><span>一</span></a></li><li><a href="/2">二</a><a href="/3">三</a></li></ul>',
  ],
  [
    'br with and without attributes',
    '<p>第一行<br>第二行<br class="x" style="display:none">第三行<br hidden>第四行</p>',
  ],
  [
    'scripts, styles, noscript, template, form fields',
    '<script type="text/javascript">var 脚本 = 1;</script><style media="all">p{}</style>' +
      '<noscript class="n">无脚本</noscript><template id="t"><p>模板</p></template>' +
      '<textarea name="c">评论</textarea><select id="s"><option value="1">选项</option></select><p>正文</p>',
  ],
  [
    'title boxes',
    '<div class="detail-title">关于下达计划的通知</div><div id="xxgk_title">信息公开标题</div>' +
      '<div class="Title">大写类名</div><div class="biaoti">标题拼音</div><div class="biaotİ">带点大写</div>' +
      '<div class="title-wrap"><p>一</p><p>二</p><p>三</p><p>四</p></div><div id="subtitle" class="">副标题</div>' +
      '<div class="" id="">空名</div><div lang="zh" dir="ltr">没有类名</div>',
  ],
  [
    'headings with attributes and nested markup',
    '<h1 class="main" id="h">  2026年  国民经济\n计划 </h1><h2 style="display:none">隐藏标题</h2>' +
      '<h3 aria-hidden="true">隐藏三级</h3><h2><span class="num">一、</span>主要目标</h2>' +
      '<h4 class="title">四级标题框</h4>',
  ],
  [
    'svg and math with attributes',
    '<p>前</p><svg viewBox="0 0 1 1" class="title"><text hidden="">图中文字</text></svg>' +
      '<math display="block"><mi>x</mi></math><p>后</p>',
  ],
  [
    'comments and empty blocks',
    '<div class="a"><!-- 注释 --></div><div></div><section id="s"><p></p></section><p>正文</p>',
  ],
];

/** Shapes the parser cannot write: attributes in namespaces, set by script. */
function scriptedShapes(): Array<[string, Document]> {
  const doc = parse('<p id="a">甲</p><a id="b">乙</a><p id="c">丙</p><div id="d">丁</div>');
  doc.getElementById('a')!.setAttributeNS('urn:x', 'x:hidden', '');
  doc.getElementById('b')!.setAttributeNS('http://www.w3.org/1999/xlink', 'xlink:href', '/x');
  doc.getElementById('c')!.setAttributeNS(null, 'HIDDEN', '');
  doc.getElementById('d')!.setAttributeNS('urn:y', 'y:class', 'title');
  const bare = parse('<p>无属性</p>');
  bare.querySelector('p')!.setAttribute('data-planlens-ui', '');
  return [
    ['attributes in namespaces', doc],
    ['a PlanLens UI mark set by script', bare],
  ];
}

describe('samplePage reads attribute names once per element', () => {
  const fixtures = (
    JSON.parse(readFileSync(path.join(PAGES, 'manifest.json'), 'utf8')) as Array<{ file: string }>
  ).map(({ file }) => [file, readFileSync(path.join(PAGES, file), 'utf8')] as [string, string]);

  it.each([...fixtures, ...SHAPES])('gives the same sample as before: %s', (_, html) => {
    for (const limit of [SAMPLE_CHARS, 40]) {
      const doc = parse(html);
      expect(samplePage(doc, limit)).toEqual(sampleBefore(doc, limit));
    }
  });

  it.each(scriptedShapes())('gives the same sample as before: %s', (_, doc) => {
    expect(samplePage(doc)).toEqual(sampleBefore(doc));
  });

  it('sees what the old walk saw in the shapes (not a vacuous comparison)', () => {
    const links = samplePage(parse(SHAPES.find(([name]) => name.startsWith('links'))![1]));
    expect(links.linkText).toBe('链接一空链接嵌套链接末尾链接'.length);
    const titles = samplePage(parse(SHAPES.find(([name]) => name === 'title boxes')![1]));
    expect(titles.headings).toEqual([
      '关于下达计划的通知',
      '信息公开标题',
      '大写类名',
      '标题拼音',
      // `biaotİ`: lower-cased it would read `biaoti̇`, which the pattern does not match.
      '副标题',
    ]);
    const hidden = samplePage(parse(SHAPES.find(([name]) => name.startsWith('hidden'))![1]));
    expect(hidden.text.split('\n').filter(Boolean)).toEqual(['可见二', '可见五', '可见六类名不算']);
  });
});

/** An element named by its tag and attributes, for a readable failure. */
function label(element: Element): string {
  return `<${element.localName} ${element
    .getAttributeNames()
    .map((name) => `${name}="${element.getAttribute(name)}"`)
    .join(' ')}>`;
}

describe('isHiddenByAttributeNames', () => {
  const elements = [
    ...SHAPES.flatMap(([, html]) => [...parse(html).body.querySelectorAll('*')]),
    ...scriptedShapes().flatMap(([, doc]) => [...doc.body.querySelectorAll('*')]),
  ];

  it('answers as isHiddenByAttributes for every element of the shapes', () => {
    expect(elements.filter((element) => isHiddenByAttributes(element)).length).toBeGreaterThan(8);
    for (const element of elements)
      expect([label(element), isHiddenByAttributeNames(element, element.getAttributeNames())]).toEqual([
        label(element),
        isHiddenByAttributes(element),
      ]);
  });
});
