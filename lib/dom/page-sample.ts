/**
 * A bounded sample of a page for plan-page detection. Runs in the gate content script on every
 * page, so it reads only a prefix of the DOM and imports nothing heavy.
 *
 * @module
 */
import type { PageSample } from '../detect/detect';
import { SAMPLE_CHARS, SAMPLE_HEADING_CHARS, SAMPLE_HEADINGS } from '../detect/sample';
import { isBlockTag, isHiddenByAttributes, isNonTextTag } from './flatten';

export type { PageSample };

/** Headings kept, and characters kept per heading (the gate's message schema holds them to it). */
const MAX_HEADINGS = SAMPLE_HEADINGS;
const MAX_HEADING_LENGTH = SAMPLE_HEADING_CHARS;
const HEADING_TAGS = new Set(['h1', 'h2', 'h3']);
/** CMS title boxes (`<div class="detail-title">`, `#xxgk_title`) that stand in for an h1. */
const TITLE_BOX = /title|biaoti/i;
/** A title box holds a line of text: more children than this means a wrapper, not a title. */
const MAX_TITLE_BOX_CHILDREN = 3;
/**
 * The one character whose lower case fakes an ASCII letter `/i` would not match: `İ` → `i̇`
 * (`biaotİ`). (The Kelvin sign → `k` is the other non-ASCII one, in neither word.)
 */
const DOTTED_CAPITAL_I = '\u0130';

/** `plain`: the element has no attributes, so no class or id to name a title box. */
function isHeadingLike(element: Element, tag: string, plain: boolean): boolean {
  if (HEADING_TAGS.has(tag)) return true;
  if (plain || element.childElementCount > MAX_TITLE_BOX_CHILDREN) return false;
  const names = `${element.getAttribute('class') ?? ''} ${element.id}`;
  // The gate runs on every page, and a case-insensitive pattern costs ~0.1 ms to compile on first
  // use; lower-casing and includes() give the same answer unless `İ` is present.
  if (names.includes(DOTTED_CAPITAL_I)) return TITLE_BOX.test(names);
  const lower = names.toLowerCase();
  return lower.includes('title') || lower.includes('biaoti');
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
 * a document without a body gives empty text; a frameset page is sampled from its loaded
 * same-origin frames (see sampleFrameset).
 */
export function samplePage(doc: Document, limit = SAMPLE_CHARS): PageSample {
  const root = doc.body;
  if (root?.localName === 'frameset') return sampleFrameset(doc, root, limit);
  const headings: string[] = [];
  const parts: string[] = [];
  let length = 0;
  let linkText = 0;
  let budget = limit * 4;
  // The `a[href]` element the walk is inside, if any: replaces a closest() lookup per text node.
  let link: Element | null = null;
  let node: Node | null = root?.firstChild ?? null;
  while (node && length < limit && budget-- > 0) {
    // The walk reads each node's tag once and passes it on: every DOM call from the gate's
    // isolated world costs, and most of them run cold.
    let descend = false;
    let enters = false;
    const type = node.nodeType;
    if (type === 3) {
      const data = (node as Text).data;
      parts.push(data);
      length += data.length;
      if (link) linkText += data.length;
    } else if (type === 1) {
      const element = node as Element;
      const tag = element.localName;
      // Most elements (p, span, td) have no attributes: one call then rules out every attribute
      // check below (each a call into the DOM, costly while the gate's code is still cold).
      const plain = !element.hasAttributes();
      if (tag === 'br') {
        parts.push('\n');
        length += 1;
      } else if (!isNonTextTag(tag) && (plain || !isHiddenByAttributes(element))) {
        if (isBlockTag(tag) || tag === 'td' || tag === 'th') {
          parts.push(tag === 'td' || tag === 'th' ? '\t' : '\n');
          length += 1;
        }
        if (headings.length < MAX_HEADINGS && isHeadingLike(element, tag, plain)) {
          const heading = collapseSpaces(element.textContent ?? '').slice(0, MAX_HEADING_LENGTH);
          if (heading) headings.push(heading);
        }
        descend = true;
        // What `closest('a[href]')` looks for (an element without attributes has no href).
        enters = !link && tag === 'a' && !plain && element.hasAttribute('href');
      }
    }
    // Iterative pre-order step: first child, else the next sibling of the nearest ancestor.
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
    title: collapseSpaces(doc.title),
    headings,
    text: parts.join('').slice(0, limit),
    linkText: Math.min(linkText, limit),
  };
}

/** Framesets nested this deep are followed (a page framing itself is not followed for ever). */
const MAX_FRAMESET_DEPTH = 2;

/**
 * A frameset page has no text of its own: its frames are the page the reader sees, so the sample
 * reads their loaded same-origin documents in order (the reader highlights them too). Frames of
 * other origins, and frames not loaded yet, add nothing.
 */
function sampleFrameset(doc: Document, frameset: HTMLElement, limit: number, depth = 0): PageSample {
  const sample: PageSample = {
    url: doc.URL,
    title: collapseSpaces(doc.title),
    headings: [],
    text: '',
    linkText: 0,
  };
  if (depth >= MAX_FRAMESET_DEPTH) return sample;
  for (const frame of frameset.querySelectorAll('frame')) {
    if (sample.text.length >= limit) break;
    let child: Document | null;
    try {
      child = (frame as HTMLFrameElement).contentDocument;
    } catch {
      child = null;
    }
    const body = child?.body;
    if (!child || !body) continue;
    const part =
      body.localName === 'frameset'
        ? sampleFrameset(child, body, limit - sample.text.length, depth + 1)
        : samplePage(child, limit - sample.text.length);
    if (!sample.title) sample.title = part.title;
    sample.headings.push(...part.headings.slice(0, MAX_HEADINGS - sample.headings.length));
    sample.text += (sample.text ? '\n' : '') + part.text;
    sample.linkText = (sample.linkText ?? 0) + (part.linkText ?? 0);
  }
  sample.text = sample.text.slice(0, limit);
  sample.linkText = Math.min(sample.linkText ?? 0, limit);
  return sample;
}
