import { normalizeForAnalysis } from '../text/normalize';
import { extractTargets } from './extract';
import type { Target } from './target';

/** Inline pinyin that normalisation dropped: `(gè)`, `(ye)(ye)`. */
const PINYIN_GAP = /^(?:[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,6}[)）])+$/;

/**
 * Normalises `source`, extracts targets, and maps every offset back to `source` — the entry point
 * used by the content script and the CLI.
 *
 * `quote` and `text` are the source slices, so they keep what normalisation folded or joined
 * (`22 万人`, `６．５％`); an end that falls right before inline pinyin takes the pinyin along
 * (`57個(gè)`), as the annotated page shows it.
 */
export function analyzeText(source: string): Target[] {
  const { text, toSource } = normalizeForAnalysis(source);
  const back = (i: number) => toSource[i] ?? source.length;
  const backEnd = (i: number) => {
    if (i <= 0) return 0;
    const end = back(i - 1) + 1;
    const next = back(i);
    return next > end && PINYIN_GAP.test(source.slice(end, next)) ? next : end;
  };
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
