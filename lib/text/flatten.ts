/**
 * The page as one string: visible text of a DOM subtree, with the text node each character came from.
 *
 * DOM helper (not pure): it reads nodes but never writes them and never asks for computed styles,
 * so it is cheap on large pages. Callers in a live page may pass a `skip` that also checks layout.
 *
 * @module
 */

/**
 * Visible text of a subtree. `nodes[k]` contributes `nodes[k].data` at `starts[k]` of `text`;
 * characters between nodes that belong to no node (block breaks inserted as `\n`) map to none.
 */
export interface FlatText {
  text: string;
  nodes: Text[];
  starts: number[];
}

/** Options for {@link flattenElement}. */
export interface FlattenOptions {
  /** Elements to skip with their subtree (hidden ones, our own UI). Defaults to a style-free check. */
  skip?: (element: Element) => boolean;
}

/** Elements whose content is never page text, whatever `skip` says (code, media, form controls). */
const NON_TEXT_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'canvas',
  'iframe',
  'object',
  'video',
  'audio',
  'input',
  'textarea',
  'select',
  'option',
  'button',
  'head',
  'title',
  // Ruby annotations (pinyin over characters) would split words and numbers in the text.
  'rt',
  'rp',
]);

/** Elements that start and end a line of text. */
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'tfoot',
  'thead',
  'tr',
  'ul',
]);

/** Table cells are separated by a tab within their row. */
const CELL_TAGS = new Set(['td', 'th']);

/** Blocks whose whitespace-only text children are source indentation, not content. */
const INDENT_ONLY_PARENTS = new Set([
  'body',
  'html',
  'div',
  'section',
  'article',
  'aside',
  'main',
  'header',
  'footer',
  'nav',
  'ul',
  'ol',
  'dl',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'form',
  'figure',
]);

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b/i;
const WHITESPACE_ONLY = /^\s*$/;

/**
 * True for elements whose content is never page text: script/style/noscript/template, svg/math/
 * canvas, embedded documents, form controls (their values are user input, not the document) and
 * ruby annotations (`<rt>` pinyin over characters).
 */
export function isNonTextElement(element: Element): boolean {
  return NON_TEXT_TAGS.has(element.localName);
}

/** True for elements that start and end a line of text (p, div, li, h1–h6, tr, section…). */
export function isBlockElement(element: Element): boolean {
  return BLOCK_TAGS.has(element.localName);
}

/**
 * The default `skip`: elements hidden by attributes alone — `hidden`, `aria-hidden="true"`, inline
 * `display:none` / `visibility:hidden` — and PlanLens UI (`[data-planlens-ui]`). Reads no computed
 * style, so it cannot see elements hidden by stylesheets; pass {@link isHiddenInLayout} for that.
 */
export function isHiddenByAttributes(element: Element): boolean {
  if (element.hasAttribute('data-planlens-ui') || element.hasAttribute('hidden')) return true;
  if (element.getAttribute('aria-hidden') === 'true') return true;
  const style = element.getAttribute('style');
  return style !== null && HIDDEN_STYLE.test(style);
}

/**
 * A `skip` for live pages: {@link isHiddenByAttributes} plus `checkVisibility()` where the browser
 * has it (elements hidden by stylesheets). Costs a style lookup per element; falls back to the
 * attribute check in environments without layout (happy-dom, old browsers).
 */
export function isHiddenInLayout(element: Element): boolean {
  if (isHiddenByAttributes(element)) return true;
  if (typeof element.checkVisibility !== 'function') return false;
  // checkVisibilityCSS is the older spelling of visibilityProperty (Chrome < 121, Firefox < 122).
  if (element.checkVisibility({ visibilityProperty: true, checkVisibilityCSS: true })) return false;
  // `display: contents` boxes report invisible yet show their children.
  const view = element.ownerDocument.defaultView;
  return !view || view.getComputedStyle(element).display !== 'contents';
}

/**
 * Flattens the visible text under `root`: skips script/style/noscript/template, hidden elements,
 * form fields and PlanLens UI; inserts `\n` at block boundaries and `\t` between table cells.
 *
 * Edge cases: inserted breaks are never doubled and never lead the text; empty text nodes and
 * whitespace-only indentation between blocks are left out (so they map to nothing); text inside
 * `pre` keeps all its whitespace; shadow roots are not entered. `root` may be a Document (its
 * `documentElement` is walked). The walk is iterative, so tree depth is unlimited, and the string is
 * joined once at the end.
 */
export function flattenElement(root: Node, options: FlattenOptions = {}): FlatText {
  const skip = options.skip ?? isHiddenByAttributes;
  const parts: string[] = [];
  const nodes: Text[] = [];
  const starts: number[] = [];
  let length = 0;
  // The last emitted character class, to avoid doubling breaks: 'none' at the start.
  let last = 'none' as 'none' | 'break' | 'text';
  let preDepth = 0;

  const emitBreak = (separator: '\n' | '\t'): void => {
    if (last !== 'text') return;
    parts.push(separator);
    length += 1;
    last = 'break';
  };

  const start = root.nodeType === 9 ? (root as Document).documentElement : root;
  if (!start) return { text: '', nodes, starts };

  const enter = (node: Node): boolean => {
    if (node.nodeType === 3) {
      const text = node as Text;
      const data = text.data;
      if (data.length === 0) return false;
      if (preDepth === 0 && WHITESPACE_ONLY.test(data)) {
        // Leading whitespace of a line, and source indentation (it has a line break) between the
        // children of a container, are not text; a plain space between inline elements is.
        const parent = text.parentNode;
        const indentation =
          data.includes('\n') && parent && INDENT_ONLY_PARENTS.has((parent as Element).localName);
        if (last !== 'text' || indentation) return false;
      }
      nodes.push(text);
      starts.push(length);
      parts.push(data);
      length += data.length;
      last = 'text';
      return false;
    }
    if (node.nodeType !== 1) return false;
    const element = node as Element;
    const tag = element.localName;
    if (tag === 'br') {
      emitBreak('\n');
      return false;
    }
    if (node !== start && (isNonTextElement(element) || skip(element))) return false;
    if (BLOCK_TAGS.has(tag)) emitBreak('\n');
    else if (CELL_TAGS.has(tag)) emitBreak('\t');
    if (tag === 'pre') preDepth++;
    return true;
  };

  const leave = (element: Element): void => {
    const tag = element.localName;
    if (tag === 'pre') preDepth--;
    if (BLOCK_TAGS.has(tag)) emitBreak('\n');
  };

  // Iterative pre/post-order walk over firstChild/nextSibling: no recursion, no NodeFilter callbacks.
  let node: Node | null = start;
  let descend = enter(node);
  for (;;) {
    if (descend && node.firstChild) {
      node = node.firstChild;
      descend = enter(node);
      continue;
    }
    if (descend) leave(node as Element);
    // Climb until a next sibling exists, closing the blocks we leave.
    while (node !== start && !node.nextSibling) {
      node = node.parentNode!;
      leave(node as Element);
    }
    if (node === start) break;
    node = node.nextSibling!;
    descend = enter(node);
  }

  // A trailing inserted break maps to nothing and only pads the string.
  if (last === 'break') {
    parts.pop();
    length -= 1;
  }
  return { text: parts.join(''), nodes, starts };
}
