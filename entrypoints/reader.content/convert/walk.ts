/**
 * Finds what the conversion touches in a page: runs of text nodes that read as one string (a
 * block's inline content, across `<b>`, `<a>`, `<span>`…), the visible attributes, the `lang`
 * attributes to switch, and every root to observe (documents, open shadow roots, same-origin
 * iframes). Skips code, scripts, editable regions, `translate="no"` / `.notranslate` and our own UI.
 */
import { isVisibleAttribute, VISIBLE_ATTRIBUTES } from '../../../lib/convert/attributes';
import { PLANLENS_UI_ATTR, PLANLENS_UI_SELECTOR } from '../core/markers';

/** One visible attribute of one element. */
export interface AttrSlot {
  el: Element;
  name: string;
}

/** What one walk found. */
export interface PageUnits {
  /** Text nodes grouped into runs; each run is converted as one string. */
  runs: Text[][];
  attrs: AttrSlot[];
  /** Elements whose `lang` attribute follows the shown script (document elements, zh-tagged elements). */
  langEls: Element[];
  /** Documents and open shadow roots to observe. */
  roots: (Document | ShadowRoot)[];
  /** Frames met on the way, loaded or not: a frame that loads later is walked then. */
  frames: HTMLIFrameElement[];
}

// Content that is not reading text, or must keep its exact characters.
const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'CODE',
  'PRE',
  'KBD',
  'SAMP',
  'TEXTAREA',
]);

// Japanese and Korean passages share Han characters with Chinese: converting them would damage them.
const FOREIGN_HAN_LANG = /^(ja|ko)\b/i;

// Inline elements do not end a run: phrase rules must see 發<b>展</b> as one word.
const INLINE_TAGS = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'BDO',
  'BIG',
  'CITE',
  'DATA',
  'DEL',
  'DFN',
  'EM',
  'FONT',
  'I',
  'INS',
  'LABEL',
  'MARK',
  'Q',
  'S',
  'SMALL',
  'SPAN',
  'STRIKE',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'TT',
  'U',
  'VAR',
]);

/** CSS selector of everything the walk skips, for checking a mutated node's ancestors. */
export const SKIP_SELECTOR =
  'script,style,noscript,template,code,pre,kbd,samp,textarea,[translate="no"],.notranslate,' +
  '[lang|="ja"],[lang|="ko"],' +
  `[contenteditable]:not([contenteditable="false"]),${PLANLENS_UI_SELECTOR}`;

/** Whether the walk skips `el` and everything inside it. */
export function isSkippedElement(el: Element): boolean {
  // SVG and MathML elements report lower-case tag names (svg <style>, <script>).
  if (SKIP_TAGS.has(el.tagName.toUpperCase())) return true;
  if (el.hasAttribute(PLANLENS_UI_ATTR)) return true;
  const lang = el.getAttribute('lang');
  if (lang !== null && FOREIGN_HAN_LANG.test(lang) && el !== el.ownerDocument.documentElement) return true;
  if (el.getAttribute('translate') === 'no' || el.classList.contains('notranslate')) return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

/** Whether `el` continues the surrounding run instead of starting a new one. */
export function isInlineElement(el: Element): boolean {
  return INLINE_TAGS.has(el.tagName.toUpperCase());
}

/** Whether `node` sits in a skipped subtree (checks its ancestors within its own tree). */
export function isInsideSkipped(node: Node): boolean {
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  return el !== null && el.closest(SKIP_SELECTOR) !== null;
}

/** An empty result to fill with {@link collectUnits}. */
export function emptyUnits(): PageUnits {
  return { runs: [], attrs: [], langEls: [], roots: [], frames: [] };
}

/**
 * Walks `start` (a document, shadow root or element) and appends what it finds to `units`. Open
 * shadow roots and same-origin iframe documents are walked as separate roots. `start` itself is
 * not checked against the skip rules: callers check ancestors with {@link isInsideSkipped}.
 */
export function collectUnits(start: Node, units: PageUnits): PageUnits {
  let run: Text[] = [];
  const endRun = () => {
    if (run.length > 0) units.runs.push(run);
    run = [];
  };
  const visitRoot = (root: Document | ShadowRoot) => {
    units.roots.push(root);
    if (root.nodeType === Node.DOCUMENT_NODE) {
      const docEl = (root as Document).documentElement;
      if (docEl) units.langEls.push(docEl);
    }
    collectUnits(root, units);
  };
  const visit = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      run.push(node as Text);
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) {
      if (node.nodeType === Node.DOCUMENT_NODE || node.nodeType === Node.DOCUMENT_FRAGMENT_NODE) {
        for (let c = node.firstChild; c; c = c.nextSibling) visit(c);
      }
      return;
    }
    const el = node as Element;
    if (isSkippedElement(el)) {
      endRun();
      return;
    }
    const inline = isInlineElement(el);
    if (!inline) endRun();
    collectAttributes(el, units);
    const lang = el.getAttribute('lang');
    if (lang !== null && /^zh\b/i.test(lang) && el !== el.ownerDocument.documentElement)
      units.langEls.push(el);
    for (let c = el.firstChild; c; c = c.nextSibling) visit(c);
    if (!inline) endRun();
    if (el.shadowRoot) visitRoot(el.shadowRoot);
    if (el.tagName === 'IFRAME' || el.tagName === 'FRAME') {
      units.frames.push(el as HTMLIFrameElement);
      const doc = frameDocument(el as HTMLIFrameElement);
      if (doc) visitRoot(doc);
    }
  };
  if (start.nodeType === Node.DOCUMENT_NODE || start.nodeType === Node.DOCUMENT_FRAGMENT_NODE) {
    for (let c = start.firstChild; c; c = c.nextSibling) visit(c);
  } else {
    visit(start);
  }
  endRun();
  return units;
}

/** Walks a whole document, including its open shadow roots and same-origin frames. */
export function collectDocument(doc: Document): PageUnits {
  const units = emptyUnits();
  units.roots.push(doc);
  if (doc.documentElement) units.langEls.push(doc.documentElement);
  return collectUnits(doc, units);
}

function collectAttributes(el: Element, units: PageUnits): void {
  for (const name of VISIBLE_ATTRIBUTES) {
    if (el.hasAttribute(name)) units.attrs.push({ el, name });
  }
  if (el.hasAttribute('label') && isVisibleAttribute(el.tagName, 'label'))
    units.attrs.push({ el, name: 'label' });
  if (el.hasAttribute('value') && isVisibleAttribute(el.tagName, 'value', el.getAttribute('type'))) {
    units.attrs.push({ el, name: 'value' });
  }
}

/** A frame's document when it is ours to read (same-origin or about:blank), else null. */
export function frameDocument(frame: HTMLIFrameElement): Document | null {
  try {
    // Cross-origin frames throw or return null; about:blank and same-origin frames are ours to read.
    return frame.contentDocument;
  } catch {
    return null;
  }
}
