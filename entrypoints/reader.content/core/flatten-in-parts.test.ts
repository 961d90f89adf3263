// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { flattenElement, isHiddenByAttributes, type FlatText } from '../../../lib/dom/flatten';
import { findArticleRoot } from '../../../lib/dom/main-content';
import { flattenHead, flattenInParts } from './flatten-in-parts';

const PAGES = path.resolve(__dirname, '../../../tests/fixtures/pages');

/** Loads a fixture page into the test document (parsed, never page strings into innerHTML). */
function load(file: string): void {
  const parsed = new DOMParser().parseFromString(readFileSync(path.join(PAGES, file), 'utf8'), 'text/html');
  document.body.replaceChildren(...parsed.body.childNodes);
}

function flattenSliced(root: Node): { flat: FlatText; units: number } {
  const out: { flat?: FlatText } = {};
  let units = 1;
  for (const _ of flattenInParts(root, isHiddenByAttributes, out)) units++;
  return { flat: out.flat!, units };
}

describe('flattenInParts', () => {
  it.each([
    'reprint-traditional-report.html',
    'gov-portal-plan-2026.html',
    'news-portal-plan-2020.html',
    'split-quantities.html',
    'pdf-text-plan-2020.html',
  ])('flattens the article of %s exactly as flattenElement does', (file) => {
    load(file);
    const root = findArticleRoot(document);
    const whole = flattenElement(root, { skip: isHiddenByAttributes });
    const { flat } = flattenSliced(root);
    expect(flat.text).toBe(whole.text);
    expect(flat.starts).toEqual(whole.starts);
    expect(flat.nodes.every((node, k) => node === whole.nodes[k])).toBe(true);
  });

  it('splits a long run of paragraphs into several units', () => {
    const article = document.createElement('div');
    for (let k = 0; k < 300; k++) {
      const p = document.createElement('p');
      p.textContent =
        `第${k}段：城镇新增就业22万人以上，城镇调查失业率5.5%左右，居民消费价格涨幅3.5%左右。`.repeat(4);
      article.append(p);
    }
    document.body.replaceChildren(article);
    const { flat, units } = flattenSliced(article);
    expect(units).toBeGreaterThan(2);
    expect(flat.text).toBe(flattenElement(article, { skip: isHiddenByAttributes }).text);
  });

  it.each([
    ['text directly in the root', '地区生产总值增长<b>6</b>%左右<p>城镇新增就业22万人以上</p>'],
    ['inline elements in the root', '<span>6</span>%左右<p>居民消费价格涨幅3.5%左右</p>'],
  ])('falls back to one pass with %s', (_, html) => {
    const parsed = new DOMParser().parseFromString(`<div id="a">${html}</div>`, 'text/html');
    document.body.replaceChildren(...parsed.body.childNodes);
    const root = document.getElementById('a')!;
    const { flat, units } = flattenSliced(root);
    expect(units).toBe(1);
    expect(flat.text).toBe(flattenElement(root, { skip: isHiddenByAttributes }).text);
  });
});

describe('flattenInParts through wrappers', () => {
  it('splits an article wrapped in single-child divs', () => {
    const outer = document.createElement('div');
    const inner = document.createElement('div');
    outer.append(document.createTextNode('\n  '), inner, document.createComment('end'));
    for (let k = 0; k < 300; k++) {
      const p = document.createElement('p');
      p.textContent = `第${k}段：粮食产量稳定在780亿斤左右，城镇新增就业22万人以上。`.repeat(4);
      inner.append(p);
    }
    document.body.replaceChildren(outer);
    const { flat, units } = flattenSliced(outer);
    expect(units).toBeGreaterThan(2);
    expect(flat.text).toBe(flattenElement(outer, { skip: isHiddenByAttributes }).text);
    expect(flat.starts).toEqual(flattenElement(outer, { skip: isHiddenByAttributes }).starts);
  });
});

describe('flattenHead', () => {
  it.each([
    'reprint-traditional-report.html',
    'gov-portal-plan-2026.html',
    'news-portal-plan-2020.html',
    'split-quantities.html',
    'pdf-text-plan-2020.html',
    'dynamic-page.html',
    'sports-scores.html',
    'statistics-bulletin.html',
  ])('gives the first characters of the body of %s exactly as flattenElement does', (file) => {
    load(file);
    const whole = flattenElement(document.body, { skip: isHiddenByAttributes }).text;
    for (const chars of [0, 1, 200, 3000, whole.length + 10]) {
      expect(flattenHead(document.body, isHiddenByAttributes, chars)).toBe(whole.slice(0, chars));
    }
  });

  it('stops after the blocks it needs on a long run of paragraphs', () => {
    const article = document.createElement('div');
    for (let k = 0; k < 300; k++) {
      const p = document.createElement('p');
      p.textContent = `第${k}段：城镇新增就业22万人以上，城镇调查失业率5.5%左右。`;
      article.append(p);
    }
    document.body.replaceChildren(article);
    let visited = 0;
    const head = flattenHead(
      document.body,
      (element) => {
        visited++;
        return isHiddenByAttributes(element);
      },
      100,
    );
    expect(head).toBe(flattenElement(document.body, { skip: isHiddenByAttributes }).text.slice(0, 100));
    expect(visited).toBeLessThan(20);
  });

  it('stops early when the body is not a run of blocks (text and inline elements beside them)', () => {
    const wrapper = document.createElement('div');
    wrapper.append('国务院关于印发《2026年国民经济和社会发展计划》的通知 ');
    for (let k = 0; k < 300; k++) {
      const p = document.createElement('p');
      const b = document.createElement('b');
      b.textContent = `${k}`;
      p.append(
        `第`,
        b,
        `段：城镇新增就业22万人以上，`,
        document.createElement('br'),
        '城镇调查失业率5.5%左右。',
      );
      wrapper.append(p, document.createElement('span'));
    }
    document.body.replaceChildren(wrapper, '页脚');
    const whole = flattenElement(document.body, { skip: isHiddenByAttributes }).text;
    let visited = 0;
    const skip = (element: Element) => {
      visited++;
      return isHiddenByAttributes(element);
    };
    for (const chars of [0, 1, 29, 30, 31, 57, 100, 1000, whole.length - 1, whole.length, whole.length + 5]) {
      expect(flattenHead(document.body, isHiddenByAttributes, chars)).toBe(whole.slice(0, chars));
    }
    flattenHead(document.body, skip, 100);
    expect(visited).toBeLessThan(20);
  });
});
