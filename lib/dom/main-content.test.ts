// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { flattenElement, isHiddenByAttributes } from './flatten';
import { findArticleRoot, findArticleRootInParts, isPageChrome } from './main-content';

// Paths, not URLs: happy-dom replaces the global URL class.
const FIXTURES = path.resolve(import.meta.dirname, '../../tests/fixtures');

function loadPage(file: string): Document {
  return new DOMParser().parseFromString(
    readFileSync(path.join(FIXTURES, 'pages', file), 'utf8'),
    'text/html',
  );
}

function goldQuotes(name: string): string[] {
  return readFileSync(path.join(FIXTURES, 'gold', name), 'utf8')
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as { quote: string }).quote);
}

/** The article text as the reader would flatten it, with whitespace removed (PDF text has `22 万人`). */
function articleText(doc: Document): string {
  const root = findArticleRoot(doc);
  const flat = flattenElement(root, { skip: (el) => isHiddenByAttributes(el) || isPageChrome(el) });
  return flat.text.replace(/\s+/g, '');
}

/** How many of `quotes` are found in order in `text`. */
function countInOrder(text: string, quotes: string[]): number {
  let from = 0;
  let found = 0;
  for (const quote of quotes) {
    const at = text.indexOf(quote.replace(/\s+/g, ''), from);
    if (at < 0) continue;
    found++;
    from = at + 1;
  }
  return found;
}

describe('findArticleRoot on the fixture pages', () => {
  it.each([
    [
      'gov-portal-plan-2026.html',
      '003_29900545c6a00a71.jsonl',
      [
        '内蒙古自治区人民政府关于下达2026年自治区国民经济和社会发展计划的通知',
        '内政发〔2026〕5号',
        '各盟行政公署',
        '十四、坚持把党的领导贯穿政府工作各方面全过程',
      ],
      ['当前位置', '相关文件', '热点解读', 'ICP', '联系电话', '互动交流', '12.6万次', '5.8万人'],
    ],
    [
      'news-portal-plan-2020.html',
      '000_2116d4bac5eff305.jsonl',
      [
        '内蒙古自治区人民政府关于下达2020年自治区国民经济和社会发展计划的通知',
        '各盟行政公署',
        '做好2020年经济社会发展工作任务艰巨',
      ],
      ['热点排行', '相关新闻', '2019年内蒙古地区生产总值增长5.2%', 'ICP', '时政'],
    ],
    [
      'reprint-traditional-report.html',
      '002_2e0490dc36b0060a.jsonl',
      ['力爭并網(wǎng)裝機(jī)25GW以上', '政府工作報(bào)告', '43.改造提升11個(gè)邊境旗縣'],
      ['當(dāng)前位置', '網(wǎng)友', '50億元', '相關(guān)閱讀', '我覺得'],
    ],
    [
      'split-quantities.html',
      'split-quantities.jsonl',
      ['2026年内蒙古自治区国民经济和社会发展计划（摘要）', '内政发〔2026〕5号'],
      ['年度计划'],
    ],
    [
      'pdf-text-plan-2020.html',
      '001_3671b968aed7ce7c.jsonl',
      ['内政发〔2020〕1号', '奋斗目标打下良好基础。'],
      [],
    ],
    ['dynamic-page.html', 'dynamic-page.jsonl', ['（摘编）'], ['阅读', 'ticks']],
  ])('%s keeps the title, document number and whole body', (file, gold, mustHave, mustNotHave) => {
    const text = articleText(loadPage(file));
    const quotes = goldQuotes(gold);
    expect(countInOrder(text, quotes)).toBe(quotes.length);
    for (const phrase of mustHave)
      expect(text.includes(phrase.replace(/\s+/g, '')), `has ${phrase}`).toBe(true);
    for (const phrase of mustNotHave) expect(text.includes(phrase), `lacks ${phrase}`).toBe(false);
  });
});

describe('findArticleRoot on small pages', () => {
  function parse(html: string): Document {
    return new DOMParser().parseFromString(html, 'text/html');
  }

  it('falls back to body when nothing reads like prose', () => {
    const doc = parse('<body><div><a href="#">首页</a></div><div>1 2 3</div></body>');
    expect(findArticleRoot(doc)).toBe(doc.body);
  });

  it('prefers the prose block over a link-heavy list with more text', () => {
    const links = Array.from(
      { length: 30 },
      (_, k) => `<li><a href="#">全区第${k}批重点项目集中开工，投资规模达到${k}亿元，涉及多个旗县</a></li>`,
    ).join('');
    const doc = parse(
      `<body><ul class="list">${links}</ul><div id="body"><p>地区生产总值增长5%左右，在实际工作中努力争取更好结果；城镇调查失业率5.7%左右，城镇新增就业18万人以上。</p><p>粮食产量超过840亿斤；完成国家下达的降碳减排任务。</p></div></body>`,
    );
    expect(findArticleRoot(doc).id).toBe('body');
  });

  it('counts text in links nested anywhere below a candidate as links', () => {
    const para = '<p>地区生产总值增长5%左右，在实际工作中努力争取更好结果；城镇新增就业18万人以上。</p>';
    const linked = `<p><span><a href="#"><b>全区重点项目集中开工，投资规模达到120亿元，涉及多个旗县；</b></a></span></p>`;
    const doc = parse(
      `<body><div id="links">${linked.repeat(6)}${para}</div><div id="body">${para.repeat(3)}</div></body>`,
    );
    expect(findArticleRoot(doc).id).toBe('body');
  });

  it('reads CMS bodies written as text and <br> directly in a div', () => {
    const doc = parse(
      '<body><div class="nav"><a href="#">首页</a></div><div id="zoom">地区生产总值增长5%左右，城镇新增就业18万人以上；<br>粮食产量超过840亿斤，居民消费价格涨幅2%左右。<br></div></body>',
    );
    expect(findArticleRoot(doc).id).toBe('zoom');
  });

  it('finds the article cell of an old table-layout portal, not the whole row', () => {
    const para = '<p>地区生产总值增长5%左右，在实际工作中努力争取更好结果；城镇新增就业18万人以上。</p>';
    const doc = parse(
      `<body><table><tr><td>联系我们：0471-6944429</td><td id="main-cell"><h1>关于下达2026年自治区国民经济和社会发展计划的通知</h1>${para.repeat(4)}</td></tr></table></body>`,
    );
    expect(findArticleRoot(doc).id).toBe('main-cell');
  });

  it.each([
    ['a div.title box', '<div class="detail-title">关于下达2026年自治区国民经济和社会发展计划的通知</div>'],
    ['an id=xxgk_title box', '<p id="xxgk_title">关于下达2026年自治区国民经济和社会发展计划的通知</p>'],
  ])('widens to a CMS title given as %s, but not to a sidebar box title', (_name, title) => {
    const para = '<p>地区生产总值增长5%左右，在实际工作中努力争取更好结果；城镇新增就业18万人以上。</p>';
    const doc = parse(
      `<body><div id="page"><div id="article">${title}<div class="info">内政发〔2026〕5号</div><div class="TRS_Editor">${para.repeat(4)}</div></div>` +
        `<div class="sidebar"><div class="side-title">热点排行榜文章推荐列表</div><a href="#">新闻</a></div></div></body>`,
    );
    expect(findArticleRoot(doc).id).toBe('article');
  });

  it('does not widen to a sidebar box title before the body', () => {
    const para = '<p>地区生产总值增长5%左右，在实际工作中努力争取更好结果；城镇新增就业18万人以上。</p>';
    const doc = parse(
      `<body><div id="page"><div class="sidebar"><div class="side-title">热点排行榜文章推荐列表</div><p>本站推荐的其他文章和图片新闻，欢迎阅读。</p></div><div id="body">${para.repeat(4)}</div></div></body>`,
    );
    expect(findArticleRoot(doc).id).toBe('body');
  });

  it('keeps a body split over sibling blocks together', () => {
    const para = '<p>地区生产总值增长5%左右，在实际工作中努力争取更好结果；城镇新增就业18万人以上。</p>';
    const doc = parse(
      `<body><div id="article"><div class="page1">${para.repeat(3)}</div><div class="page2">${para.repeat(3)}</div></div><footer>版权所有</footer></body>`,
    );
    expect(findArticleRoot(doc).id).toBe('article');
  });
});

describe('findArticleRootInParts', () => {
  /** Seed 002's paragraphs repeated to about `chars` characters in an article beside a link list. */
  function longPage(chars: number): Document {
    const seed = readFileSync(path.join(FIXTURES, 'seeds/002_2e0490dc36b0060a.txt'), 'utf8');
    const paragraphs = seed
      .split(/\n+/)
      .filter((line) => line.trim())
      .map((line) => `<p>${line.replace(/[<&]/g, ' ')}</p>`)
      .join('');
    const copies = Math.ceil(chars / seed.length);
    return new DOMParser().parseFromString(
      `<body><nav class="sidebar"><a href="/1">相关链接一</a><a href="/2">相关链接二</a></nav>` +
        `<div id="zoom">${paragraphs.repeat(copies)}</div></body>`,
      'text/html',
    );
  }

  /** Runs the units; `between` is called at each pause. Returns the root and the pauses. */
  function run(doc: Document, between: (pause: number) => void = () => undefined) {
    const out: { root?: Element } = {};
    let pauses = 0;
    for (const unit of findArticleRootInParts(doc, out)) {
      expect(unit).toBe('flatten');
      between(++pauses);
    }
    return { root: out.root, pauses };
  }

  it('finds the same root as findArticleRoot, pausing on a long page only', () => {
    const long = longPage(400_000);
    const sliced = run(long);
    expect(sliced.root).toBe(findArticleRoot(long));
    expect(sliced.root?.id).toBe('zoom');
    expect(sliced.pauses).toBeGreaterThanOrEqual(8);
    const short = loadPage('gov-portal-plan-2026.html');
    expect(run(short)).toEqual({ root: findArticleRoot(short), pauses: 0 });
  });

  it('measures again when the page removes the node the walk paused at', () => {
    const doc = longPage(200_000);
    const zoom = doc.getElementById('zoom')!;
    const { root, pauses } = run(doc, (pause) => {
      // The page throws its article away and writes a new one (a site that re-renders itself).
      if (pause === 1) zoom.replaceChildren(...[...zoom.children].slice(0, 40).map((p) => p.cloneNode(true)));
    });
    expect(pauses).toBeGreaterThanOrEqual(1);
    expect(root).toBe(zoom);
  });
});

describe('isPageChrome', () => {
  it.each([
    ['<nav>x</nav>', true],
    ['<aside>x</aside>', true],
    ['<div role="navigation">x</div>', true],
    ['<div class="related-news">x</div>', true],
    ['<div id="comments">x</div>', true],
    ['<div class="breadcrumb">x</div>', true],
    ['<div class="site-footer">x</div>', true],
    ['<div class="headline">x</div>', false],
    ['<div class="article-body">x</div>', false],
    ['<header class="article-header"><h1>政府工作报告</h1></header>', false],
  ])('%s → %s', (html, expected) => {
    const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
    expect(isPageChrome(doc.body.firstElementChild!)).toBe(expected);
  });
});
