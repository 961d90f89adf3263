/**
 * Reads a document from disk the way the extension sees a page: HTML is parsed (scripts off), the
 * article root flattened to text; plain text is shown as a browser shows a .txt file (one `<pre>`,
 * no title) and extracted as one paragraph per line.
 *
 * @module
 */
import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Window } from 'happy-dom';
import type { PageSample } from '../../lib/detect/detect';
import { flattenElement, isHiddenByAttributes } from '../../lib/dom/flatten';
import { findArticleRoot, isPageChrome } from '../../lib/dom/main-content';
import { samplePage } from '../../lib/dom/page-sample';
import { SAMPLE_LENGTH, samplePlainTextPage } from './plain-text-page';

/** A document ready for detection and extraction. */
export interface LoadedDocument {
  /** The path as given. */
  file: string;
  /** The document text extraction runs on (flattened article text for HTML, the file for .txt). */
  text: string;
  /** What the detector reads. */
  sample: PageSample;
}

/** Parses HTML without running scripts or loading resources and flattens its article. */
async function loadHtml(file: string, html: string): Promise<LoadedDocument> {
  const window = new Window({
    url: pathToFileURL(resolve(file)).href,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
    },
  });
  try {
    const doc = window.document as unknown as Document;
    doc.write(html);
    // As the reader does, minus layout (happy-dom has none): the article root without nested chrome.
    const skip = (el: Element) => isHiddenByAttributes(el) || isPageChrome(el);
    const text = flattenElement(findArticleRoot(doc), { skip }).text;
    return { file, text, sample: samplePage(doc, SAMPLE_LENGTH) };
  } finally {
    await window.happyDOM.close();
  }
}

/**
 * Loads `file` (.html, .htm or .txt). Rejects with a readable message when the file is missing,
 * unreadable, or of another type.
 */
export async function loadDocument(file: string): Promise<LoadedDocument> {
  const type = extname(file).toLowerCase();
  if (type !== '.html' && type !== '.htm' && type !== '.txt') {
    throw new Error(`${file}: unsupported file type (expected .html, .htm or .txt)`);
  }
  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new Error(`${file}: cannot read file (${reason})`, { cause: error });
  }
  if (type === '.txt') {
    // As a browser shows a .txt file: one <pre>, no title, no headings (see plain-text-page.ts).
    const sample = await samplePlainTextPage(content, pathToFileURL(resolve(file)).href);
    return { file, text: content, sample };
  }
  return loadHtml(file, content);
}
