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
 * A StaticRange over reading-text `[start, end)` on the spans (`spans[page][run]`); characters the
 * join inserted (a space, a line break) at either end are skipped inwards. Null when the slice has
 * no character from the text layer.
 */
export function rangeOnTextLayer(
  reading: PdfReadingText,
  spans: readonly HTMLElement[][],
  start: number,
  end: number,
): StaticRange | null {
  let from = start;
  let to = end - 1;
  let first = locate(reading, spans, from);
  while (!first && from < to) first = locate(reading, spans, ++from);
  let last = locate(reading, spans, to);
  while (!last && to > from) last = locate(reading, spans, --to);
  if (!first || !last) return null;
  return new StaticRange({
    startContainer: first.node,
    startOffset: first.offset,
    endContainer: last.node,
    endOffset: last.offset + 1,
  });
}
