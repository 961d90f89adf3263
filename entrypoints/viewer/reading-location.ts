/**
 * Where the reader is in the PDF, for the side panel's Outline: the section whose heading was last
 * scrolled past, told to the panel as a content script tells it on a web page
 * (`targetsPageLocation`, entrypoints/reader.content/highlight/session.ts), so the Outline's
 * current section follows the viewer's scroll.
 *
 * @module
 */
import type { PdfReadingText } from '@/lib/pdf/reading-text';
import { findHeadings } from '@/lib/targets/sections';
import type { DocumentModel } from './document-model';
import { tellPanelLocation } from './tell-panel';

/** The section the reader is in is the last one whose heading is above this fraction of the view (as on a web page). */
const SECTION_LINE = 0.25;

/** The top of the heading at reading-text offset `start`, in viewport coordinates. */
function readHeadingTop(model: DocumentModel, start: number): number {
  const ranges = model.rangesOf(start, start + 1);
  const first = ranges?.[0];
  if (first) {
    const live = document.createRange();
    live.setStart(first.startContainer, first.startOffset);
    live.setEnd(first.endContainer, first.endOffset);
    const rect = live.getClientRects()[0];
    if (rect) return rect.top;
  }
  // Its page is not laid out yet: the page's top stands for it (never below the heading).
  return model.pages[model.pageNumberAt(start) - 1]?.box.getBoundingClientRect().top ?? Infinity;
}

/**
 * Reads and reports where the reader is. `find` gives the `start` of the outline section the view
 * is in (-1 above the first heading, before the text is read, or with no headings); it reads a
 * handful of boxes (a binary search: headings follow the pages down).
 */
export function watchReadingLocation(model: DocumentModel, signal: AbortSignal): { find: () => number } {
  let headings: { reading: PdfReadingText; starts: number[] } | null = null;
  const find = (): number => {
    const reading = model.reading;
    if (!reading) return -1;
    if (headings?.reading !== reading) {
      headings = { reading, starts: findHeadings(reading.text).map((h) => h.start) };
    }
    const { starts } = headings;
    const line = window.innerHeight * SECTION_LINE;
    let lo = 0;
    let hi = starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (readHeadingTop(model, starts[mid]!) <= line) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found < 0 ? -1 : starts[found]!;
  };
  let frame = 0;
  let last = -1;
  // One reading per frame at most, and a message only when the section changed.
  const onScroll = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      if (signal.aborted) return;
      const section = find();
      if (section === last) return;
      last = section;
      tellPanelLocation(section);
    });
  };
  window.addEventListener('scroll', onScroll, { passive: true, signal });
  signal.addEventListener('abort', () => cancelAnimationFrame(frame), { once: true });
  return { find };
}
