/**
 * From a DOM selection on the text layer back to offsets in the reading text: the inverse of
 * text-ranges.ts, through the same page/run/offset map.
 *
 * @module
 */
import type { PdfReadingText } from '@/lib/pdf/reading-text';

/** Reading-text indices of every character of every run: `byRun.get(page)[run][offset]` (-1: left out). */
export interface ReadingIndex {
  reading: PdfReadingText;
  byRun: Map<number, Int32Array[]>;
}

/** Builds the inverse map of a reading text (one pass over it). */
export function indexReading(
  reading: PdfReadingText,
  runLengths: readonly (readonly number[])[],
): ReadingIndex {
  const byRun = new Map<number, Int32Array[]>();
  for (let k = 0; k < reading.text.length; k++) {
    const page = reading.page[k]!;
    if (page < 0) continue;
    let runs = byRun.get(page);
    if (!runs) {
      runs = (runLengths[page] ?? []).map((n) => new Int32Array(n).fill(-1));
      byRun.set(page, runs);
    }
    const run = runs[reading.run[k]!];
    if (run) run[reading.offset[k]!] = k;
  }
  return { reading, byRun };
}

/**
 * The reading-text offset of a boundary point on the text layer: for a start, the first kept
 * character at or after it; for an end, just past the last kept character before it. Null outside
 * the text layer.
 */
export function readingOffsetAt(
  index: ReadingIndex,
  spans: readonly HTMLElement[][],
  node: Node,
  offset: number,
  edge: 'start' | 'end',
): number | null {
  let span: Element | null;
  let at: number;
  if (node instanceof Text) {
    span = node.parentElement;
    at = offset;
  } else if (node instanceof Element && node.closest('.textLayer > span')) {
    span = node.closest('.textLayer > span');
    at = offset === 0 ? 0 : (span?.textContent?.length ?? 0);
  } else if (node instanceof Element) {
    // A point between the layer's children: the span after it (start) or before it (end).
    const child = node.childNodes[edge === 'start' ? offset : offset - 1];
    span = child instanceof Element ? child : null;
    at = edge === 'start' ? 0 : (span?.textContent?.length ?? 0);
  } else return null;
  const box = span?.closest<HTMLElement>('.page');
  if (!span || !box) return null;
  const page = Number(box.dataset.pageNumber) - 1;
  const run = spans[page]?.indexOf(span as HTMLElement) ?? -1;
  const chars = index.byRun.get(page)?.[run];
  if (!chars) return null;
  if (edge === 'start') {
    for (let o = at; o < chars.length; o++) if (chars[o]! >= 0) return chars[o]!;
    for (let o = at - 1; o >= 0; o--) if (chars[o]! >= 0) return chars[o]! + 1;
  } else {
    for (let o = at - 1; o >= 0; o--) if (chars[o]! >= 0) return chars[o]! + 1;
    for (let o = at; o < chars.length; o++) if (chars[o]! >= 0) return chars[o]!;
  }
  return null;
}
