/**
 * Probes of the PDF reader's page shared by the Chromium and Firefox tests. Self-contained
 * functions, so either browser's driver can serialize them into the page.
 *
 * @module
 */
import type { Highlighted } from './fixture-gold';

/**
 * Both highlight registries of the reader, in document order, one entry per quantity: the reader
 * draws a quantity that continues on the next page as two ranges (so the footer and header between
 * are not covered); a range that ends its page's text and one that starts the next page's are
 * read as one quantity.
 */
export function readPdfHighlightsInPage(): Highlighted[] {
  const out: Array<{ range: Range; kind: 'target' | 'achieved' }> = [];
  for (const kind of ['target', 'achieved'] as const) {
    for (const r of CSS.highlights.get(`planlens-${kind}`) ?? []) {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      out.push({ range, kind });
    }
  }
  out.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
  const pageOf = (node: Node) =>
    Number((node.parentElement?.closest('.page') as HTMLElement | null)?.dataset.pageNumber);
  const merged: Array<{ text: string; kind: 'target' | 'achieved'; range: Range }> = [];
  for (const item of out) {
    const previous = merged[merged.length - 1];
    const continues =
      previous &&
      previous.kind === item.kind &&
      pageOf(item.range.startContainer) === pageOf(previous.range.endContainer) + 1 &&
      previous.range.endOffset === (previous.range.endContainer.textContent ?? '').length &&
      item.range.startOffset === 0;
    if (continues) {
      previous.text += item.range.toString();
      previous.range = item.range;
    } else merged.push({ text: item.range.toString(), kind: item.kind, range: item.range });
  }
  return merged.map(({ text, kind }) => ({ text, kind }));
}

/**
 * Runs in the PDF reader: selects the first six Chinese characters of the first line on page 2
 * that opens with ten of them (a clause to note, away from the top) and returns the selected text.
 */
export function selectClauseOnPage2InPage(): string {
  const span = [
    ...document.querySelectorAll<HTMLElement>('.page[data-page-number="2"] .textLayer span'),
  ].find((s) => /^[\u4e00-\u9fff]{10}/.test(s.textContent!.trim()))!;
  span.scrollIntoView({ block: 'center' });
  const text = span.firstChild as Text;
  const range = document.createRange();
  range.setStart(text, text.data.search(/[\u4e00-\u9fff]/));
  range.setEnd(text, text.data.search(/[\u4e00-\u9fff]/) + 6);
  getSelection()!.removeAllRanges();
  getSelection()!.addRange(range);
  return range.toString();
}

/**
 * Scrolls the reader so the heading starting with `title` sits a tenth of the view from its top
 * (the text layer's spans in layer order; a heading may be cut into several runs).
 */
export function scrollHeadingNearTopInPage(title: string): void {
  const wanted = title.replace(/\s/g, '').slice(0, 8);
  const spans = [...document.querySelectorAll<HTMLElement>('.textLayer span')];
  let text = '';
  const owner: HTMLElement[] = [];
  for (const span of spans) {
    for (const ch of (span.textContent ?? '').replace(/\s/g, '')) {
      text += ch;
      owner.push(span);
    }
  }
  const at = text.indexOf(wanted);
  if (at < 0) throw new Error(`heading not in the text layer: ${wanted}`);
  const top = owner[at]!.getBoundingClientRect().top + scrollY;
  scrollTo(0, top - innerHeight * 0.1);
}
