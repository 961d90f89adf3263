/**
 * The page as one string: visible text of a DOM subtree, with the text node each character came from.
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

/**
 * Flattens the visible text under `root`: skips script/style/noscript/template, hidden elements,
 * form fields and PlanLens UI; inserts `\n` at block boundaries.
 *
 * STUB (owned by the text/detect work).
 */
export function flattenElement(root: Node, _options: FlattenOptions = {}): FlatText {
  const nodes: Text[] = [];
  const starts: number[] = [];
  let text = '';
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    nodes.push(n as Text);
    starts.push(text.length);
    text += (n as Text).data;
  }
  return { text, nodes, starts };
}
