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

  /** Converts every string of `texts` with `preset`, in order. */
  async convertAll(preset: EnginePreset, texts: readonly string[]): Promise<string[]> {
    const convert = await this.converter(preset);
    return texts.map(convert);
  }

  private async build(spec: PresetSpec): Promise<ConvertFn> {
    const [normalize, segmentation, ...stages] = await Promise.all([
      this.trie(['CJK_Compatibility_Ideographs']),
      spec.segmentation ? this.trie(spec.segmentation) : Promise.resolve(null),
      ...spec.stages.map((stage) => this.trie(stage)),
    ]);
    return (text: string) => {
      // Fast path: nothing to convert in pure ASCII (most attribute values and whitespace nodes).
      if (isAscii(text)) return text;
      const normalized = normalize.convert(text);
      const segments = segmentation ? segmentation.segment(normalized) : [normalized];
      let out = '';
      for (const segment of segments) {
        let s = segment;
        for (const stage of stages) s = stage.convert(s);
        out += s;
      }
      return out;
    };
  }

  private trie(spec: TrieSpec): Promise<Trie> {
    const key = spec.join('+');
    let pending = this.tries.get(key);
    if (!pending) {
      pending = Promise.all(spec.map((name) => DICT_LOADERS[name]())).then((modules) => {
        const trie = new Trie();
        // opencc loads a group in reverse so the first dictionary's entries win.
        for (let i = modules.length - 1; i >= 0; i--) trie.loadDict(modules[i]!.default);
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
