// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findArticleRoot } from './highlight-root';

const PARA =
  '<p>城镇新增就业22万人以上，城镇调查失业率5.5%左右，城镇登记失业率4.5%以内，居民消费价格涨幅3.5%左右。</p>';

/** Replaces the body with parsed markup (a parsed document's nodes, never page-derived strings). */
function render(html: string): void {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  document.body.replaceChildren(...parsed.body.childNodes);
}

describe('findArticleRoot', () => {
  it.each([
    [
      'a news page with nav, sidebar and related links',
      `<div class="topbar"><a>首页</a><a>要闻 2020</a></div><div id="main"><div id="article">${PARA.repeat(4)}</div>
       <div class="related"><p>热点排行：第1名 阅读10万次</p></div></div><aside><p>${'侧栏文字'.repeat(10)}</p></aside>`,
      'article',
    ],
    [
      'an article split over two page divs',
      `<div id="doc"><div>${PARA.repeat(3)}</div><div>${PARA.repeat(3)}</div></div>`,
      'doc',
    ],
    [
      'a PDF text layer in one pre',
      `<div id="viewer"><pre>${'第一章 总则 '.repeat(20)}</pre></div>`,
      'viewer',
    ],
  ])('finds the article in %s', (_, html, id) => {
    render(html);
    expect(findArticleRoot(document).id).toBe(id);
  });

  it('falls back to body when there is no prose', () => {
    render('<div><a>首页</a></div>');
    expect(findArticleRoot(document)).toBe(document.body);
  });
});
