/**
 * Approximate string search: where does `pattern` occur in `text` with at most k edits
 * (Levenshtein, substitutions/insertions/deletions cost 1)? Implemented as Myers' bit-parallel
 * algorithm in 32-bit blocks (Hyyrö's block formulation), O(⌈m/32⌉·n), plus a small banded DP to
 * recover where each hit starts and how the pattern aligns to it.
 *
 * @module
 */

/** One approximate occurrence: `text.slice(start, end)` is within `errors` edits of the pattern. */
export interface ApproxHit {
  start: number;
  end: number;
  errors: number;
}

const HIGH = 0x80000000 | 0;

/**
 * Returns, for every end position `j` (exclusive) in `text`, the fewest edits with which `pattern`
 * matches a substring ending at `j`, or -1 where that exceeds `maxErrors`.
 *
 * Edge cases: an empty pattern matches everywhere with 0 errors; units are UTF-16 code units.
 */
export function endScores(text: string, pattern: string, maxErrors: number): Int32Array {
  const n = text.length;
  const m = pattern.length;
  const scores = new Int32Array(n + 1).fill(-1);
  if (m === 0) return scores.fill(0);
  const blocks = Math.ceil(m / 32);
  const lastBit = 1 << ((m - 1) % 32);
  // Peq: for each pattern character, the bit set of its positions, one 32-bit word per block.
  const peq = new Map<number, Int32Array>();
  for (let i = 0; i < m; i++) {
    const code = pattern.charCodeAt(i);
    let row = peq.get(code);
    if (!row) peq.set(code, (row = new Int32Array(blocks)));
    row[i >> 5]! |= 1 << (i & 31);
  }
  const zero = new Int32Array(blocks);
  const pv = new Int32Array(blocks).fill(-1);
  const mv = new Int32Array(blocks);
  let score = m;
  if (score <= maxErrors) scores[0] = score;
  for (let j = 0; j < n; j++) {
    const eqRow = peq.get(text.charCodeAt(j)) ?? zero;
    // Horizontal delta entering the top block: the first row is all zeros (free start), so 0.
    let hin = 0;
    for (let b = 0; b < blocks; b++) {
      const high = b === blocks - 1 ? lastBit : HIGH;
      const p = pv[b]!;
      const mm = mv[b]!;
      const hinNeg = hin < 0 ? 1 : 0;
      const eq = eqRow[b]! | hinNeg;
      const xv = eq | mm;
      const xh = ((((eq & p) + p) | 0) ^ p) | eq;
      let ph = mm | ~(xh | p);
      let mh = p & xh;
      let hout = 0;
      if (ph & high) hout = 1;
      else if (mh & high) hout = -1;
      ph = (ph << 1) | (hin > 0 ? 1 : 0);
      mh = (mh << 1) | hinNeg;
      pv[b] = mh | ~(xv | ph);
      mv[b] = ph & xv;
      hin = hout;
    }
    score += hin;
    if (score <= maxErrors) scores[j + 1] = score;
  }
  return scores;
}

/** How a pattern aligns to a stretch of text: the text offset at which each pattern position begins. */
export interface Alignment {
  start: number;
  end: number;
  errors: number;
  /** `bounds[p]` = text offset aligned with the start of pattern position p; `bounds[m] = end`. */
  bounds: Int32Array;
}

/**
 * Aligns `pattern` to a substring of `text` that ends exactly at `end` and starts no earlier than
 * `from`, with the fewest edits (semi-global DP with traceback, O(m·(end − from))).
 */
export function alignEndingAt(text: string, pattern: string, from: number, end: number): Alignment {
  const m = pattern.length;
  const w = end - from;
  const cols = w + 1;
  const dp = new Int32Array((m + 1) * cols);
  // Row 0 is free: the match may start anywhere in the window.
  for (let i = 1; i <= m; i++) {
    dp[i * cols] = i;
    const pc = pattern.charCodeAt(i - 1);
    for (let j = 1; j <= w; j++) {
      const sub = dp[(i - 1) * cols + j - 1]! + (text.charCodeAt(from + j - 1) === pc ? 0 : 1);
      const del = dp[(i - 1) * cols + j]! + 1;
      const ins = dp[i * cols + j - 1]! + 1;
      dp[i * cols + j] = Math.min(sub, del, ins);
    }
  }
  const bounds = new Int32Array(m + 1);
  bounds[m] = end;
  let i = m;
  let j = w;
  while (i > 0) {
    const here = dp[i * cols + j]!;
    const pc = pattern.charCodeAt(i - 1);
    if (j > 0 && here === dp[(i - 1) * cols + j - 1]! + (text.charCodeAt(from + j - 1) === pc ? 0 : 1)) {
      i--;
      j--;
    } else if (here === dp[(i - 1) * cols + j]! + 1) {
      i--;
    } else {
      j--;
      continue;
    }
    bounds[i] = from + j;
  }
  return { start: from + j, end, errors: dp[m * cols + w]!, bounds };
}

/**
 * Finds the approximate occurrences of `pattern` in `text` with at most `maxErrors` edits: one hit
 * per cluster of overlapping end positions (the locally best one), sorted by errors then position.
 *
 * Edge cases: returns [] for an empty pattern; hits closer than the pattern length to each other
 * are merged, so repeated text yields one hit per repetition.
 */
export function searchApprox(text: string, pattern: string, maxErrors: number): ApproxHit[] {
  const m = pattern.length;
  if (m === 0) return [];
  const scores = endScores(text, pattern, maxErrors);
  const ends: { end: number; errors: number }[] = [];
  let best = -1;
  let bestEnd = -1;
  let lastEnd = -Infinity;
  const flush = () => {
    if (bestEnd >= 0) ends.push({ end: bestEnd, errors: best });
    best = -1;
    bestEnd = -1;
  };
  for (let j = 0; j < scores.length; j++) {
    const s = scores[j]!;
    if (s < 0) continue;
    if (j - lastEnd > Math.max(1, Math.floor(m / 2))) flush();
    lastEnd = j;
    if (best < 0 || s < best) {
      best = s;
      bestEnd = j;
    }
  }
  flush();
  const hits = ends.map(({ end, errors }) => {
    const from = Math.max(0, end - m - errors);
    const aligned = alignEndingAt(text, pattern, from, end);
    return { start: aligned.start, end, errors: aligned.errors };
  });
  return hits.sort((a, b) => a.errors - b.errors || a.start - b.start);
}

/**
 * Levenshtein distance between two short strings (two-row DP).
 *
 * @returns the number of single-unit insertions, deletions and substitutions turning `a` into `b`
 */
export function editDistance(a: string, b: string): number {
  let prev = new Int32Array(b.length + 1).map((_, j) => j);
  let cur = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ac = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j - 1]! + (ac === b.charCodeAt(j - 1) ? 0 : 1), prev[j]! + 1, cur[j - 1]! + 1);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}
