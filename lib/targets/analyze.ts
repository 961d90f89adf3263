import { normalizeForAnalysis } from '../text/normalize';
import { extractTargets } from './extract';
import type { Target } from './target';

/**
 * Normalises `source`, extracts targets, and maps every offset back to `source` — the entry point
 * used by the content script and the CLI.
 */
export function analyzeText(source: string): Target[] {
  const { text, toSource } = normalizeForAnalysis(source);
  const back = (i: number) => toSource[i] ?? source.length;
  const backEnd = (i: number) => (i > 0 ? back(i - 1) + 1 : 0);
  return extractTargets(text).map((t) => ({
    ...t,
    start: back(t.start),
    end: backEnd(t.end),
    quoteStart: back(t.quoteStart),
    quoteEnd: backEnd(t.quoteEnd),
    quote: source.slice(back(t.quoteStart), backEnd(t.quoteEnd)),
    text: source.slice(back(t.start), backEnd(t.end)),
  }));
}
