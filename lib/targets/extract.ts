import type { Target } from './target';

/**
 * Extracts numeric targets from normalised text (see lib/text/normalize), in document order.
 *
 * STUB (owned by the engine work): percentages only.
 */
export function extractTargets(text: string): Target[] {
  const out: Target[] = [];
  for (const m of text.matchAll(/\d+(?:\.\d+)?%/g)) {
    const start = m.index;
    const end = start + m[0].length;
    out.push({
      quote: m[0],
      text: m[0],
      value: Number.parseFloat(m[0]),
      unit: '%',
      qualifier: '',
      indicator: '',
      kind: 'target',
      section: '',
      start,
      end,
      quoteStart: start,
      quoteEnd: end,
    });
  }
  return out;
}
