/**
 * W3C Web Annotation selectors for a span of page text: TextQuote (the text with sentence-cut
 * context) and TextPosition (a hint only; offsets break as soon as the page changes).
 *
 * @module
 */

/** W3C TextQuoteSelector: `exact` with the text just before (`prefix`) and after (`suffix`). */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** W3C TextPositionSelector: `[start, end)` in the page's flattened text. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** Context length bounds, in UTF-16 units. */
export interface ContextBounds {
  min: number;
  max: number;
}

const SENTENCE_END = /[。；;!?！？]/u;

/**
 * Describes `text[start, end)` as a TextQuote selector whose prefix and suffix hold between
 * `bounds.min` and `bounds.max` characters (default 32–64), cut at a sentence end (。；!?) when one
 * falls in that range: the prefix starts just after the boundary farthest from the quote, the suffix
 * ends with the nearest boundary past `min`. Without a boundary the context is `max` long.
 *
 * Edge cases: at the start/end of the text the context is simply shorter (possibly empty).
 */
export function describeQuote(
  text: string,
  start: number,
  end: number,
  bounds: ContextBounds = { min: 32, max: 64 },
): TextQuoteSelector {
  const before = text.slice(Math.max(0, start - bounds.max), start);
  let prefix = before;
  // Scan from the far end of the window towards the quote, stopping before the last `min` units.
  for (let i = 0; i < before.length - bounds.min; i++) {
    if (SENTENCE_END.test(before[i]!)) {
      prefix = before.slice(i + 1);
      break;
    }
  }
  const after = text.slice(end, end + bounds.max);
  let suffix = after;
  for (let i = bounds.min - 1; i < after.length; i++) {
    if (SENTENCE_END.test(after[i]!)) {
      suffix = after.slice(0, i + 1);
      break;
    }
  }
  return { type: 'TextQuoteSelector', exact: text.slice(start, end), prefix, suffix };
}

/** Describes `[start, end)` as a TextPosition selector (a hint for tie-breaking, never trusted alone). */
export function describePosition(start: number, end: number): TextPositionSelector {
  return { type: 'TextPositionSelector', start, end };
}
