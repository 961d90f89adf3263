/**
 * What the gate sees on a plain-text page: a browser shows a `.txt` file (and any `text/plain`
 * response) as one `<pre>` in an otherwise empty body, with an empty `document.title` (Chromium:
 * `<body><pre style="word-wrap: break-word; white-space: pre-wrap;">…</pre></body>`; the tab shows
 * the address). No title, no headings: the detector judges such a page by its URL and its text alone.
 *
 * The corpus pages (text excerpts of real HTML pages) are judged the same way, at their real
 * address, so that a page's verdict never depends on how a loader guessed its title or headings.
 *
 * @module
 */
import { Window } from 'happy-dom';
import type { PageSample } from '../../lib/detect/detect';
import { samplePage } from '../../lib/dom/page-sample';

/** Characters of text the detector sees, as in the extension's gate script. */
export const SAMPLE_LENGTH = 6000;

/**
 * Builds the browser's plain-text document for `text` at `url` (no scripts, no markup parsing: the
 * text is set as the `<pre>`'s text, never as HTML) and samples it as the gate does.
 * Edge cases: an empty text gives an empty sample; `url` must be absolute (file: or http:).
 */
export async function samplePlainTextPage(text: string, url: string): Promise<PageSample> {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
    },
  });
  try {
    const doc = window.document as unknown as Document;
    const pre = doc.createElement('pre');
    pre.setAttribute('style', 'word-wrap: break-word; white-space: pre-wrap;');
    pre.textContent = text;
    doc.body.append(pre);
    return samplePage(doc, SAMPLE_LENGTH);
  } finally {
    await window.happyDOM.close();
  }
}
