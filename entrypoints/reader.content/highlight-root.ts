/**
 * Where the article is: the element whose paragraphs hold most of the page's prose, so numbers in
 * navigation, sidebars, related links and footers are not read as targets. Local stand-in until
 * lib/text/main-content's `findArticleRoot` lands; same contract (never null: falls back to body).
 *
 * @module
 */

const PROSE_BLOCKS = 'p, pre, li, td, blockquote, div';
/** Shorter blocks are captions, links and counters, not prose. */
const MIN_BLOCK_CHARS = 25;
/** A parent scoring at least this share of the best is the better root (articles split in pages). */
const CLIMB_SHARE = 0.8;

/** Text a block contributes itself: all text for leaf blocks, direct text nodes for a `div`. */
function ownTextLength(element: Element): number {
  if (element.localName !== 'div') return (element.textContent ?? '').trim().length;
  let length = 0;
  for (const child of element.childNodes)
    if (child.nodeType === 3) length += (child as Text).data.trim().length;
  return length;
}

/**
 * The article's container in `doc`: scores each element by the prose of its child blocks (and half
 * that of grandchildren), takes the best, and climbs to a parent that scores nearly as well. Pages
 * without prose blocks (or without a body) give `doc.body` / `doc.documentElement`.
 */
export function findArticleRoot(doc: Document): Element {
  const body = doc.body ?? doc.documentElement;
  const scores = new Map<Element, number>();
  for (const block of body.querySelectorAll(PROSE_BLOCKS)) {
    if (block.closest('[data-planlens-ui], nav, header, footer, aside')) continue;
    const length = ownTextLength(block);
    if (length < MIN_BLOCK_CHARS) continue;
    const parent = block.parentElement;
    if (!parent) continue;
    scores.set(parent, (scores.get(parent) ?? 0) + length);
    const grand = parent.parentElement;
    if (grand) scores.set(grand, (scores.get(grand) ?? 0) + length / 2);
  }
  let best: Element | null = null;
  let bestScore = 0;
  for (const [element, score] of scores) {
    if (score > bestScore) [best, bestScore] = [element, score];
  }
  if (!best) return body;
  while (
    best !== body &&
    best.parentElement &&
    (scores.get(best.parentElement) ?? 0) >= CLIMB_SHARE * bestScore
  ) {
    best = best.parentElement;
  }
  return best;
}
