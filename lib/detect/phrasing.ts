/**
 * The detector's phrasing cue: which two-character sequences (bigrams) a page's lead and opening
 * use, hashed into a small table of fitted weights. Hand-made cues catch what a plan page calls
 * itself; bigrams catch how it is written (`预期`, `左右`, `各位`, `审议` in a headline, `点评`), and
 * their weights are fitted with the others by `npm run fit:detect`.
 *
 * Cost: one pass over at most {@link PHRASE_LEAD_CHARS} + {@link PHRASE_TEXT_CHARS} folded
 * characters, a multiply and a shift per bigram, no pattern and no allocation but one flag table
 * of 2 kB; the cost stays bounded whatever the page.
 *
 * @module
 */

/**
 * Hash table size, as bits: 2^13 = 8,192 buckets, one printable character of weight each (8 kB of
 * the background's bundle). Since the gate stopped scoring (issue #9) the table no longer counts
 * against gate.js. Dev cross-validation with the whole traditional fold, by table size (AUC /
 * errors / traditional plan pages found of 56): 2,048 buckets 0.970 / 33 / 49, 4,096 0.972 / 29 /
 * 48, 8,192 0.976 / 27 / 49, 16,384 0.976 / 29 / 46 (lib/detect/README.md).
 */
export const PHRASE_BITS = 13;
/** Buckets in the table. */
export const PHRASE_BUCKETS = 1 << PHRASE_BITS;
/** Folded characters of the text's start read as part of the lead (after title and headings). */
export const PHRASE_LEAD_CHARS = 120;
/** Folded characters of the text read for its phrasing. */
export const PHRASE_TEXT_CHARS = 700;

/** Seeds that keep a bigram of the lead apart from the same bigram in the text. */
const LEAD_SEED = 0x1b873593;
const TEXT_SEED = 0x2c1b3c6d;

/**
 * A character's class for bigrams: every digit reads as `0` and every Latin letter as `a`, so
 * `增长5%` and `增长6.5%` share their bigrams, and so do `GDP` and `CPI`.
 */
function charClass(code: number): number {
  if ((code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19)) return 0x30;
  if ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) return 0x61;
  return code;
}

/** The bucket of the bigram (`previous`, `code`) under `seed`. */
function bucketOf(previous: number, code: number, seed: number): number {
  return (Math.imul(previous ^ seed, 0x9e3779b1) ^ Math.imul(code, 0x85ebca6b)) >>> (32 - PHRASE_BITS);
}

/** Marks in `seen` the bucket of every bigram of `text` (bounded by `limit` characters). */
function markBigrams(text: string, limit: number, seed: number, seen: Uint8Array): void {
  const end = Math.min(text.length, limit);
  let previous = end > 0 ? charClass(text.charCodeAt(0)) : 0;
  for (let k = 1; k < end; k++) {
    const code = charClass(text.charCodeAt(k));
    seen[bucketOf(previous, code, seed)] = 1;
    previous = code;
  }
}

/**
 * The buckets of the bigrams a folded sample uses, ascending, each once: the lead's (`lead`, the
 * page's title and headings and the text's first {@link PHRASE_LEAD_CHARS} characters) and the
 * text's (its first {@link PHRASE_TEXT_CHARS} characters). Presence, not counts: a long page and a
 * short excerpt of it read alike. Edge case: empty strings give no bucket.
 */
export function readPhraseBuckets(lead: string, text: string): number[] {
  const seen = new Uint8Array(PHRASE_BUCKETS);
  markBigrams(lead, lead.length, LEAD_SEED, seen);
  markBigrams(text, PHRASE_TEXT_CHARS, TEXT_SEED, seen);
  const buckets: number[] = [];
  for (let k = 0; k < PHRASE_BUCKETS; k++) if (seen[k]) buckets.push(k);
  return buckets;
}

/**
 * The table's alphabet: one printable ASCII character per bucket, `(` to `~` without the
 * backslash (86 characters), so the generated string needs no escape and gate.js stays ASCII
 * for it. Character k stands for `k - PHRASE_ZERO` steps of the table's scale.
 */
const FIRST_CODE = 0x28;
const BACKSLASH = 0x5c;
/** Steps each way: a character stands for −43…+42 steps. */
export const PHRASE_ZERO = 43;
const PHRASE_LEVELS = 86;

/**
 * The log-odds a folded sample's bigrams add: the sum, over the buckets {@link readPhraseBuckets}
 * gives, of each bucket's weight in `table` (one character per bucket, see
 * {@link encodePhraseWeights}) times `scale`. Reads only the buckets the page uses: no decoding
 * pass over the table, which would cost more than the page's own bigrams in a cold gate.
 * Edge case: a table shorter than PHRASE_BUCKETS reads missing buckets as 0.
 */
export function scorePhraseBuckets(lead: string, text: string, table: string, scale: number): number {
  // One bit per bucket in a plain array, and the walk inlined (sumNewBuckets): the gate runs this
  // once per page, cold, where a typed array and three calls per character cost several times
  // the arithmetic (gate phrasing cue 0.1 ms instead of 0.2–1.5 ms, fixture pages, Chromium).
  const seen: number[] = [];
  for (let k = 0; k < PHRASE_BUCKETS >> 5; k++) seen.push(0);
  const steps =
    sumNewBuckets(lead, lead.length, LEAD_SEED, seen, table) +
    sumNewBuckets(text, PHRASE_TEXT_CHARS, TEXT_SEED, seen, table);
  return steps * scale;
}

/**
 * Steps of `table` over the buckets of `text`'s bigrams not yet in `seen` (which it marks). The
 * body inlines {@link charClass}, {@link bucketOf} and the step a table character stands for
 * (−43…+42): it runs once per page before the JIT has seen it, where every call costs more than
 * the arithmetic.
 */
function sumNewBuckets(text: string, limit: number, seed: number, seen: number[], table: string): number {
  const end = Math.min(text.length, limit);
  const imul = Math.imul;
  const tableLength = table.length;
  let steps = 0;
  let previous = end > 0 ? charClass(text.charCodeAt(0)) : 0;
  for (let k = 1; k < end; k++) {
    let code = text.charCodeAt(k);
    if ((code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19)) code = 0x30;
    else if ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) code = 0x61;
    const bucket = (imul(previous ^ seed, 0x9e3779b1) ^ imul(code, 0x85ebca6b)) >>> (32 - PHRASE_BITS);
    previous = code;
    const word = bucket >> 5;
    const bit = 1 << (bucket & 31);
    if ((seen[word]! & bit) === 0) {
      seen[word] = seen[word]! | bit;
      if (bucket < tableLength) {
        const c = table.charCodeAt(bucket);
        steps += c - FIRST_CODE - (c > BACKSLASH ? 1 : 0) - PHRASE_ZERO;
      }
    }
  }
  return steps;
}

/**
 * Encodes `weights` (one per bucket) as the table {@link scorePhraseBuckets} reads and the scale
 * that restores them: each weight is rounded to the nearest of 86 steps of `max |w| / 42`
 * (weights beyond ±42 steps are clipped). Edge case: all zeros give scale 0.
 */
export function encodePhraseWeights(weights: ArrayLike<number>): { table: string; scale: number } {
  let max = 0;
  for (let k = 0; k < weights.length; k++) max = Math.max(max, Math.abs(weights[k]!));
  const scale = max / (PHRASE_LEVELS - PHRASE_ZERO - 1);
  let table = '';
  for (let k = 0; k < weights.length; k++) {
    const step = scale
      ? Math.max(-PHRASE_ZERO, Math.min(PHRASE_LEVELS - PHRASE_ZERO - 1, Math.round(weights[k]! / scale)))
      : 0;
    const index = step + PHRASE_ZERO;
    table += String.fromCharCode(FIRST_CODE + index + (FIRST_CODE + index >= BACKSLASH ? 1 : 0));
  }
  return { table, scale };
}
