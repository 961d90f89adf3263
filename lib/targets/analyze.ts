import { normalizeForAnalysis } from '../text/normalize';
import { describeTargets } from './describe';
import { extractTargets } from './extract';
import type { Target } from './target';

/** What the caller knows about the document being analysed. */
export interface AnalyzeOptions {
  /**
   * The page's type when detection knows it. A `statistics-bulletin` (统计公报) reports the past year
   * only, so every figure in it is `achieved`, whatever its wording (`比上年增长`, `预计`, `目标`).
   */
  documentType?: 'statistics-bulletin';
}

/** Titles of a statistics bulletin (统计公报), as lib/detect also reads them; either script. */
const BULLETIN_TITLE = /统计公报|統計公報|统计月报|統計月報|统计快报|統計快報/;

/**
 * The options to analyse a page with, from its title: `statistics-bulletin` for a 统计公报 the reader
 * chose to read with PlanLens on, else none. A stopgap until detection reports the page type itself
 * (branch `detect`); an empty or missing title gives no options.
 */
export function readAnalyzeOptions(title: string | undefined): AnalyzeOptions {
  return title !== undefined && BULLETIN_TITLE.test(title) ? { documentType: 'statistics-bulletin' } : {};
}

/** Inline pinyin that normalisation dropped: `(gè)`, `(ye)(ye)`. */
const PINYIN_GAP = /^(?:[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,6}[)）])+$/;

/**
 * Normalises `source`, extracts targets, and maps every offset back to `source` — the entry point
 * used by the content script and the CLI.
 *
 * `quote` and `text` are the source slices, so they keep what normalisation folded or joined
 * (`22 万人`, `６．５％`); an end that falls right before inline pinyin takes the pinyin along
 * (`57個(gè)`), as the annotated page shows it. Each target's metric, direction, firmness and
 * named year are read from the source around it (see describeTargets). With `documentType:
 * 'statistics-bulletin'` every figure is `achieved` (see {@link AnalyzeOptions}).
 */
export function analyzeText(source: string, options: AnalyzeOptions = {}): Target[] {
  const { text, toSource } = normalizeForAnalysis(source);
  const back = (i: number) => toSource[i] ?? source.length;
  const backEnd = (i: number) => {
    if (i <= 0) return 0;
    const end = back(i - 1) + 1;
    const next = back(i);
    return next > end && PINYIN_GAP.test(source.slice(end, next)) ? next : end;
  };
  const targets = extractTargets(text);
  if (options.documentType === 'statistics-bulletin') for (const t of targets) t.kind = 'achieved';
  // On the normalised text, where inline pinyin and line-broken words are already joined.
  describeTargets(text, targets);
  // The targets are fresh objects nobody else holds: map them back in place rather than copy each.
  for (const t of targets) {
    const start = back(t.start);
    const end = backEnd(t.end);
    const quoteStart = back(t.quoteStart);
    const quoteEnd = backEnd(t.quoteEnd);
    t.quote = source.slice(quoteStart, quoteEnd);
    t.text = source.slice(start, end);
    t.start = start;
    t.end = end;
    t.quoteStart = quoteStart;
    t.quoteEnd = quoteEnd;
  }
  return targets;
}
