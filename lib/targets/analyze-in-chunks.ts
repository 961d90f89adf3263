/**
 * Extraction in bounded units of work: the text is cut into chunks at line breaks and each chunk is
 * analysed with the titles of the sections it starts in prepended, so a caller can pause between
 * chunks (idle slices in a page, event-loop turns in the background) and still get the targets one
 * {@link analyzeText} call on the whole text gives.
 *
 * @module
 */
import { analyzeText } from './analyze';
import { findHeadings, type Heading } from './sections';
import type { Target } from './target';

/**
 * Characters per chunk: one chunk is a short unit of work (≈5–15 ms, more on a cold or busy CPU),
 * so no unit is a long task.
 */
const CHUNK_CHARS = 4_000;

/**
 * `[start, end)` chunks covering `text` without gaps, each ending just after a line break when one
 * lies in the second half of the chunk (otherwise cut at `size`). Empty text gives no chunks.
 */
export function chunkText(text: string, size = CHUNK_CHARS): Array<[number, number]> {
  const chunks: Array<[number, number]> = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    if (end < text.length) {
      const cut = text.lastIndexOf('\n', end);
      if (cut > start + size / 2) end = cut + 1;
    }
    chunks.push([start, end]);
    start = end;
  }
  return chunks;
}

/**
 * Extracts the targets of `text` chunk by chunk into `out` (offsets into `text`), yielding after
 * each chunk. Gives the same targets, sections and kinds as one `analyzeText` call on the whole
 * text, as long as no sentence spans a line break where a chunk is cut (chunks end at one when they
 * can; a single line longer than half a chunk may be cut inside).
 */
export function* analyzeInChunks(
  text: string,
  out: Target[],
  size = CHUNK_CHARS,
): Generator<void, void, void> {
  const headings = findHeadings(text);
  for (const [start, end] of chunkText(text, size)) {
    const prefix = sectionContext(text, headings, start);
    const shift = start - prefix.length;
    for (const t of analyzeText(prefix + text.slice(start, end))) {
      // Quantities in the prepended titles belong to an earlier chunk, which reported them.
      if (t.start < prefix.length) continue;
      // analyzeText's targets are fresh objects: shifting them in place saves a copy per target.
      t.start += shift;
      t.end += shift;
      t.quoteStart += shift;
      t.quoteEnd += shift;
      out.push(t);
    }
    yield;
  }
}

/**
 * The titles of the headings whose sections contain `offset` (outermost first), one per line: the
 * context a chunk starting there needs. '' before the first heading.
 */
export function sectionContext(text: string, headings: readonly Heading[], offset: number): string {
  const open: Heading[] = [];
  for (const h of headings) {
    if (h.start >= offset) break;
    open.length = Math.min(open.length, h.level - 1);
    open.push(h);
  }
  // The raw heading line up to its first 。/； — not `title`, which is cut at 60 characters of
  // un-normalised text (pinyin included): the engine derives the same title from it as in one pass.
  return open
    .map((h) => {
      const line = text.slice(h.start, h.lineEnd);
      const stop = line.search(/[。；]/);
      return `${stop < 0 ? line : line.slice(0, stop)}\n`;
    })
    .join('');
}
