/**
 * A bounded sample of a page for plan-page detection. Runs in the gate content script on every
 * page, so it reads only a prefix of the DOM and imports nothing heavy.
 *
 * @module
 */
import type { PageSample } from '../detect/detect';
import { isBlockElement, isHiddenByAttributes, isNonTextElement } from './flatten';

export type { PageSample };

/** Headings kept, and characters kept per heading. */
const MAX_HEADINGS = 12;
const MAX_HEADING_LENGTH = 200;
const HEADING_TAGS = new Set(['h1', 'h2', 'h3']);
/** CMS title boxes (`<div class="detail-title">`, `#xxgk_title`) that stand in for an h1. */
const TITLE_BOX = /title|biaoti/i;
/** A title box holds a line of text: more children than this means a wrapper, not a title. */
const MAX_TITLE_BOX_CHILDREN = 3;

function isHeadingLike(element: Element, tag: string): boolean {
  if (HEADING_TAGS.has(tag)) return true;
  if (element.childElementCount > MAX_TITLE_BOX_CHILDREN) return false;
  return TITLE_BOX.test(`${element.getAttribute('class') ?? ''} ${element.id}`);
}

function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Samples `doc`: its URL, title, the h1–h3 headings and CMS title boxes (`.title`, `#xxgk_title`)
 * met in the sampled prefix, the first `limit`
 * characters of visible text (blocks separated by `\n`, table cells by `\t`), and how many of
 * them are link text.
 *
 * Edge cases: the walk stops once `limit` characters are collected or after visiting `limit * 4`
 * nodes (markup-heavy pages with little text), so cost is bounded whatever the page size; hidden
 * elements (by attribute), scripts, styles, form fields and PlanLens UI are skipped as in
 * flattenElement; a heading after the sampled prefix is not seen (the title usually covers it);
 * a document without a body gives empty text.
 */
export function samplePage(doc: Document, limit = 6000): PageSample {
  const headings: string[] = [];
  const parts: string[] = [];
  let length = 0;
  let linkText = 0;
  let budget = limit * 4;
  const root = doc.body;
  let node: Node | null = root?.firstChild ?? null;
  while (node && length < limit && budget-- > 0) {
    let descend = false;
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      parts.push(data);
      length += data.length;
      if (node.parentElement?.closest('a[href]')) linkText += data.length;
    } else if (node.nodeType === 1) {
      const element = node as Element;
      const tag = element.localName;
      if (tag === 'br') {
        parts.push('\n');
        length += 1;
      } else if (!isNonTextElement(element) && !isHiddenByAttributes(element)) {
        if (isBlockElement(element) || tag === 'td' || tag === 'th') {
          parts.push(tag === 'td' || tag === 'th' ? '\t' : '\n');
          length += 1;
        }
        if (headings.length < MAX_HEADINGS && isHeadingLike(element, tag)) {
          const heading = collapseSpaces(element.textContent ?? '').slice(0, MAX_HEADING_LENGTH);
          if (heading) headings.push(heading);
        }
        descend = true;
      }
    }
    // Iterative pre-order step: first child, else the next sibling of the nearest ancestor.
    if (descend && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== root && !node.nextSibling) node = node.parentNode;
    node = node && node !== root ? node.nextSibling : null;
  }
  return {
    url: doc.URL,
    title: collapseSpaces(doc.title),
    headings,
    text: parts.join('').slice(0, limit),
    linkText: Math.min(linkText, limit),
  };
}
