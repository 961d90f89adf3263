/**
 * From offsets in the reading text to ranges on the text layer's spans, through the map
 * readPdfText keeps (page, run, offset per character).
 *
 * @module
 */
import type { PdfReadingText } from '@/lib/pdf/reading-text';

/** The text node and offset of reading-text character `index`, or null for an inserted character. */
function locate(reading: PdfReadingText, spans: readonly HTMLElement[][], index: number) {
  const page = reading.page[index];
  if (page === undefined || page < 0) return null;
  const node = spans[page]?.[reading.run[index]!]?.firstChild;
  return node ? { node, offset: reading.offset[index]! } : null;
}

/**
 * Whether reading-text character `k` comes right after character `before` on the text layer: the
 * same run, or a later run of the same page with only blank runs (line ends) between.
 */
function followsOnLayer(
  reading: PdfReadingText,
  spans: readonly HTMLElement[][],
  before: number,
  k: number,
): boolean {
  const page = reading.page[k]!;
  if (page !== reading.page[before]) return false;
  const from = reading.run[before]!;
  const to = reading.run[k]!;
  if (to < from) return false;
  for (let run = from + 1; run < to; run++) {
    if ((spans[page]?.[run]?.textContent ?? '').trim() !== '') return false;
  }
  return true;
}

/**
 * StaticRanges over reading-text `[start, end)` on the spans (`spans[page][run]`): one per stretch
 * of runs that follow each other on the text layer, so a quantity that continues on the next page
 * (`300` at the foot of one, `万亩` at the top of the next) is two ranges and the running footer and
 * header between them are not covered. Characters the join inserted (a space, a line break) are
 * skipped. Empty when the slice has no character from the text layer.
 */
export function rangesOnTextLayer(
  reading: PdfReadingText,
  spans: readonly HTMLElement[][],
  start: number,
  end: number,
): StaticRange[] {
  const ranges: StaticRange[] = [];
  let first: { node: ChildNode; offset: number } | null = null;
  let last: { node: ChildNode; offset: number } | null = null;
  let lastAt = -1;
  const close = () => {
    if (first && last) {
      ranges.push(
        new StaticRange({
          startContainer: first.node,
          startOffset: first.offset,
          endContainer: last.node,
          endOffset: last.offset + 1,
        }),
      );
    }
    first = last = null;
  };
  for (let k = start; k < end; k++) {
    const here = locate(reading, spans, k);
    if (!here) continue;
    const follows = lastAt >= 0 && followsOnLayer(reading, spans, lastAt, k);
    if (!follows) close();
    first ??= here;
    last = here;
    lastAt = k;
  }
  close();
  return ranges;
}
