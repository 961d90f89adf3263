/**
 * The detector's phrasing cue: which two-character sequences (bigrams) a page's lead and opening
 * use, hashed into a small table of fitted weights. Hand-made cues catch what a plan page calls
 * itself; bigrams catch how it is written (`预期`, `左右`, `各位`, `审议` in a headline, `点评`), and
 * their weights are fitted with the others by `npm run fit:detect`.
 *
 * Cost: one pass over at most {@link PHRASE_LEAD_CHARS} + {@link PHRASE_TEXT_CHARS} folded
 * characters, a multiply and a shift per bigram, no pattern and no allocation but one small flag
 * table; the gate's cost stays bounded whatever the page.
 *
 * @module
 */

/** Hash table size, as bits: 2^11 buckets, one signed byte of weight each. */
export const PHRASE_BITS = 11;
/** Buckets in the table. */
export const PHRASE_BUCKETS = 1 << PHRASE_BITS;
/** Folded characters of the text's start read as part of the lead (after title and headings). */
export const PHRASE_LEAD_CHARS = 120;
/** Folded characters of the text read for its phrasing. */
export const PHRASE_TEXT_CHARS = 1000;

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

/** Marks in `seen` the bucket of every bigram of `text` (bounded by `limit` characters). */
function markBigrams(text: string, limit: number, seed: number, seen: Uint8Array): void {
  const end = Math.min(text.length, limit);
  let previous = end > 0 ? charClass(text.charCodeAt(0)) : 0;
  for (let k = 1; k < end; k++) {
    const code = charClass(text.charCodeAt(k));
    const hash = Math.imul(previous ^ seed, 0x9e3779b1) ^ Math.imul(code, 0x85ebca6b);
    seen[hash >>> (32 - PHRASE_BITS)] = 1;
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
 * Decodes the table stored as base64 signed bytes (`weights.generated.ts`), each byte times
 * `scale`. Edge case: a table of the wrong size throws (a stale generated file).
 */
export function decodePhraseWeights(base64: string, scale: number): Float32Array {
  const bytes = decodeBase64(base64);
  if (bytes.length !== PHRASE_BUCKETS) throw new Error(`phrase table has ${bytes.length} buckets`);
  const weights = new Float32Array(PHRASE_BUCKETS);
  for (let k = 0; k < PHRASE_BUCKETS; k++) {
    const byte = bytes[k]!;
    weights[k] = (byte > 127 ? byte - 256 : byte) * scale;
  }
  return weights;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Bytes of standard base64 (padding `=` allowed). Here, not `atob`: lib/detect runs without DOM types. */
function decodeBase64(base64: string): Uint8Array {
  const text = base64.replace(/=+$/, '');
  const bytes = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let held = 0;
  let at = 0;
  for (let k = 0; k < text.length; k++) {
    const digit = BASE64.indexOf(text[k]!);
    if (digit < 0) throw new Error(`not base64: ${text[k]}`);
    bits = (bits << 6) | digit;
    held += 6;
    if (held >= 8) {
      held -= 8;
      bytes[at++] = (bits >> held) & 0xff;
    }
  }
  return bytes;
}

/** Standard base64 of `bytes`, padded. */
function encodeBase64(bytes: readonly number[]): string {
  let out = '';
  for (let k = 0; k < bytes.length; k += 3) {
    const chunk = (bytes[k]! << 16) | ((bytes[k + 1] ?? 0) << 8) | (bytes[k + 2] ?? 0);
    const digits = k + 1 >= bytes.length ? 2 : k + 2 >= bytes.length ? 3 : 4;
    for (let d = 0; d < 4; d++) out += d < digits ? BASE64[(chunk >> (18 - 6 * d)) & 63] : '=';
  }
  return out;
}

/**
 * Encodes `weights` (one per bucket) as base64 signed bytes and the scale that restores them:
 * each weight is rounded to the nearest of 255 steps of `max |w| / 127`. Edge case: all zeros
 * give scale 0.
 */
export function encodePhraseWeights(weights: ArrayLike<number>): { base64: string; scale: number } {
  let max = 0;
  for (let k = 0; k < weights.length; k++) max = Math.max(max, Math.abs(weights[k]!));
  const scale = max / 127;
  const bytes: number[] = [];
  for (let k = 0; k < weights.length; k++) {
    const step = scale ? Math.round(weights[k]! / scale) : 0;
    bytes.push(step < 0 ? step + 256 : step);
  }
  return { base64: encodeBase64(bytes), scale };
}
