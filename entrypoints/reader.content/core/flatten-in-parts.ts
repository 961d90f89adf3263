/**
 * Flattens the article in parts, so a very long page is not one long task: when the root's
 * children are all blocks (as in article bodies: a run of <p>, <h2>, <table>), each child is
 * flattened on its own and the parts are joined with the `\n` flattenElement would put between
 * them. Any other shape (text or inline elements directly in the root) is flattened in one go.
 *
 * @module
 */
import { FlatTextBuilder, isBlockElement, isNonTextElement, type FlatText } from '../../../lib/dom/flatten';

/** Flattened characters per work unit. */
const PART_CHARS = 20_000;

/** Whether `root` can be flattened child by child with the same result as in one go. */
function hasOnlyBlockChildren(root: Node): boolean {
  let blocks = 0;
  for (let child = root.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 1) {
      const element = child as Element;
      if (!isBlockElement(element) && !isNonTextElement(element)) return false;
      blocks++;
    } else if (child.nodeType === 3) {
      if ((child as Text).data.trim() !== '') return false;
    }
  }
  return blocks > 1;
}

/** The only block child of `root` when everything else in it is blank or skipped, else null. */
function soleBlockChild(root: Node, skip: (element: Element) => boolean): Element | null {
  let only: Element | null = null;
  for (let child = root.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3 && (child as Text).data.trim() === '') continue;
    if (child.nodeType !== 1) {
      if (child.nodeType === 3) return null;
      continue;
    }
    const element = child as Element;
    if (isNonTextElement(element) || skip(element)) continue;
    if (only || !isBlockElement(element) || element.localName === 'pre') return null;
    only = element;
  }
  return only;
}

/**
 * Flattens `root` like `flattenElement(root, { skip })` into `out.flat`, yielding `'flatten'` after
 * about every {@link PART_CHARS} characters when the root is a run of blocks.
 */
export function* flattenInParts(
  root: Node,
  skip: (element: Element) => boolean,
  out: { flat?: FlatText },
): Generator<string, void, void> {
  // One builder for all the parts: no per-part arrays, copies or joins.
  const builder = new FlatTextBuilder({ skip });
  yield* appendInParts(builder, root, skip);
  out.flat = builder.finish();
}

/**
 * Appends `root` to `builder` as `builder.append(root)` would (after a `\n` when both have text),
 * yielding `'flatten'` after about every {@link PART_CHARS} characters when the root is a run of
 * blocks. `skip` must be the builder's own.
 */
export function* appendInParts(
  builder: FlatTextBuilder,
  root: Node,
  skip: (element: Element) => boolean,
): Generator<string, void, void> {
  // A wrapper with one block inside (div > div.content > p…) flattens the same as that block.
  for (let only = soleBlockChild(root, skip); only; only = soleBlockChild(root, skip)) root = only;
  if (!hasOnlyBlockChildren(root)) {
    builder.append(root);
    return;
  }
  let sinceYield = 0;
  for (let child = root.firstChild; child; child = child.nextSibling) {
    if (child.nodeType !== 1) continue;
    const element = child as Element;
    // flattenElement never skips its own root: apply the checks it applies to children.
    if (isNonTextElement(element) || skip(element)) continue;
    sinceYield += builder.append(element);
    if (sinceYield >= PART_CHARS) {
      sinceYield = 0;
      yield 'flatten';
    }
  }
}

/**
 * The first `chars` characters of `flattenElement(root, { skip }).text` (all of it when shorter).
 * Only the leading blocks (or, when the root is not a run of blocks, the leading text) that text
 * needs are flattened — what a document fingerprint (its first lines) costs on a long page is then
 * a few blocks, not the page.
 */
export function flattenHead(root: Node, skip: (element: Element) => boolean, chars: number): string {
  for (let only = soleBlockChild(root, skip); only; only = soleBlockChild(root, skip)) root = only;
  // Any other shape is walked in one go, but only until the text is long enough.
  const builder = new FlatTextBuilder({ skip, stopAfter: chars });
  if (!hasOnlyBlockChildren(root)) {
    builder.append(root);
    return builder.finish().text.slice(0, chars);
  }
  // Each block's own characters plus the `\n` before it: an upper bound is not needed, only "enough".
  let length = 0;
  for (let child = root.firstChild; child && length <= chars; child = child.nextSibling) {
    if (child.nodeType !== 1) continue;
    const element = child as Element;
    if (isNonTextElement(element) || skip(element)) continue;
    const added = builder.append(element);
    if (added > 0) length += added + 1;
  }
  return builder.finish().text.slice(0, chars);
}
