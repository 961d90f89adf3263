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
 * What scoring needs to know about the body's elements, gathered in one walk so no `textContent`
 * string of a large container is ever built (on a 340k-character page one costs 2 ms, and each
 * candidate's link density used to build one). Element `k` in document order is `elements[k]`;
 * the root is 0. Plain number arrays, not an object and a map entry per element: pages with 40k
 * elements would spend more in allocation and garbage collection than in the walk.
 */
interface MeasuredTree {
  elements: Element[];
  tags: string[];
  /** Index of the parent element; -1 for the root. */
  parent: number[];
  /** One past the last element of the subtree: the subtree is `k … end[k] - 1`. */
  end: number[];
  /** 1 when some child element is block-level (then a td or li is a layout box, not a paragraph). */
  blockChild: number[];
  /** Characters of all text in the subtree: `textContent.length`. */
  length: number[];
  /** Characters inside descendant links: the sum of each descendant `a`'s `textContent.length`. */
  linked: number[];
  /** Han characters and clause punctuation in the subtree (`textContent`). */
  han: number[];
  clauses: number[];
  /** The same in the element's own text-node children only, not its descendants'. */
  ownHan: number[];
  ownClauses: number[];
}

/**
 * Characters (plus elements) walked between pauses of {@link findArticleRootInParts}: about 3 ms of
 * walking, so a 5 MB page is measured in some forty short units instead of one ~90 ms task.
 */
const MEASURE_PART = 50_000;

/** An empty measured tree. */
function createTree(): MeasuredTree {
  return {
    elements: [],
    tags: [],
    parent: [],
    end: [],
    blockChild: [],
    length: [],
    linked: [],
    han: [],
    clauses: [],
    ownHan: [],
    ownClauses: [],
  };
}

/**
 * Measures `root` and every element under it in one iterative walk over the nodes, into
 * `out.tree`, yielding after about every {@link MEASURE_PART} characters and elements (never on
 * an ordinary page). When the page moved the node the walk had reached while it paused, the walk
 * starts again without pausing (a page that rewrites itself gets a consistent count).
 */
function* measureTreeInParts(
  root: Element,
  out: { tree?: MeasuredTree },
  part = MEASURE_PART,
): Generator<'flatten', void, void> {
  const tree = createTree();
  openElement(tree, root, -1);
  let top = 0;
  let node: Node = root;
  let work = 0;
  for (;;) {
    if (work >= part) {
      work = 0;
      yield 'flatten';
      if (!root.contains(node)) {
        yield* measureTreeInParts(root, out, Infinity);
        return;
      }
    }
    let next: Node | null = node.nodeType === 1 ? node.firstChild : null;
    if (!next) {
      // `node` is done: climb to the next sibling, folding each finished element into its parent.
      while (node !== root && !node.nextSibling) {
        node = node.parentNode!;
        if (node !== root) top = closeElement(tree, top);
      }
      if (node === root) break;
      next = node.nextSibling!;
    }
    node = next;
    const type = node.nodeType;
    work++;
    if (type === 1) {
      const k = openElement(tree, node as Element, top);
      // A childless element is done at once; one with children when the climb leaves it.
      if (node.firstChild) top = k;
      else closeElement(tree, k);
    } else if (type === 3 || type === 4) {
      // textContent counts CDATA sections too; an element's own text is its text nodes only.
      const data = (node as CharacterData).data;
      work += data.length;
      addText(tree, top, data, type === 3);
    }
  }
  tree.end[0] = tree.elements.length;
  out.tree = tree;
}

/** Adds an element under `parent` and returns its index. */
function openElement(tree: MeasuredTree, element: Element, parent: number): number {
  const tag = element.localName;
  tree.elements.push(element);
  tree.tags.push(tag);
  tree.parent.push(parent);
  tree.end.push(0);
  tree.blockChild.push(0);
  tree.length.push(0);
  tree.linked.push(0);
  tree.han.push(0);
  tree.clauses.push(0);
  tree.ownHan.push(0);
  tree.ownClauses.push(0);
  if (parent >= 0 && isBlockElement(element)) tree.blockChild[parent] = 1;
  return tree.elements.length - 1;
}

/** Folds finished element `k`'s counts into its parent's and returns the parent. */
function closeElement(tree: MeasuredTree, k: number): number {
  tree.end[k] = tree.elements.length;
  const parent = tree.parent[k]!;
  const length = tree.length[k]!;
  tree.length[parent] = tree.length[parent]! + length;
  tree.han[parent] = tree.han[parent]! + tree.han[k]!;
  tree.clauses[parent] = tree.clauses[parent]! + tree.clauses[k]!;
  // getElementsByTagName('a') matches by qualified name: `a` elements of any namespace, no prefix.
  const link = tree.tags[k] === 'a' && tree.elements[k]!.prefix === null;
  tree.linked[parent] = tree.linked[parent]! + tree.linked[k]! + (link ? length : 0);
  return parent;
}

/**
 * Adds a text node's characters to element `k`, which holds it. Counted with native regex
 * replaces, not a loop over characters: this runs once per page, before the JIT has compiled
 * anything, and an interpreted loop costs 5× more on a 40k-character article.
 */
function addText(tree: MeasuredTree, k: number, data: string, own: boolean): void {
  tree.length[k] = tree.length[k]! + data.length;
  // Indentation between tags holds neither: spare the two regex calls.
  if (data.charCodeAt(0) <= 0x20 && data.trim() === '') return;
  const han = data.replace(NON_HAN_RUNS, '').length;
  const clauses = han === data.length ? 0 : data.length - data.replace(CLAUSE_RUNS, '').length;
  tree.han[k] = tree.han[k]! + han;
  tree.clauses[k] = tree.clauses[k]! + clauses;
  if (own) {
    tree.ownHan[k] = tree.ownHan[k]! + han;
    tree.ownClauses[k] = tree.ownClauses[k]! + clauses;
  }
}

/** Han characters in `text` (for short texts such as titles). */
function countHan(text: string): number {
  return text.replace(NON_HAN_RUNS, '').length;
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
  // Without attributes only the tag can say chrome (most elements of an article: <p>, <b>, <td>).
  if (!element.hasAttributes()) return CHROME_TAGS.has(element.localName) && !element.querySelector('h1');
  const chrome =
    CHROME_TAGS.has(element.localName) ||
    CHROME_ROLES.has(element.getAttribute('role') ?? '') ||
    CHROME_WORDS.test(readClassAndId(element));
  return chrome && !element.querySelector('h1');
}

/** Share of element `k`'s text that sits inside links (0 when it has no text). */
function measureLinkDensity(tree: MeasuredTree, k: number): number {
  const length = tree.length[k]!;
  if (length === 0) return 0;
  return Math.min(1, tree.linked[k]! / length);
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

/**
 * Paragraph scores propagated to ancestors (parent 1, grandparent 1/2, great-grandparent 1/3),
 * by element index, in the order candidates first score.
 */
function scoreCandidates(tree: MeasuredTree): Map<number, number> {
  const scores = new Map<number, number>();
  // Element 0 is the body itself, never a paragraph.
  for (let k = 1; k < tree.elements.length; k++) {
    const tag = tree.tags[k]!;
    const paragraphTag = PARAGRAPH_TAGS.has(tag);
    if (!paragraphTag && !TEXT_CONTAINER_TAGS.has(tag)) continue;
    // A leaf paragraph scores all its text for its ancestors. A container (a div, or a table cell
    // used for layout) scores only the text it holds directly, and counts as holding it itself.
    // A cell or item with a block child is a layout box, not a paragraph.
    const leaf = paragraphTag && (tag === 'p' || tag === 'pre' || tree.blockChild[k] === 0);
    const score = leaf
      ? scoreText(tree.han[k]!, tree.clauses[k]!)
      : scoreText(tree.ownHan[k]!, tree.ownClauses[k]!);
    if (score === 0) continue;
    let ancestor = leaf ? tree.parent[k]! : k;
    for (let level = 1; ancestor >= 0 && level <= 3; level++) {
      scores.set(ancestor, (scores.get(ancestor) ?? 0) + score / level);
      if (ancestor === 0) break;
      ancestor = tree.parent[ancestor]!;
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
function findTitleFor(ancestor: Element, best: Element): Element | null {
  for (const candidate of Array.from(ancestor.querySelectorAll(TITLE_SELECTOR))) {
    // 2 = DOCUMENT_POSITION_PRECEDING; 8 = CONTAINS (candidate is an ancestor of best).
    const position = best.compareDocumentPosition(candidate);
    if (position & 8) continue;
    if (!(position & 2) && !best.contains(candidate)) break; // past the body: document order
    const text = candidate.textContent ?? '';
    if (text.length > MAX_TITLE_LENGTH || countHan(text) < MIN_TITLE_HAN) continue;
    let inChrome = false;
    for (let e: Element | null = candidate; e && e !== ancestor; e = e.parentElement) {
      if (CHROME_TAGS.has(e.localName) || CHROME_WORDS.test(readClassAndId(e))) inChrome = true;
    }
    if (!inChrome) return candidate;
  }
  return null;
}

/** The nearest ancestor (within a few levels) that also holds the article's title before `best`. */
function climbToTitle(tree: MeasuredTree, best: number): Element {
  const bestElement = tree.elements[best]!;
  let ancestor = best;
  for (let level = 0; level <= MAX_TITLE_CLIMB && ancestor !== 0; level++) {
    if (findTitleFor(tree.elements[ancestor]!, bestElement)) return tree.elements[ancestor]!;
    const parent = tree.parent[ancestor]!;
    if (parent === 0 || isPageChrome(tree.elements[parent]!)) break;
    if (measureLinkDensity(tree, parent) > MAX_TITLE_ANCESTOR_LINK_DENSITY) break;
    ancestor = parent;
  }
  return bestElement;
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
  const out: { root?: Element } = {};
  const units = findArticleRootInParts(doc, out);
  while (!units.next().done);
  return out.root!;
}

/**
 * {@link findArticleRoot} as a sequence of small units for idle slices: writes the element to
 * `out.root`, yielding `'flatten'` between units (only on long pages: the walk pauses after about
 * 50,000 characters, the scoring after 5,000 candidates). The result is the same as
 * findArticleRoot's on a page that does not change meanwhile; one that does is measured again.
 */
export function* findArticleRootInParts(
  doc: Document,
  out: { root?: Element },
): Generator<'flatten', void, void> {
  const body = doc.body ?? doc.documentElement;
  const measured: { tree?: MeasuredTree } = {};
  yield* measureTreeInParts(body, measured);
  const tree = measured.tree!;
  const scores = scoreCandidates(tree);
  let best = -1;
  let bestScore = 0;
  const finalScores = new Map<number, number>();
  let scored = 0;
  for (const [candidate, score] of scores) {
    const final = score * (1 - measureLinkDensity(tree, candidate)) * weighByName(tree.elements[candidate]!);
    finalScores.set(candidate, final);
    if (final > bestScore) {
      best = candidate;
      bestScore = final;
    }
    if (++scored % 5_000 === 0) yield 'flatten';
  }
  if (best <= 0) {
    out.root = body;
    return;
  }
  // A body split across siblings (pages, columns of one CMS field) is kept whole.
  const parent = tree.parent[best]!;
  if (parent !== 0 && !isPageChrome(tree.elements[parent]!)) {
    // The parent's child elements: each next one starts where the previous one's subtree ends.
    for (let sibling = parent + 1; sibling < tree.end[parent]!; sibling = tree.end[sibling]!) {
      if (sibling === best) continue;
      if ((finalScores.get(sibling) ?? 0) >= bestScore * SIBLING_SHARE) {
        best = parent;
        break;
      }
    }
  }
  out.root = climbToTitle(tree, best);
}
