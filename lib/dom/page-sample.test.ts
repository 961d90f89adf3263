// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectPlanPage } from '../detect/detect';
import { samplePage } from './page-sample';

// A path, not a URL: happy-dom replaces the global URL class.
const PAGES = path.resolve(import.meta.dirname, '../../tests/fixtures/pages');

interface ManifestEntry {
  file: string;
  expect: 'plan' | 'report' | 'policy' | null;
  host: string;
}

const manifest = JSON.parse(readFileSync(path.join(PAGES, 'manifest.json'), 'utf8')) as ManifestEntry[];

/** Parses a fixture page without running its scripts. */
function loadPage(file: string): Document {
  return new DOMParser().parseFromString(readFileSync(path.join(PAGES, file), 'utf8'), 'text/html');
}

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('samplePage', () => {
  it('reads title, headings and visible text, skipping scripts, hidden text and form fields', () => {
    const doc = parse(
      '<title> 2026年 计划 </title><body><nav>首页</nav><h1>关于下达2026年自治区国民经济和社会发展计划的通知</h1>' +
        '<script>var x = "脚本";</script><p hidden>隐藏</p><p>内政发〔2026〕5号</p><textarea>评论 3000</textarea>' +
        '<h2>一、主要预期目标</h2><p>地区生产总值增长<strong>5%</strong>左右</p></body>',
    );
    const sample = samplePage(doc);
    expect(sample.title).toBe('2026年 计划');
    expect(sample.linkText).toBe(0);
    expect(sample.headings).toEqual(['关于下达2026年自治区国民经济和社会发展计划的通知', '一、主要预期目标']);
    expect(sample.text.trim().split('\n').filter(Boolean)).toEqual([
      '首页',
      '关于下达2026年自治区国民经济和社会发展计划的通知',
      '内政发〔2026〕5号',
      '一、主要预期目标',
      '地区生产总值增长5%左右',
    ]);
  });

  it('reads CMS title boxes as headings, but not wrappers named like them', () => {
    const doc = parse(
      '<body><div class="detail-title">关于下达2026年自治区国民经济和社会发展计划的通知</div>' +
        '<div class="title-area"><p>一</p><p>二</p><p>三</p><p>四</p></div><span id="xxgk_title">政府工作报告</span></body>',
    );
    expect(samplePage(doc).headings).toEqual([
      '关于下达2026年自治区国民经济和社会发展计划的通知',
      '政府工作报告',
    ]);
  });

  // Class and id are matched in any ASCII case without a case-insensitive pattern (see isHeadingLike).
  it.each([
    ['<div class="Detail-TITLE">政府工作报告</div>', ['政府工作报告']],
    ['<div id="xxgk_BiaoTi">政府工作报告</div>', ['政府工作报告']],
    ['<div class="biaotİ">政府工作报告</div>', []],
    ['<div class="tİtle">政府工作报告</div>', []],
    ['<div class="subtitle-İ">政府工作报告</div>', ['政府工作报告']],
    ['<div class="content">政府工作报告</div>', []],
  ])('title box %s → %j', (html, headings) => {
    expect(samplePage(parse(`<body>${html}</body>`)).headings).toEqual(headings);
  });

  // Inline styles are ruled out by a literal check before the style pattern runs: same answers.
  it.each([
    ['style="DISPLAY: NONE"', ''],
    ['style="color:red; visibility : Hidden"', ''],
    ['style="display:nonesuch"', '正文'],
    ['style="color:red"', '正文'],
    ['style="font-family: none"', '正文'],
    ['style="color:red" aria-hidden="true"', ''],
    ['style="color:red" hidden', ''],
    ['style="color:red" data-planlens-ui', ''],
  ])('a paragraph with %s reads %j', (attributes, text) => {
    expect(samplePage(parse(`<body><p ${attributes}>正文</p></body>`)).text.trim()).toBe(text);
  });

  it('counts the link text in the sample', () => {
    const doc = parse(
      '<body><ul><li><a href="/a">关于下达2026年计划的通知</a> 2026-02-26</li></ul><p>正文</p></body>',
    );
    expect(samplePage(doc).linkText).toBe('关于下达2026年计划的通知'.length);
  });

  it.each([
    ['nested markup inside a link', '<a href="/a"><div><b>关于</b>通知</div></a>正文', 4],
    ['text after a link ends', '<a href="/a">一<span><b>二</b></span></a>三<p>四</p>', 2],
    ['a link as the last child', '<div><p>正文</p><a href="/a">通知</a></div><p>正文</p>', 2],
    ['an anchor without href', '<a name="top">通知</a><p>正文</p>', 0],
    ['a hidden link', '<a href="/a" hidden>通知</a><p>正文</p>', 0],
  ])('counts link text: %s', (_, body, linkText) => {
    expect(samplePage(parse(`<body>${body}</body>`)).linkText).toBe(linkText);
  });

  it.each([10, 100, 1000])('stops at %i characters', (limit) => {
    const doc = loadPage('reprint-traditional-report.html');
    const sample = samplePage(doc, limit);
    expect(sample.text.length).toBe(limit);
  });

  it('stops walking markup-heavy pages with little text', () => {
    const doc = parse('<body></body>');
    for (let k = 0; k < 5000; k++) doc.body.appendChild(doc.createElement('span'));
    const late = doc.createElement('h1');
    late.textContent = '政府工作报告';
    doc.body.appendChild(late);
    const sample = samplePage(doc, 100);
    expect(sample.headings).toEqual([]);
    expect(sample.text).toBe('');
  });
});

describe('detectPlanPage over samplePage on the fixture pages', () => {
  it.each(manifest.map((entry) => [entry.file, entry.expect, entry.host] as const))(
    '%s → %s',
    (file, expected, host) => {
      const doc = loadPage(file);
      const sample = { ...samplePage(doc), url: `https://${host}/${file}` };
      const detection = detectPlanPage(sample);
      expect(detection.kind, detection.signals.join('; ')).toBe(expected);
      expect(detection.match).toBe(expected !== null);
    },
  );
});
