/**
 * The text pieces of a target's card: the quantity as a headline with its direction (`降低 2.5%`),
 * the normal form only when it reads differently from what the page wrote (never `5% · 5%`), and
 * the source sentence cut around the quantity so the card can mark it. Pure: the card (plain DOM)
 * and the side panel both build on it.
 *
 * @module
 */
import { formatNormalQuantity } from './normal-form';
import type { Direction, Target } from './target';

/** The words a locale writes a rise and a fall with (`增长` / `降低`, `up` / `down`). */
export type DirectionWords = Record<Direction, string>;

/** A sentence cut in three around a quantity. */
export interface MarkedSentence {
  /** Text of the sentence before the quantity (after `…` when cut). */
  before: string;
  /** The quantity as written. */
  mark: string;
  /** Text of the sentence after the quantity, through its closing punctuation (`…` when cut). */
  after: string;
}

/** What the card writes for one target. */
export interface CardText {
  /** The quantity as written, after its direction word when it has one: `降低 2.5%`, `5%左右`. */
  headline: string;
  /** The normal form (`840亿斤`) when it differs from the quantity as written, else `null`. */
  normal: string | null;
}

/** Characters that end a sentence on either side of a quantity. */
const SENTENCE_END = /[。；;！？!?\n]/u;
/** Characters of context kept on each side of the quantity at most. */
const SENTENCE_CONTEXT = 80;

/**
 * `text` as compared for sameness: no spaces, group commas or unit (`4.5%—5%` reads as `4.5–5%`),
 * 萬/億 as 万/亿, ranges with one dash.
 */
function foldForCompare(text: string, unit: string): string {
  return (unit ? text.replaceAll(unit, '') : text)
    .replace(/[\s,，]/gu, '')
    .replace(/萬/gu, '万')
    .replace(/億/gu, '亿')
    .replace(/[—–~～-]+/gu, '–');
}

/**
 * The card's headline and normal form for `target`. The headline is the quantity as written
 * (`target.quote`), prefixed with the direction word and a space when the target has a direction;
 * `normal` is {@link formatNormalQuantity} unless it reads the same as the quote once spaces, group
 * commas, the unit's repetition in a range, 萬/億 and dash styles are set aside (`5%`, `18万人`, `18萬人` → `null`).
 */
export function describeCardQuantity(
  target: Pick<Target, 'quote' | 'value' | 'valueMax' | 'unit' | 'direction'>,
  words: DirectionWords,
): CardText {
  const normal = formatNormalQuantity(target);
  return {
    headline: target.direction ? `${words[target.direction]} ${target.quote}` : target.quote,
    normal: foldForCompare(normal, target.unit) === foldForCompare(target.quote, target.unit) ? null : normal,
  };
}

/**
 * The sentence of `text` around `[start, end)`: back to the previous sentence end (。；！？ or a line
 * break) and forward through the next one, each side cut to {@link SENTENCE_CONTEXT} characters with
 * `…`. Offsets outside `text` are clamped; an empty range gives an empty mark.
 */
export function markSentence(text: string, start: number, end: number): MarkedSentence {
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  let head = from;
  while (head > 0 && from - head < SENTENCE_CONTEXT && !SENTENCE_END.test(text[head - 1]!)) head--;
  let tail = to;
  while (tail < text.length && tail - to < SENTENCE_CONTEXT) {
    const ch = text[tail++]!;
    if (SENTENCE_END.test(ch)) {
      if (ch === '\n') tail--;
      break;
    }
  }
  const headCut = head > 0 && !SENTENCE_END.test(text[head - 1]!);
  const tailCut = tail < text.length && !SENTENCE_END.test(text[tail - 1]!) && text[tail] !== '\n';
  return {
    before: (headCut ? '…' : '') + text.slice(head, from).trimStart(),
    mark: text.slice(from, to),
    after: text.slice(to, tail).trimEnd() + (tailCut ? '…' : ''),
  };
}
