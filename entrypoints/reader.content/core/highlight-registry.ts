/**
 * The CSS Custom Highlight API as the reader features use it: one support check, one stylesheet per
 * feature (adopted, so no element is added; a marked `<style>` where adopting fails), and
 * set/clear of named entries. Features own their names and colours; this module owns the mechanics.
 *
 * @module
 */
import { PLANLENS_UI_ATTR } from './markers';

/** Whether this browser can show highlights at all. */
export function supportsHighlights(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/** A stylesheet added by {@link installSheet}; `remove()` takes it out again (safe to call twice). */
export interface InstalledSheet {
  remove(): void;
}

/** A tree that can carry styles: a document, or a shadow root (document styles do not reach into it). */
export type StyledTree = Document | ShadowRoot;

/** The window globals of `doc`'s realm: ours for the top document, the frame's for a frame's. */
function realmOf(doc: Document): (Window & typeof globalThis) | null {
  return doc === document ? window : (doc.defaultView as (Window & typeof globalThis) | null);
}

/**
 * Adds static `::highlight()` rules to `tree`: an adopted sheet (made in the tree's own document,
 * which a frame requires), or a `<style data-planlens-ui>` fallback.
 */
export function installSheet(css: string, tree: StyledTree = document): InstalledSheet {
  const doc = tree.nodeType === 9 ? (tree as Document) : tree.ownerDocument!;
  try {
    const Sheet = realmOf(doc)!.CSSStyleSheet;
    const adopted = new Sheet();
    adopted.replaceSync(css);
    tree.adoptedStyleSheets = [...tree.adoptedStyleSheets, adopted];
    return {
      remove: () => {
        tree.adoptedStyleSheets = tree.adoptedStyleSheets.filter((s) => s !== adopted);
      },
    };
  } catch {
    const style = doc.createElement('style');
    style.setAttribute(PLANLENS_UI_ATTR, '');
    style.textContent = css;
    if (tree === doc) (doc.head ?? doc.documentElement).append(style);
    else tree.append(style);
    return { remove: () => style.remove() };
  }
}

/** Frame documents that got entries from {@link setRanges}, so clearing reaches them too. */
const frameRegistries = new Set<Document>();

/** Whether both ends of a range are in the same tree (a range across a frame or shadow edge paints nothing). */
function isInOneTree(range: AbstractRange): boolean {
  return range.startContainer.getRootNode() === range.endContainer.getRootNode();
}

/**
 * Registers `ranges` under `name` in one `set` per document (so a swap happens between two frames
 * and nothing flickers): ranges in a same-origin frame go to that frame's registry, the rest to
 * the page's, which always gets the entry (empty or not). `priority` orders overlapping
 * highlights. Returns the number registered.
 */
export function setRanges(name: string, ranges: Iterable<AbstractRange>, priority = 0): number {
  const out: { commit?: () => number } = {};
  for (const _ of prepareRanges(name, ranges, out, priority, Infinity)) {
    // one unit
  }
  return out.commit!();
}

/** Ranges added to a Highlight per work unit of {@link prepareRanges}. */
const RANGES_PER_UNIT = 2000;

/**
 * {@link setRanges} in two steps: builds the Highlight objects as work units (yielding
 * `'highlight'` after every `perUnit` ranges: 17,000 ranges are not one long task), then
 * `out.commit()` swaps them into the registries at once and returns the number registered.
 */
export function* prepareRanges(
  name: string,
  ranges: Iterable<AbstractRange>,
  out: { commit?: () => number },
  priority = 0,
  perUnit = RANGES_PER_UNIT,
): Generator<string, void, void> {
  const byDocument = new Map<Document, Highlight>();
  const highlightFor = (doc: Document): Highlight | null => {
    let highlight = byDocument.get(doc);
    if (!highlight) {
      const realm = realmOf(doc);
      if (!realm) return null;
      highlight = new realm.Highlight();
      if (priority) highlight.priority = priority;
      byDocument.set(doc, highlight);
    }
    return highlight;
  };
  highlightFor(document);
  let added = 0;
  for (const range of ranges) {
    const doc = range.startContainer.ownerDocument;
    if (!doc || (doc !== document && !isInOneTree(range))) continue;
    // add() one by one: spreading thousands of ranges into the constructor could exceed the argument limit.
    highlightFor(doc)?.add(range);
    if (++added % perUnit === 0) yield 'highlight';
  }
  out.commit = () => {
    for (const doc of frameRegistries) {
      if (byDocument.has(doc)) continue;
      realmOf(doc)?.CSS.highlights.delete(name);
      if (!doc.defaultView) frameRegistries.delete(doc);
    }
    let size = 0;
    for (const [doc, highlight] of byDocument) {
      const realm = realmOf(doc);
      if (!realm) continue;
      if (doc !== document) frameRegistries.add(doc);
      realm.CSS.highlights.set(name, highlight);
      size += highlight.size;
    }
    return size;
  };
}

/** Removes the entries `names` from the registry and the frames' (missing names are fine). */
export function clearRanges(names: Iterable<string>): void {
  if (!supportsHighlights()) return;
  const list = [...names];
  for (const name of list) CSS.highlights.delete(name);
  for (const doc of frameRegistries) {
    for (const name of list) realmOf(doc)?.CSS.highlights.delete(name);
    if (!doc.defaultView) frameRegistries.delete(doc);
  }
}
