/**
 * A bounded sample of the page for the detector. Local stand-in until lib/text/page-sample lands;
 * same contract: never walks more than `limit` characters of text, never forces layout.
 *
 * @module
 */
import type { PageSample } from '@/lib/detect/detect';

const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA']);
const MAX_HEADINGS = 20;

/** Reads url, title, the first h1–h3 texts and up to `limit` characters of text from `doc`. */
export function samplePage(doc: Document, limit: number): PageSample {
  const headings: string[] = [];
  for (const h of doc.querySelectorAll('h1, h2, h3')) {
    const text = h.textContent?.trim() ?? '';
    if (text) headings.push(text.slice(0, 200));
    if (headings.length >= MAX_HEADINGS) break;
  }
  let text = '';
  const root = doc.body ?? doc.documentElement;
  if (root) {
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) =>
        node.parentElement && SKIPPED.has(node.parentElement.tagName)
          ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_ACCEPT,
    });
    for (let n = walker.nextNode(); n && text.length < limit; n = walker.nextNode()) {
      text += (n as Text).data;
    }
  }
  return { url: doc.URL, title: doc.title, headings, text: text.slice(0, limit) };
}
