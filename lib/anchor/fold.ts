/**
 * The canonical fold used for anchoring: page text and stored quotes are compared only in this form,
 * so a note made on a traditional reprint anchors on the simplified original and vice versa.
 *
 * @module
 */
import type { MappedText } from '../text/mapped-text';

/** A traditional→simplified converter; phrase-aware converters give better folds than per-character ones. */
export type ScriptConverter = (text: string) => string;

/** Options for {@link foldText}. */
export interface FoldOptions {
  /** Traditional→simplified conversion; without it script differences are not folded. */
  t2s?: ScriptConverter;
  /**
   * Source offsets where the script conversion must not look across (text-node starts): phrase-aware
   * conversion runs per segment, as it would on the page's own text nodes.
   */
  breaks?: readonly number[];
}

// Inline pinyin as news reprints print it: `當(dāng)前`, `業(ye)`. Only right after a Han character, only
// lowercase Latin with tone marks, so `GDP(国内生产总值)` or `(一)` stay.
const PINYIN = /(?<=\p{Script=Han})[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ]{1,7}[)）]/gu;

const PUNCTUATION: Record<string, string> = {
  '“': '"',
  '”': '"',
  '„': '"',
  '‟': '"',
  '「': '"',
  '」': '"',
  '『': '"',
  '』': '"',
  '〝': '"',
  '〞': '"',
  '‘': "'",
  '’': "'",
  '‚': "'",
  '‛': "'",
  '—': '-',
  '–': '-',
  '―': '-',
  '−': '-',
  '‐': '-',
  '‑': '-',
  '‒': '-',
  '・': '·',
  '‧': '·',
  '•': '·',
  '〔': '[',
  '〕': ']',
  '【': '[',
  '】': ']',
  '｡': '。',
  '､': '、',
};

const DROPPED = /[\s\u200b-\u200d\u2060\ufeff\u00ad]/u;

/** True for code points that NFKC leaves alone and lower-casing cannot change (the common CJK case). */
function isStable(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf);
}

/**
 * Marks the source characters inside inline pinyin annotations.
 *
 * @param source text to scan
 * @returns one flag per UTF-16 unit, 1 when the unit belongs to a pinyin annotation
 */
export function markInlinePinyin(source: string): Uint8Array {
  const removed = new Uint8Array(source.length);
  for (const match of source.matchAll(PINYIN)) {
    removed.fill(1, match.index, match.index + match[0].length);
  }
  return removed;
}

/**
 * Converts `source` to traditional→simplified per segment, returning the converted units and the
 * source index of each. Segments whose conversion changes length (rare one-to-many dictionary
 * entries) fall back to per-code-point conversion so every output unit keeps an exact source index.
 */
function convertScript(source: string, t2s: ScriptConverter | undefined, breaks: readonly number[]) {
  if (!t2s) return { text: source, toSource: null };
  const cuts = [...new Set([0, ...breaks.filter((b) => b > 0 && b < source.length), source.length])].sort(
    (a, b) => a - b,
  );
  let text = '';
  let toSource: number[] | null = null;
  for (let c = 0; c + 1 < cuts.length; c++) {
    const from = cuts[c]!;
    const segment = source.slice(from, cuts[c + 1]!);
    const converted = t2s(segment);
    if (converted.length === segment.length) {
      if (toSource) for (let i = 0; i < segment.length; i++) toSource.push(from + i);
      text += converted;
      continue;
    }
    // Length changed: switch to an explicit map from here on.
    if (!toSource) toSource = Array.from({ length: text.length }, (_, i) => i);
    let offset = from;
    for (const char of segment) {
      const one = t2s(char);
      for (let i = 0; i < one.length; i++) toSource.push(offset);
      text += one;
      offset += char.length;
    }
  }
  return { text, toSource };
}

/**
 * Folds `source` for matching: traditional→simplified (phrase-aware per segment), NFKC (full-width
 * forms to ASCII), one form for quotes, dashes and middle dots, ASCII lower case; whitespace,
 * zero-width characters and inline pinyin are dropped.
 *
 * Edge cases: characters whose fold is several units (NFKC of `㈠`) map every unit to the one source
 * character; an empty or all-whitespace source gives an empty text with `toSource = [source.length]`.
 *
 * @returns the folded text with, for each folded unit, its index in `source`
 */
export function foldText(source: string, options: FoldOptions = {}): MappedText {
  const removed = markInlinePinyin(source);
  const script = convertScript(source, options.t2s, options.breaks ?? []);
  const mid = script.text;
  const midSource = script.toSource;
  const out: string[] = [];
  const map: number[] = [];
  for (let i = 0; i < mid.length; i++) {
    const src = midSource ? midSource[i]! : i;
    if (removed[src]) continue;
    const code = mid.charCodeAt(i);
    if (isStable(code)) {
      out.push(mid[i]!);
      map.push(src);
      continue;
    }
    let char = mid[i]!;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < mid.length) {
      char += mid[i + 1]!;
      i++;
    }
    let folded = '';
    for (const unit of char.normalize('NFKC')) {
      if (!DROPPED.test(unit)) folded += (PUNCTUATION[unit] ?? unit).toLowerCase();
    }
    for (let u = 0; u < folded.length; u++) {
      out.push(folded[u]!);
      // The last unit of an astral source character points at its low surrogate, so that
      // `toSource[end - 1] + 1` ends after the whole character.
      map.push(u === folded.length - 1 && char.length === 2 ? src + 1 : src);
    }
  }
  const toSource = new Int32Array(map.length + 1);
  toSource.set(map);
  toSource[map.length] = map.length ? map[map.length - 1]! + 1 : source.length;
  return { text: out.join(''), toSource };
}

/**
 * Maps a folded span `[start, end)` back to source offsets.
 *
 * @returns `[sourceStart, sourceEnd)`; an empty span maps to an empty span at `toSource[start]`
 */
export function sourceSpan(folded: MappedText, start: number, end: number): [number, number] {
  const from = folded.toSource[start]!;
  if (end <= start) return [from, from];
  return [from, folded.toSource[end - 1]! + 1];
}

/**
 * Maps a source offset to the first folded index at or after it (binary search), for position hints.
 *
 * @returns a folded index in `[0, text.length]`
 */
export function foldedIndexOf(folded: MappedText, sourceOffset: number): number {
  let lo = 0;
  let hi = folded.text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (folded.toSource[mid]! < sourceOffset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
