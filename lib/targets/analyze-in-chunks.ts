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

/** Characters that end a sentence: a cut right after one splits no quantity and no clause. */
const SENTENCE_END = /[。；！？!?;]/;
/** Characters that end a clause: the last resort before a cut between two characters. */
const CLAUSE_END = /[，,、：:]/;
/** Characters of a number or of the magnitude after it: a line break after one does not end it. */
const NUMBER_CHAR = /[\d０-９.．,，%％万亿萬億千百十零〇一二两兩三四五六七八九]/;

/**
 * Where to end a chunk starting at `start` that must not pass `limit`: right after a line break
 * that follows a sentence end; else after a sentence end inside a line; else after a line break
 * that does not follow a number (`4000万<br>亩` is one quantity); else after a clause end; all in
 * the second half of the chunk. A run without any of these is cut at `limit`, moved back out of a
 * number. A cut never splits a quantity unless a line of more than half a chunk has no
 * punctuation and a number cut at its edge is longer than that half.
 */
function findCut(text: string, start: number, limit: number): number {
  const floor = start + Math.floor((limit - start) / 2);
  let afterSentence = -1;
  let afterBreak = -1;
  let afterClause = -1;
  for (let p = limit; p > floor; p--) {
    const ch = text[p - 1]!;
    if (ch === '\n') {
      let k = p - 2;
      while (k >= start && /\s/.test(text[k]!)) k--;
      const before = k >= start ? text[k]! : '';
      if (SENTENCE_END.test(before)) return p;
      if (afterBreak < 0 && !NUMBER_CHAR.test(before)) afterBreak = p;
    } else if (afterSentence < 0 && SENTENCE_END.test(ch)) {
      afterSentence = p;
    } else if (afterClause < 0 && CLAUSE_END.test(ch) && !NUMBER_CHAR.test(text[p] ?? '')) {
      afterClause = p;
    }
  }
  if (afterSentence > 0) return afterSentence;
  if (afterBreak > 0) return afterBreak;
  if (afterClause > 0) return afterClause;
  let cut = limit;
  while (cut > floor && NUMBER_CHAR.test(text[cut - 1]!) && NUMBER_CHAR.test(text[cut]!)) cut--;
  return cut > floor ? cut : limit;
}

/**
 * `[start, end)` chunks covering `text` without gaps, each at most `size` characters and cut where
 * no quantity or sentence is split when that can be done in the chunk's second half (see
 * findCut). Empty text gives no chunks.
 */
export function chunkText(text: string, size = CHUNK_CHARS): Array<[number, number]> {
  const chunks: Array<[number, number]> = [];
  let start = 0;
  while (start < text.length) {
    const limit = Math.min(text.length, start + size);
    const end = limit < text.length ? findCut(text, start, limit) : limit;
    chunks.push([start, end]);
    start = end;
  }
  return chunks;
}

/**
 * Extracts the targets of `text` chunk by chunk into `out` (offsets into `text`), yielding after
 * each chunk. Gives the same targets, sections and kinds as one `analyzeText` call on the whole
 * text, as long as no sentence spans the cut: chunks end after a sentence when one ends in their
 * second half (see {@link chunkText}), which in plan text is always.
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
