/**
 * What the ledger needs to know about a figure's place in its document, read once where the text
 * is at hand (the CLI, or the reader in the page) so a stored figure can compete for its ledger
 * cell without the text: is it in the main targets paragraph, is it a period average.
 *
 * @module
 */
import { foldCue } from '../targets/fold-cue';
import type { Target } from '../targets/target';

/** A figure's place in its document, as the ledger ranks it. */
export interface FigureContext {
  /** In the paragraph that states the document's main targets (`主要预期目标是：…`). */
  headline: boolean;
  /** Averaged over a period (`年均增长8%`): a year's own figure is preferred to it. */
  average: boolean;
}

/** A paragraph that states a document's headline targets: 主要预期目标是, 主要目标, 主要指标 (folded). */
const HEADLINE_PARAGRAPH = /主要预期目标|主要目标|主要指标/;
/** A figure averaged over a period. */
const AVERAGE = /年均|平均/;
/** How far back a headline cue is looked for within the figure's paragraph (a long paragraph lists every target). */
const PARAGRAPH_CHARS = 2000;
/** How far back the clause before a figure is read. */
const CLAUSE_CHARS = 40;

/**
 * Reads {@link FigureContext} for `t` in `text` (the string its offsets point into), in either
 * script, pinyin-laced or not. A paragraph runs from the previous line break; only its last
 * {@link PARAGRAPH_CHARS} characters before the figure are read, so a figure deep in a page-long
 * paragraph that opened with the cue is not headline. The clause runs back to `，；。` or a line
 * break, at most 40 characters.
 */
export function readFigureContext(text: string, t: Pick<Target, 'quoteStart'>): FigureContext {
  const paragraphStart = Math.max(
    text.lastIndexOf('\n', t.quoteStart - 1) + 1,
    t.quoteStart - PARAGRAPH_CHARS,
  );
  const headline = HEADLINE_PARAGRAPH.test(foldCue(text.slice(paragraphStart, t.quoteStart)));
  const before = text.slice(Math.max(0, t.quoteStart - CLAUSE_CHARS), t.quoteStart);
  const cut = Math.max(...[...'，,；;。\n'].map((c) => before.lastIndexOf(c)));
  return { headline, average: AVERAGE.test(foldCue(before.slice(cut + 1))) };
}
