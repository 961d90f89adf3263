/**
 * The converters, built from opencc-js's core and only the dictionaries a preset needs, loaded on
 * first use. Tries are shared between presets (cn2tw and cn2hk share the 1 MB s→t phrase trie), so
 * switching variant after the first conversion costs no rebuild. Meant to live once per browser
 * session (offscreen document / Firefox background page), never in a content script.
 *
 * Output equals opencc-js's `Converter({ from, to })` for the matching locales: normalization, then
 * segmentation on the phrase dictionary, then each conversion stage per segment.
 *
 * @module
 */
import { convertStraySimplified } from './stray-simplified';
import { Trie } from 'opencc-js/core';
import type { EnginePreset } from './targets';

/** A loaded converter: string in, string out. */
export type ConvertFn = (text: string) => string;

type DictName =
  | 'CJK_Compatibility_Ideographs'
  | 'STPhrases'
  | 'STPhrases_GeneratedFromRegionalPhrases'
  | 'STCharacters'
  | 'TWVariantsPhrases'
  | 'TWVariants'
  | 'TWPhrases'
  | 'HKVariantsPhrases'
  | 'HKVariants'
  | 'TSPhrases'
  | 'TSCharacters'
  | 'TWVariantsRevPhrases'
  | 'TWVariantsRev'
  | 'HKVariantsRevPhrases'
  | 'HKVariantsRev';

// Literal import() calls so the bundler splits every dictionary into its own lazily loaded chunk.
const DICT_LOADERS: Record<DictName, () => Promise<{ default: string }>> = {
  CJK_Compatibility_Ideographs: () => import('opencc-js/dict/CJK_Compatibility_Ideographs'),
  STPhrases: () => import('opencc-js/dict/STPhrases'),
  STPhrases_GeneratedFromRegionalPhrases: () =>
    import('opencc-js/dict/STPhrases_GeneratedFromRegionalPhrases'),
  STCharacters: () => import('opencc-js/dict/STCharacters'),
  TWVariantsPhrases: () => import('opencc-js/dict/TWVariantsPhrases'),
  TWVariants: () => import('opencc-js/dict/TWVariants'),
  TWPhrases: () => import('opencc-js/dict/TWPhrases'),
  HKVariantsPhrases: () => import('opencc-js/dict/HKVariantsPhrases'),
  HKVariants: () => import('opencc-js/dict/HKVariants'),
  TSPhrases: () => import('opencc-js/dict/TSPhrases'),
  TSCharacters: () => import('opencc-js/dict/TSCharacters'),
  TWVariantsRevPhrases: () => import('opencc-js/dict/TWVariantsRevPhrases'),
  TWVariantsRev: () => import('opencc-js/dict/TWVariantsRev'),
  HKVariantsRevPhrases: () => import('opencc-js/dict/HKVariantsRevPhrases'),
  HKVariantsRev: () => import('opencc-js/dict/HKVariantsRev'),
};

/** A trie made of dictionaries; earlier ones win on equal keys, as in opencc's dict groups. */
type TrieSpec = readonly DictName[];

/** segmentation (or none), then conversion stages, each a trie. */
interface PresetSpec {
  segmentation: TrieSpec | null;
  stages: readonly TrieSpec[];
}

const ST: TrieSpec = ['STPhrases', 'STPhrases_GeneratedFromRegionalPhrases', 'STCharacters'];
const ST_SEGMENTS: TrieSpec = ['STPhrases', 'STPhrases_GeneratedFromRegionalPhrases'];

// Mirrors opencc-js 1.4.2 preset configs s2tw, s2hk, s2twp and tw2s.
const PRESETS: Record<EnginePreset, PresetSpec> = {
  cn2tw: { segmentation: ST_SEGMENTS, stages: [ST, ['TWVariantsPhrases', 'TWVariants']] },
  cn2hk: { segmentation: ST_SEGMENTS, stages: [ST, ['HKVariantsPhrases', 'HKVariants']] },
  cn2twp: { segmentation: ST_SEGMENTS, stages: [ST, ['TWPhrases', 'TWVariantsPhrases', 'TWVariants']] },
  tw2cn: {
    segmentation: ['TSPhrases'],
    stages: [
      ['TWVariantsRevPhrases', 'TWVariantsRev'],
      ['TSPhrases', 'TSCharacters'],
    ],
  },
  // A traditional page may follow Taiwan or Hong Kong forms: undo the other region's variants to
  // OpenCC's standard forms first, then apply the wanted region's (著力 → 着力 for Hong Kong).
  t2tw: {
    segmentation: null,
    stages: [
      ['HKVariantsRevPhrases', 'HKVariantsRev'],
      ['TWVariantsPhrases', 'TWVariants'],
    ],
  },
  t2hk: {
    segmentation: null,
    stages: [
      ['TWVariantsRevPhrases', 'TWVariantsRev'],
      ['HKVariantsPhrases', 'HKVariants'],
    ],
  },
  t2twp: {
    segmentation: null,
    stages: [['HKVariantsRevPhrases', 'HKVariantsRev'], ['TWPhrases'], ['TWVariantsPhrases', 'TWVariants']],
  },
};

/** A node of opencc's trie: a Map per code point, the replacement in `trie_val`; ours marks phrases. */
type TrieNode = Map<number, TrieNode> & { trie_val?: string; planlens_phrase?: true };

/**
 * Adds `dict` to `trie` (later calls win on equal keys), marking every entry as a phrase when
 * `phrase` is set. Marked entries let one trie serve both segmentation (phrases only) and
 * conversion (phrases and characters), saving a second 1 MB trie build for s→t.
 */
function loadMarked(trie: Trie, dict: string, phrase: boolean): void {
  const root = (trie as unknown as { map: TrieNode }).map;
  for (const line of dict.split('|')) {
    // Same parsing as opencc's Trie.loadDict: "source replacement", extra fields ignored.
    const [source, replacement] = line.split(' ');
    if (!source || replacement === undefined) continue;
    let node = root;
    for (let i = 0; i < source.length;) {
      const cp = source.codePointAt(i)!;
      i += cp > 0xffff ? 2 : 1;
      let next = node.get(cp);
      if (!next) {
        next = new Map() as TrieNode;
        node.set(cp, next);
      }
      node = next;
    }
    node.trie_val = replacement;
    if (phrase) node.planlens_phrase = true;
  }
}

/**
 * opencc's segmentation (longest phrase match, unmatched text kept in runs) over the marked
 * entries of a combined trie. Mirrors `Trie.segment`, including ideographic description sequences.
 */
function segmentMarked(trie: Trie, text: string): string[] {
  const root = (trie as unknown as { map: TrieNode }).map;
  const n = text.length;
  const segments: string[] = [];
  let pending: number | null = null;
  for (let i = 0; i < n;) {
    let node: TrieNode | undefined = root;
    let end = 0;
    for (let j = i; j < n;) {
      const cp = text.codePointAt(j)!;
      j += cp > 0xffff ? 2 : 1;
      node = node.get(cp);
      if (!node) break;
      if (node.planlens_phrase) end = j;
    }
    if (end > 0) {
      if (pending !== null) segments.push(text.slice(pending, i));
      pending = null;
      segments.push(text.slice(i, end));
      i = end;
    } else {
      pending ??= i;
      i += unmatchedLength(text, i);
    }
  }
  if (pending !== null) segments.push(text.slice(pending, n));
  return segments;
}

function codePointLength(text: string, i: number): number {
  return text.codePointAt(i)! > 0xffff ? 2 : 1;
}

function descriptionArity(cp: number): number {
  if (cp >= 0x2ff0 && cp <= 0x2ff1) return 2;
  if (cp >= 0x2ff2 && cp <= 0x2ff3) return 3;
  if (cp >= 0x2ff4 && cp <= 0x2fff) return 2;
  return 0;
}

function descriptionSequenceEnd(text: string, i: number): number {
  const arity = descriptionArity(text.codePointAt(i)!);
  if (arity === 0) return 0;
  let end = i + codePointLength(text, i);
  for (let k = 0; k < arity; k++) {
    if (end >= text.length) return 0;
    const childEnd = descriptionSequenceEnd(text, end);
    end = childEnd || end + codePointLength(text, end);
  }
  return end;
}

function unmatchedLength(text: string, i: number): number {
  const end = descriptionSequenceEnd(text, i);
  return end > i ? end - i : codePointLength(text, i);
}

/** Builds converters on demand and keeps them (and their tries) for the engine's lifetime. */
export class ConversionEngine {
  private readonly tries = new Map<string, Promise<Trie>>();
  private readonly converters = new Map<EnginePreset, Promise<ConvertFn>>();

  /**
   * The converter for `preset`, loading and building what is missing. Concurrent calls share one
   * build. A failed build is forgotten so the next call retries.
   */
  converter(preset: EnginePreset): Promise<ConvertFn> {
    let pending = this.converters.get(preset);
    if (!pending) {
      pending = this.build(PRESETS[preset]);
      pending.catch(() => this.converters.delete(preset));
      this.converters.set(preset, pending);
    }
    return pending;
  }

  /**
   * Builds the converters of `presets` one after another in the background (errors ignored), so a
   * later switch does not wait for dictionaries. Already built ones cost nothing.
   */
  warm(presets: readonly EnginePreset[]): void {
    void presets.reduce<Promise<unknown>>(
      (previous, preset) => previous.then(() => this.converter(preset)).catch(() => undefined),
      Promise.resolve(),
    );
  }

  /**
   * Converts every string of `texts` with `preset`, in order. A regional variant pass over
   * traditional text (t2tw, t2hk) also converts the stray simplified characters a 繁體 reprint
   * keeps (`1200万人` → `1200萬人`; see convertStraySimplified), which that pass alone leaves.
   */
  async convertAll(preset: EnginePreset, texts: readonly string[]): Promise<string[]> {
    const convert = await this.converter(preset);
    const straysBy = preset === 't2tw' ? 'cn2tw' : preset === 't2hk' ? 'cn2hk' : null;
    if (!straysBy) return texts.map(convert);
    const fromSimplified = await this.converter(straysBy);
    return texts.map((text) => convertStraySimplified(convert(text), fromSimplified));
  }

  private async build(spec: PresetSpec): Promise<ConvertFn> {
    // When the segmentation dictionaries lead the first stage (s→t), one marked trie does both.
    const shared =
      spec.segmentation !== null &&
      spec.segmentation.every((name, i) => spec.stages[0]![i] === name) &&
      spec.segmentation.length < spec.stages[0]!.length;
    const [normalize, segmentation, ...stages] = await Promise.all([
      this.trie(['CJK_Compatibility_Ideographs']),
      spec.segmentation && !shared ? this.trie(spec.segmentation) : Promise.resolve(null),
      ...spec.stages.map((stage, i) => this.trie(stage, i === 0 && shared ? spec.segmentation!.length : 0)),
    ]);
    const segment: (text: string) => string[] = shared
      ? (text) => segmentMarked(stages[0]!, text)
      : segmentation
        ? (text) => segmentation.segment(text)
        : (text) => [text];
    return (text: string) => {
      // Fast path: nothing to convert in pure ASCII (most attribute values and whitespace nodes).
      if (isAscii(text)) return text;
      const normalized = normalize.convert(text);
      const segments = segment(normalized);
      let out = '';
      for (const segment of segments) {
        let s = segment;
        for (const stage of stages) s = stage.convert(s);
        out += s;
      }
      return out;
    };
  }

  /** The trie of `spec`; the first `phrases` dictionaries are marked for segmentation. */
  private trie(spec: TrieSpec, phrases = 0): Promise<Trie> {
    const key = spec.join('+');
    let pending = this.tries.get(key);
    if (!pending) {
      pending = Promise.all(spec.map((name) => DICT_LOADERS[name]())).then((modules) => {
        const trie = new Trie();
        // opencc loads a group in reverse so the first dictionary's entries win.
        for (let i = modules.length - 1; i >= 0; i--) loadMarked(trie, modules[i]!.default, i < phrases);
        return trie;
      });
      pending.catch(() => this.tries.delete(key));
      this.tries.set(key, pending);
    }
    return pending;
  }
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}
