/**
 * Candidate windows for approximate search, found by trigram seeding: a pattern that matches a
 * stretch of page text with few edits shares many of its 3-grams with it, on nearly the same
 * diagonal (page position − pattern position). Only windows around diagonals with enough shared
 * 3-grams are searched, instead of the whole page.
 *
 * @module
 */

/**
 * A page's trigram index: positions grouped by a 16-bit trigram hash (counting sort into typed
 * arrays: no per-trigram objects, ~1 ms for 80,000 characters).
 */
export interface TrigramIndex {
  text: string;
  /** Positions with hash h are `positions[heads[h] .. heads[h + 1])`, ascending. */
  heads: Int32Array;
  positions: Int32Array;
}

const GRAM = 3;
const HASH_BITS = 16;
/** Trigrams this frequent (boilerplate like 发展的) say nothing about where a pattern is. */
const MAX_POSTINGS = 64;
/** Diagonals are pooled in buckets this wide, tolerating insertions and deletions. */
const BUCKET = 16;

function hashAt(text: string, i: number): number {
  const h =
    Math.imul(text.charCodeAt(i), 0x9e3779b1) ^
    Math.imul(text.charCodeAt(i + 1), 0x85ebca6b) ^
    (text.charCodeAt(i + 2) * 0x27d4eb2f);
  return (h >>> (32 - HASH_BITS)) & ((1 << HASH_BITS) - 1);
}

function sameGram(text: string, p: number, pattern: string, i: number): boolean {
  return (
    text.charCodeAt(p) === pattern.charCodeAt(i) &&
    text.charCodeAt(p + 1) === pattern.charCodeAt(i + 1) &&
    text.charCodeAt(p + 2) === pattern.charCodeAt(i + 2)
  );
}

/** Builds the trigram index of `text` (O(n) time and memory). */
export function indexTrigrams(text: string): TrigramIndex {
  const n = Math.max(0, text.length - GRAM + 1);
  const size = 1 << HASH_BITS;
  const heads = new Int32Array(size + 1);
  const hashes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const h = hashAt(text, i);
    hashes[i] = h;
    heads[h + 1]!++;
  }
  for (let h = 0; h < size; h++) heads[h + 1]! += heads[h]!;
  const fill = heads.slice(0, size);
  const positions = new Int32Array(n);
  for (let i = 0; i < n; i++) positions[fill[hashes[i]!]!++] = i;
  return { text, heads, positions };
}

/**
 * Text windows `[from, to)` worth searching for `pattern` with up to `maxErrors` edits: around every
 * diagonal bucket (±1) where at least `minVotes` of the pattern's trigrams occur. Overlapping
 * windows are merged.
 *
 * Edge cases: patterns shorter than 3 give one window over the whole text (nothing to seed with);
 * a pattern whose trigrams are all too common also gives the whole text.
 */
export function candidateWindows(
  index: TrigramIndex,
  textLength: number,
  pattern: string,
  maxErrors: number,
  minVotes: number,
): [number, number][] {
  if (pattern.length < GRAM) return [[0, textLength]];
  const votes = new Map<number, number>();
  let informative = 0;
  const { text, heads, positions } = index;
  const hits: number[] = [];
  for (let i = 0; i + GRAM <= pattern.length; i++) {
    const h = hashAt(pattern, i);
    hits.length = 0;
    for (let k = heads[h]!; k < heads[h + 1]! && hits.length <= MAX_POSTINGS; k++) {
      const p = positions[k]!;
      if (sameGram(text, p, pattern, i)) hits.push(p);
    }
    if (hits.length === 0 || hits.length > MAX_POSTINGS) continue;
    informative++;
    for (const p of hits) {
      const bucket = Math.floor((p - i) / BUCKET);
      votes.set(bucket, (votes.get(bucket) ?? 0) + 1);
    }
  }
  if (informative === 0) return [];
  const buckets: number[] = [];
  for (const [bucket, count] of votes) {
    // Neighbouring buckets share a diagonal band broken by an insertion or deletion.
    const near = count + (votes.get(bucket - 1) ?? 0) + (votes.get(bucket + 1) ?? 0);
    if (near >= minVotes) buckets.push(bucket);
  }
  buckets.sort((a, b) => a - b);
  const windows: [number, number][] = [];
  for (const bucket of buckets) {
    const from = Math.max(0, (bucket - 1) * BUCKET - maxErrors);
    const to = Math.min(textLength, (bucket + 2) * BUCKET + pattern.length + maxErrors);
    const last = windows[windows.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else windows.push([from, to]);
  }
  return windows;
}
