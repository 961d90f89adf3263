/**
 * Anchors for single quantities on a page: a key made of the quantity and a few characters of
 * context on each side, all folded (lib/anchor/fold), so the same quantity in a reprint of the
 * document — another site, traditional script, inline pinyin, other whitespace or markup — gets the
 * same key, while its index on the page (which changes when extraction or the page does) plays no
 * part. Corrections to targets are stored under these keys.
 *
 * @module
 */
import { foldedIndexOf } from './fold';
import type { MappedText } from '../text/mapped-text';

/** Folded characters of context kept on each side of the quantity. */
export const TARGET_ANCHOR_CONTEXT = 12;

/**
 * The anchor key of the source span `[start, end)` of a folded page (`foldText` of the text the
 * offsets are into): `prefix|exact|suffix`, each part folded, the context cut at
 * {@link TARGET_ANCHOR_CONTEXT} folded characters.
 *
 * Edge cases: at the start or end of the text the context is shorter; a span that folds to nothing
 * (whitespace) gives an empty exact part. `|` inside the parts is kept as is: the key is compared
 * whole, never split.
 */
export function targetAnchorKey(folded: MappedText, start: number, end: number): string {
  const from = foldedIndexOf(folded, start);
  const to = Math.max(from, foldedIndexOf(folded, end));
  const text = folded.text;
  const prefix = text.slice(Math.max(0, from - TARGET_ANCHOR_CONTEXT), from);
  const suffix = text.slice(to, to + TARGET_ANCHOR_CONTEXT);
  return `${prefix}|${text.slice(from, to)}|${suffix}`;
}
