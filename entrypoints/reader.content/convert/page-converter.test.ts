// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { ConversionEngine } from '../../../lib/convert/engine';
import { PageConverter, TEXT_CHANGED_EVENT } from './page-converter';

const engine = new ConversionEngine();
let calls = 0;
const remote = (preset: Parameters<ConversionEngine['convertAll']>[0], texts: string[]) => {
  calls++;
  return engine.convertAll(preset, texts);
};

function load(html: string, lang: string | null = 'zh-CN'): Document {
  if (lang === null) document.documentElement.removeAttribute('lang');
  else document.documentElement.lang = lang;
  document.title = '国民经济和社会发展计划';
  document.body.replaceChildren();
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  document.body.append(...[...parsed.body.childNodes].map((n) => document.adoptNode(n)));
  return document;
}

const serialize = () => new XMLSerializer().serializeToString(document);
let converter: PageConverter | null = null;
afterEach(() => converter?.dispose());

describe('PageConverter (text nodes and attributes, in place)', () => {
  it.each([
    [
      'tw',
      '<p>两国关<b>系</b>良好,推动<a title="发展规划">经济</a>发展</p>',
      '兩國關係良好,推動經濟發展',
      'zh-Hant-TW',
    ],
    ['hk', '<p>完成生态建设任务<span>4000万亩</span></p>', '完成生態建設任務4000萬畝', 'zh-Hant-HK'],
    ['tw', '<p>推进满洲里、二连浩特等口岸建设</p>', '推進滿洲里、二連浩特等口岸建設', 'zh-Hant-TW'],
  ] as const)('converts to %s and restores byte for byte: %s', async (target, html, text, lang) => {
    load(html);
    const before = serialize();
    const nodes = [...document.body.querySelectorAll('p')].flatMap((p) => [...p.childNodes]);
    converter = new PageConverter(document, remote);
    const status = await converter.apply(target, false);
    expect(status.detected).toBe('simplified');
    expect(document.body.textContent).toBe(text);
    expect(document.documentElement.lang).toBe(lang);
    // In place: the very same nodes are still in the page.
    expect(nodes.every((n) => n.isConnected)).toBe(true);
    await converter.apply('original', false);
    expect(serialize()).toBe(before);
  });

  it('switches between variants from the original, never from its own output', async () => {
    load('<p>高级别代表团在满洲里显著提升发展质量</p>');
    converter = new PageConverter(document, remote);
    await converter.apply('tw', false);
    await converter.apply('hk', false);
    await converter.apply('cn', false);
    expect(document.body.textContent).toBe('高级别代表团在满洲里显著提升发展质量');
    await converter.apply('tw', false);
    expect(document.body.textContent).toBe('高級別代表團在滿洲里顯著提升發展質量');
  });

  it('restores a missing lang attribute by removing it, and converts the title', async () => {
    load('<p>发展</p>', null);
    const before = serialize();
    converter = new PageConverter(document, remote);
    await converter.apply('tw', false);
    expect(document.title).toBe('國民經濟和社會發展計劃');
    await converter.apply('original', false);
    expect(document.documentElement.hasAttribute('lang')).toBe(false);
    expect(serialize()).toBe(before);
  });

  it('hides inline pinyin of a traditional reprint and brings it back on 原文', async () => {
    load('<p>當(dāng)前位置: 首頁 &gt; 國內(nèi)新聞</p><p>內(nèi)蒙古發(fā)展</p>', 'zh-Hant');
    document.title = '中國電力網(wǎng)';
    const before = serialize();
    converter = new PageConverter(document, remote);
    const status = await converter.apply('original', true);
    expect(status).toMatchObject({ detected: 'traditional', hasPinyin: true, hidePinyin: true });
    expect(document.body.textContent).toBe('當前位置: 首頁 > 國內新聞內蒙古發展');
    expect(document.title).toBe('中國電力網');
    await converter.apply('cn', true);
    expect(document.body.textContent).toBe('当前位置: 首页 > 国内新闻内蒙古发展');
    expect(document.title).toBe('中国电力网');
    await converter.apply('original', false);
    expect(serialize()).toBe(before);
  });

  it('announces every switch with planlens:text-changed', async () => {
    load('<p>发展</p>');
    let events = 0;
    const count = () => events++;
    document.addEventListener(TEXT_CHANGED_EVENT, count);
    converter = new PageConverter(document, remote);
    await converter.apply('tw', false);
    await converter.apply('original', false);
    document.removeEventListener(TEXT_CHANGED_EVENT, count);
    expect(events).toBe(2);
  });

  it('answers repeated switches from its cache without asking the background again', async () => {
    load('<p>构建全区教育实践基地体系</p>');
    converter = new PageConverter(document, remote);
    await converter.apply('tw', false);
    await converter.apply('original', false);
    const before = calls;
    await converter.apply('tw', false);
    expect(calls).toBe(before);
    expect(document.body.textContent).toBe('構建全區教育實踐基地體系');
  });

  it('falls back to per-node conversion when the Taiwan-phrase variant changes a run length', async () => {
    load('<p>持续<b>优化营商环境</b>,推进重大项目</p>');
    const before = serialize();
    converter = new PageConverter(document, remote);
    await converter.apply('twp', false);
    expect(document.querySelector('b')!.textContent).toBe('最佳化營商環境');
    await converter.apply('original', false);
    expect(serialize()).toBe(before);
  });

  it('answers an overtaken switch only once the newer one shows', async () => {
    load('<p>推进呼伦贝尔国家生态产品价值实现机制试点建设</p>');
    converter = new PageConverter(document, remote);
    const [first, second] = await Promise.all([converter.apply('tw', false), converter.apply('cn', false)]);
    expect(first.target).toBe('cn');
    expect(second.target).toBe('cn');
    expect(document.body.textContent).toBe('推进呼伦贝尔国家生态产品价值实现机制试点建设');
    expect(document.documentElement.lang).toBe('zh-CN');
  });
});
