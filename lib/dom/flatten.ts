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
  /**
   * Told of each open shadow root on an element the walk enters (the walk itself stays in the
   * light tree), so a caller can read shadow content as parts of its own.
   */
  onShadowRoot?: (root: ShadowRoot) => void;
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

/** What an element is to the walk, as bits, so one map lookup per element answers every question. */
const NON_TEXT = 1;
const BLOCK = 2;
const CELL = 4;
const INDENT_ONLY = 8;
const PRE = 16;
const BR = 32;
const TAG_KINDS = new Map<string, number>();
for (const [tags, bit] of [
  [NON_TEXT_TAGS, NON_TEXT],
  [BLOCK_TAGS, BLOCK],
  [CELL_TAGS, CELL],
  [INDENT_ONLY_PARENTS, INDENT_ONLY],
  [new Set(['pre']), PRE],
  [new Set(['br']), BR],
] as const) {
  for (const tag of tags) TAG_KINDS.set(tag, (TAG_KINDS.get(tag) ?? 0) | bit);
}

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b/i;
const WHITESPACE_ONLY = /^\s*$/;

/**
 * Whether non-empty `data` is all whitespace (`\s`, as `trim()` sees it). Text starting with a
 * visible ASCII character or a CJK character or punctuation is decided without the regex.
 */
function isBlank(data: string): boolean {
  const first = data.charCodeAt(0);
  // No `\s` character lies in U+0021–U+009F or U+3001–U+FEFE (U+3000 is the ideographic space).
  if ((first > 0x20 && first < 0xa0) || (first > 0x3000 && first < 0xfeff)) return false;
  return WHITESPACE_ONLY.test(data);
}

/**
 * True for elements whose content is never page text: script/style/noscript/template, svg/math/
 * canvas, embedded documents, form controls (their values are user input, not the document) and
 * ruby annotations (`<rt>` pinyin over characters).
 */
export function isNonTextElement(element: Element): boolean {
  return isNonTextTag(element.localName);
}

/** {@link isNonTextElement} by the element's `localName`, for a walk that has read it already. */
export function isNonTextTag(localName: string): boolean {
  return NON_TEXT_TAGS.has(localName);
}

/** True for elements that start and end a line of text (p, div, li, h1–h6, tr, section…). */
export function isBlockElement(element: Element): boolean {
  return isBlockTag(element.localName);
}

/** {@link isBlockElement} by the element's `localName`, for a walk that has read it already. */
export function isBlockTag(localName: string): boolean {
  return BLOCK_TAGS.has(localName);
}

/**
 * The default `skip`: elements hidden by attributes alone — `hidden`, `aria-hidden="true"`, inline
 * `display:none` / `visibility:hidden` — and PlanLens UI (`[data-planlens-ui]`). Reads no computed
 * style, so it cannot see elements hidden by stylesheets; pass {@link isHiddenInLayout} for that.
 */
export function isHiddenByAttributes(element: Element): boolean {
  // Most elements of an article (<p>, <b>, <td>) carry no attributes: one call answers for them.
  if (!element.hasAttributes()) return false;
  if (element.hasAttribute('data-planlens-ui') || element.hasAttribute('hidden')) return true;
  if (element.getAttribute('aria-hidden') === 'true') return true;
  const style = element.getAttribute('style');
  return style !== null && mayHideByStyle(style) && HIDDEN_STYLE.test(style);
}

/**
 * False when an inline style cannot match {@link HIDDEN_STYLE}: that pattern is case-insensitive
 * only over ASCII, so any match contains `none` or `hidden` once lower-cased. Most styles say
 * neither, and the pattern then is never compiled (~0.1 ms on first use, paid by the gate on
 * every page).
 */
function mayHideByStyle(style: string): boolean {
  const lower = style.toLowerCase();
  return lower.includes('none') || lower.includes('hidden');
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
 * `pre` keeps all its whitespace; shadow roots are not entered (see `onShadowRoot`). `root` may be a
 * Document (its `documentElement` is walked) or a ShadowRoot (its children are walked, inline). The walk is iterative, so tree depth is unlimited, and the string is
 * joined once at the end.
 */
export function flattenElement(root: Node, options: FlattenOptions = {}): FlatText {
  const builder = new FlatTextBuilder(options);
  builder.append(root);
  return builder.finish();
}

/** The last thing a walk emitted, to avoid doubling breaks. */
const EMITTED_NONE = 0;
const EMITTED_BREAK = 1;
const EMITTED_TEXT = 2;

/**
 * Builds one {@link FlatText} from several subtrees, appended one at a time so a caller can pause
 * between them. Each appended subtree is flattened exactly as {@link flattenElement} flattens it
 * (its root is never skipped), and the non-empty ones are joined with `\n` — which is what
 * flattenElement gives for their parent when they are its block children in order.
 *
 * Edge cases: a subtree with no text adds nothing, not even a separator; `finish()` hands over the
 * builder's arrays, so the builder must not be appended to afterwards.
 */
export class FlatTextBuilder {
  private readonly skip: (element: Element) => boolean;
  private readonly onShadowRoot: ((root: ShadowRoot) => void) | undefined;
  private readonly stopAfter: number;
  private readonly parts: string[] = [];
  private readonly nodes: Text[] = [];
  private readonly starts: number[] = [];
  private length = 0;

  /**
   * `stopAfter`: once the text is longer than this many characters, `append` stops walking (the
   * rest of its subtree is not read), so only a prefix of `stopAfter` characters is exact — what a
   * caller that needs a page's first lines wants of a long page whose body is not a run of blocks.
   */
  constructor(options: FlattenOptions & { stopAfter?: number } = {}) {
    this.skip = options.skip ?? isHiddenByAttributes;
    this.onShadowRoot = options.onShadowRoot;
    this.stopAfter = options.stopAfter ?? Infinity;
  }

  /**
   * Flattens `root` onto the text so far (after a `\n` when both have text) and returns how many
   * characters its own text has (0 when it has none; the separator is not counted).
   */
  append(root: Node): number {
    const start = root.nodeType === 9 ? (root as Document).documentElement : root;
    if (!start) return 0;
    // Locals, not fields, in the loop: this runs once per page load, mostly before the JIT warms up.
    const { parts, nodes, starts, skip, onShadowRoot, stopAfter } = this;
    const before = this.length;
    let length = before;
    let last = EMITTED_NONE;
    let separated = false;
    let preDepth = 0;
    // Kinds of the elements the walk is inside, innermost last (the parent of a text node is on top).
    const open: number[] = [];

    // Iterative pre/post-order walk over firstChild/nextSibling: no recursion, no NodeFilter callbacks.
    let node: Node = start;
    walk: for (;;) {
      const type = node.nodeType;
      if (type === 3) {
        const text = node as Text;
        const data = text.data;
        let keep = data.length > 0;
        if (keep && preDepth === 0 && isBlank(data)) {
          // Leading whitespace of a line, and source indentation (it has a line break) between the
          // children of a container, are not text; a plain space between inline elements is.
          const parentKind = open.length > 0 ? open[open.length - 1]! : readKind(text.parentNode);
          keep = last === EMITTED_TEXT && !(data.includes('\n') && (parentKind & INDENT_ONLY) !== 0);
        }
        if (keep) {
          // A later subtree's first text: the separator that joins it to the text before.
          if (last === EMITTED_NONE && length > 0) {
            parts.push('\n');
            length += 1;
            separated = true;
          }
          nodes.push(text);
          starts.push(length);
          parts.push(data);
          length += data.length;
          last = EMITTED_TEXT;
          // Past the prefix a caller asked for: the text so far ends in text, never in a break
          // the full walk would drop, so its first `stopAfter` characters are the full text's.
          if (length > stopAfter) break walk;
        }
      } else if (type === 1) {
        const element = node as Element;
        const kind = TAG_KINDS.get(element.localName) ?? 0;
        if (kind & BR) {
          if (last === EMITTED_TEXT) {
            parts.push('\n');
            length += 1;
            last = EMITTED_BREAK;
          }
        } else {
          const child = element.firstChild;
          // An empty inline element adds nothing whether skipped or not: spare the skip check.
          const entered =
            node === start ||
            ((kind & NON_TEXT) === 0 && (child !== null || (kind & (BLOCK | CELL)) !== 0) && !skip(element));
          if (entered) {
            if (onShadowRoot !== undefined) {
              const shadow = element.shadowRoot;
              if (shadow) onShadowRoot(shadow);
            }
            if (kind & (BLOCK | CELL) && last === EMITTED_TEXT) {
              parts.push(kind & BLOCK ? '\n' : '\t');
              length += 1;
              last = EMITTED_BREAK;
            }
            if (kind & PRE) preDepth++;
            if (child) {
              open.push(kind);
              node = child;
              continue;
            }
            // Entered and left at once: close it like the climb below does.
            if (kind & PRE) preDepth--;
            if (kind & BLOCK && last === EMITTED_TEXT) {
              parts.push('\n');
              length += 1;
              last = EMITTED_BREAK;
            }
          }
        }
      } else if (type === 11 && node === start && node.firstChild) {
        // A shadow root (or fragment) as the root: its children are walked as an inline run.
        open.push(0);
        node = node.firstChild;
        continue;
      }
      // Climb until a next sibling exists, closing the blocks we leave.
      while (node !== start && !node.nextSibling) {
        node = node.parentNode!;
        const kind = open.pop()!;
        if (kind & PRE) preDepth--;
        if (kind & BLOCK && last === EMITTED_TEXT) {
          parts.push('\n');
          length += 1;
          last = EMITTED_BREAK;
        }
      }
      if (node === start) break;
      node = node.nextSibling!;
    }

    // A trailing inserted break maps to nothing and only pads the string.
    if (last === EMITTED_BREAK) {
      parts.pop();
      length -= 1;
    }
    this.length = length;
    return length - before - (separated ? 1 : 0);
  }

  /** The text built so far, with the text node each character came from. */
  finish(): FlatText {
    return { text: this.parts.join(''), nodes: this.nodes, starts: this.starts };
  }
}

/** The walk's kind bits of a node that is not an element on the walk's stack (a text root's parent). */
function readKind(node: Node | null): number {
  return node && node.nodeType === 1 ? (TAG_KINDS.get((node as Element).localName) ?? 0) : 0;
}
