/**
 * Which element holds the article: a cheap readability-style scoring tuned for Chinese pages.
 *
 * DOM helper: reads the document, never writes it, reads no computed style.
 *
 * @module
 */
import { isBlockElement } from './flatten';

/** Elements whose text counts as a paragraph of the article. */
const PARAGRAPH_TAGS = new Set(['p', 'pre', 'td', 'blockquote', 'li', 'dd']);
/** Containers that count as paragraphs when they hold text directly (CMS bodies written with `<br>`). */
const TEXT_CONTAINER_TAGS = new Set(['div', 'section', 'article']);
const CHROME_TAGS = new Set(['nav', 'aside', 'footer', 'header', 'menu']);
const CHROME_ROLES = new Set(['navigation', 'complementary', 'contentinfo', 'banner', 'search', 'menu']);
/** Class/id words of page chrome. Matched as whole words inside class and id values. */
const CHROME_WORDS =
  /(?:^|[^a-z])(?:nav|navbar|menu|sidebar|side|aside|related|relate|recommend|comments?|footer|foot|header|breadcrumbs?|crumbs?|share|rank|ranking|hot|ads?|advert|banner|toolbar|tools?|copyright|login|pager|topbar)(?:[^a-z]|$)/i;
const CONTENT_WORDS =
  /(?:^|[^a-z])(?:article|content|main|body|text|detail|zoom|post|entry|news|trs_editor|ccontent|txt|con)(?:[^a-z]|$)/i;

/** Minimum Han characters for a block to count as a paragraph. */
const MIN_PARAGRAPH_HAN = 8;
/** An ancestor holding the title is accepted only when its text is mostly not links. */
const MAX_TITLE_ANCESTOR_LINK_DENSITY = 0.35;
/** How far up from the best body candidate the title may be looked for. */
const MAX_TITLE_CLIMB = 3;
/** Sibling blocks scoring at least this share of the best one are part of the same article. */
const SIBLING_SHARE = 0.3;

/** Runs of anything but Han characters (CJK Unified Ideographs, U+4E00–U+9FFF, by UTF-16 unit). */
const NON_HAN_RUNS = /[^\u4e00-\u9fff]+/g;
/** Runs of clause punctuation: ，。；、 and ASCII `,` `;`. */
const CLAUSE_RUNS = /[，。；、,;]+/g;

/**
 * What scoring needs to know about one element's text, gathered for every element in one walk, so
 * no `textContent` string of a large container is ever built (on a 340k-character page one costs
 * 2 ms, and each candidate's link density used to build one).
 */
class TextStats {
  /** Characters of all text in the subtree: `textContent.length`. */
  length = 0;
  /** Characters inside descendant links: the sum of each descendant `a`'s `textContent.length`. */
  linked = 0;
  /** Han characters and clause punctuation in the subtree (`textContent`). */
  han = 0;
  clauses = 0;
  /** The same in the element's own text-node children only, not its descendants'. */
  ownHan = 0;
  ownClauses = 0;
}

/** {@link TextStats} of a subtree's elements, by element and in document order. */
interface MeasuredTree {
  stats: Map<Element, TextStats>;
  /** The elements under the root (not the root itself) in document order. */
  elements: Element[];
  /** `counts[k]` belongs to `elements[k]`. */
  counts: TextStats[];
}

/** Statistics of an element of the measured tree (measured on its own if outside it). */
function readStats(tree: MeasuredTree, element: Element): TextStats {
  return tree.stats.get(element) ?? measureTree(element).stats.get(element)!;
}

/**
 * Text statistics of `root` and every element under it, plus those elements in document order
 * (what `root.getElementsByTagName('*')` lists). One iterative walk over the nodes; counts are
 * additive, so a subtree's counts are its children's summed.
 */
function measureTree(root: Element): MeasuredTree {
  const stats = new Map<Element, TextStats>();
  const elements: Element[] = [];
  const counts: TextStats[] = [];
  const open: TextStats[] = [];
  let top = new TextStats();
  stats.set(root, top);
  let node: Node = root;
  for (;;) {
    let next: Node | null = node.nodeType === 1 ? node.firstChild : null;
    if (!next) {
      // `node` is done: climb to the next sibling, folding each finished element into its parent.
      while (node !== root && !node.nextSibling) {
        node = node.parentNode!;
        if (node !== root) top = closeElement(node as Element, top, open);
      }
      if (node === root) break;
      next = node.nextSibling!;
    }
    node = next;
    const type = node.nodeType;
    if (type === 1) {
      const element = node as Element;
      elements.push(element);
      open.push(top);
      top = new TextStats();
      counts.push(top);
      stats.set(element, top);
      // A childless element is done at once; one with children when the climb leaves it.
      if (!element.firstChild) top = closeElement(element, top, open);
    } else if (type === 3 || type === 4) {
      // textContent counts CDATA sections too; an element's own text is its text nodes only.
      addText(top, (node as CharacterData).data, type === 3);
    }
  }
  return { stats, elements, counts };
}

/**
 * Adds a text node's characters to the element holding it. Counted with native regex replaces, not
 * a loop over characters: this runs once per page, before the JIT has compiled anything, and an
 * interpreted loop costs 5× more on a 40k-character article.
 */
function addText(stats: TextStats, data: string, own: boolean): void {
  const han = data.replace(NON_HAN_RUNS, '').length;
  const clauses = han === data.length ? 0 : data.length - data.replace(CLAUSE_RUNS, '').length;
  stats.length += data.length;
  stats.han += han;
  stats.clauses += clauses;
  if (own) {
    stats.ownHan += han;
    stats.ownClauses += clauses;
  }
}

/** Folds a finished element's counts into its parent's and returns the parent's. */
function closeElement(element: Element, stats: TextStats, open: TextStats[]): TextStats {
  const parent = open.pop()!;
  parent.length += stats.length;
  parent.han += stats.han;
  parent.clauses += stats.clauses;
  // getElementsByTagName('a') matches by qualified name: `a` elements of any namespace, no prefix.
  const link = element.localName === 'a' && element.prefix === null;
  parent.linked += stats.linked + (link ? stats.length : 0);
  return parent;
}

function readClassAndId(element: Element): string {
  return `${element.getAttribute('class') ?? ''} ${element.id}`;
}

/**
 * True for page chrome: nav/aside/footer/header/menu elements, landmark roles of navigation and
 * footers, and elements whose class or id names nav, sidebar, related, comment, footer, header,
 * breadcrumb, share, rank, hot… (as whole words: `article-header` counts, `headline` does not).
 *
 * Use it to score candidates, and as a `skip` inside the article root to leave out related links
 * or comment boxes nested in the article column:
 * `flattenElement(root, { skip: (el) => isHiddenInLayout(el) || isPageChrome(el) })`. Elements
 * holding an `h1` are never chrome (article headers).
 */
export function isPageChrome(element: Element): boolean {
  const chrome =
    CHROME_TAGS.has(element.localName) ||
    CHROME_ROLES.has(element.getAttribute('role') ?? '') ||
    CHROME_WORDS.test(readClassAndId(element));
  return chrome && !element.querySelector('h1');
}

/** Share of an element's text that sits inside links (0 when it has no text). */
function measureLinkDensity(stats: TextStats): number {
  if (stats.length === 0) return 0;
  return Math.min(1, stats.linked / stats.length);
}

/** The weight of a candidate by its name: chrome is damped, content-like names are favoured. */
function weighByName(element: Element): number {
  if (isPageChrome(element)) return 0.2;
  return CONTENT_WORDS.test(readClassAndId(element)) ? 1.25 : 1;
}

/** How much text reads like article prose: clauses and Han characters, not counts of words. */
function scoreText(han: number, clauses: number): number {
  if (han < MIN_PARAGRAPH_HAN) return 0;
  return 1 + clauses + Math.min(han / 100, 10);
}

/** True when a child is itself block-level: such a cell or item is a layout box, not a paragraph. */
function hasBlockChild(element: Element): boolean {
  for (let child = element.firstElementChild; child; child = child.nextElementSibling) {
    if (isBlockElement(child)) return true;
  }
  return false;
}

/** Paragraph scores propagated to ancestors (parent 1, grandparent 1/2, great-grandparent 1/3). */
function scoreCandidates(
  body: Element,
  elements: readonly Element[],
  stats: TextStats[],
): Map<Element, number> {
  const scores = new Map<Element, number>();
  for (let k = 0; k < elements.length; k++) {
    const element = elements[k]!;
    const tag = element.localName;
    const paragraphTag = PARAGRAPH_TAGS.has(tag);
    if (!paragraphTag && !TEXT_CONTAINER_TAGS.has(tag)) continue;
    // A leaf paragraph scores all its text for its ancestors. A container (a div, or a table cell
    // used for layout) scores only the text it holds directly, and counts as holding it itself.
    const leaf = paragraphTag && (tag === 'p' || tag === 'pre' || !hasBlockChild(element));
    const text = stats[k]!;
    const score = leaf ? scoreText(text.han, text.clauses) : scoreText(text.ownHan, text.ownClauses);
    if (score === 0) continue;
    let ancestor: Element | null = leaf ? element.parentElement : element;
    for (let level = 1; ancestor && level <= 3; level++) {
      scores.set(ancestor, (scores.get(ancestor) ?? 0) + score / level);
      if (ancestor === body) break;
      ancestor = ancestor.parentElement;
    }
  }
  return scores;
}

/** Elements that may carry the article's title: h1, or a CMS title box (`.title`, `#xxgk_title`, `.bt`). */
const TITLE_SELECTOR = 'h1, [class*="title"], [id*="title"], [class*="biaoti"], .bt, .tit';
const MAX_TITLE_LENGTH = 150;
const MIN_TITLE_HAN = 6;

/**
 * The first title-like element in `ancestor` that comes before (or inside) `best`, holds a short
 * Chinese title, and is not inside page chrome (a sidebar's "热点排行" box title).
 */
function findTitleFor(ancestor: Element, best: Element, tree: MeasuredTree): Element | null {
  for (const candidate of Array.from(ancestor.querySelectorAll(TITLE_SELECTOR))) {
    // 2 = DOCUMENT_POSITION_PRECEDING; 8 = CONTAINS (candidate is an ancestor of best).
    const position = best.compareDocumentPosition(candidate);
    if (position & 8) continue;
    if (!(position & 2) && !best.contains(candidate)) break; // past the body: document order
    const text = readStats(tree, candidate);
    if (text.length > MAX_TITLE_LENGTH || text.han < MIN_TITLE_HAN) continue;
    let inChrome = false;
    for (let e: Element | null = candidate; e && e !== ancestor; e = e.parentElement) {
      if (CHROME_TAGS.has(e.localName) || CHROME_WORDS.test(readClassAndId(e))) inChrome = true;
    }
    if (!inChrome) return candidate;
  }
  return null;
}

/** The nearest ancestor (within a few levels) that also holds the article's title before `best`. */
function climbToTitle(best: Element, root: Element, tree: MeasuredTree): Element {
  let ancestor: Element = best;
  for (let level = 0; level <= MAX_TITLE_CLIMB && ancestor !== root; level++) {
    if (findTitleFor(ancestor, best, tree)) return ancestor;
    const parent = ancestor.parentElement;
    if (!parent || parent === root || isPageChrome(parent)) break;
    if (measureLinkDensity(readStats(tree, parent)) > MAX_TITLE_ANCESTOR_LINK_DENSITY) break;
    ancestor = parent;
  }
  return best;
}

/**
 * The element holding the article body — not nav, sidebar, related links, comments or footer —
 * widened to include the article's own title (an `h1`, or a CMS title box such as `.title`) and
 * what sits between (发文字号, dates) when they are near (up to three levels up). Falls back to `doc.body` (or the document element) when nothing scores.
 *
 * Scoring: each paragraph-like block (p, pre, td, li, or a div with its own text) scores by its
 * clause punctuation and Han characters; scores flow to its parent, grandparent (½) and
 * great-grandparent (⅓); each candidate is damped by its link density and by chrome-like names
 * (`nav|sidebar|related|comment|footer|header|breadcrumb…`, see {@link isPageChrome}). A body
 * split into sibling blocks of similar weight is returned as their parent.
 *
 * Edge cases: pages whose text is all in one `<pre>` (PDF text) return the pre's parent; nested
 * chrome inside the returned root (related links in the article column) is not excluded here —
 * pass {@link isPageChrome} to flattenElement's `skip` for that. Cost: one walk over the body's
 * nodes that counts every character once; no `textContent` of a container is built.
 */
export function findArticleRoot(doc: Document): Element {
  const body = doc.body ?? doc.documentElement;
  const tree = measureTree(body);
  const scores = scoreCandidates(body, tree.elements, tree.counts);
  let best: Element | null = null;
  let bestScore = 0;
  const finalScores = new Map<Element, number>();
  for (const [candidate, score] of scores) {
    const final = score * (1 - measureLinkDensity(readStats(tree, candidate))) * weighByName(candidate);
    finalScores.set(candidate, final);
    if (final > bestScore) {
      best = candidate;
      bestScore = final;
    }
  }
  if (!best || best === body) return body;
  // A body split across siblings (pages, columns of one CMS field) is kept whole.
  const parent = best.parentElement;
  if (parent && parent !== body && !isPageChrome(parent)) {
    for (let sibling = parent.firstElementChild; sibling; sibling = sibling.nextElementSibling) {
      if (sibling === best) continue;
      if ((finalScores.get(sibling) ?? 0) >= bestScore * SIBLING_SHARE) {
        best = parent;
        break;
      }
    }
  }
  return climbToTitle(best, body, tree);
}
