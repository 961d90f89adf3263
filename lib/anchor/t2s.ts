/**
 * The traditional→simplified converter used for folding: OpenCC's `t` → `cn` chain (normalise CJK
 * compatibility ideographs, then TSPhrases + TSCharacters), built once on first need. Building its
 * tables takes tens of ms on a page's first call, so short strings (the fingerprint key of a page:
 * its 发文字号 or title) are answered with only the entries they contain, without it.
 *
 * @module
 */
import { ConverterFactory, type ConverterFunction } from 'opencc-js/core';
import compatibilityIdeographs from 'opencc-js/dict/CJK_Compatibility_Ideographs';
import tsCharacters from 'opencc-js/dict/TSCharacters';
import tsPhrases from 'opencc-js/dict/TSPhrases';
import type { ScriptConverter } from './fold';

/** Strings up to this length are converted with only the dictionary entries that occur in them. */
const SHORT_TEXT = 200;

/** The chain's stages, each a group of dictionaries (`Converter({ from: 't', to: 'cn' })`). */
const STAGES = [[compatibilityIdeographs], [tsPhrases, tsCharacters]];

/** One dictionary's entries (`source replacement`, as written) and, per first UTF-16 unit of a source, their indices. */
interface DictIndex {
  entries: string[];
  sources: string[];
  byFirst: Map<number, number[]>;
}

let converter: ConverterFunction | undefined;
let stageIndex: DictIndex[][] | undefined;

/** The same chain as opencc-js `Converter({ from: 't', to: 'cn' })` (its `t2s` config). */
function buildConverter(): ConverterFunction {
  return ConverterFactory(...STAGES);
}

function indexDict(dict: string): DictIndex {
  const entries = dict.split('|');
  const sources = entries.map((entry) => entry.slice(0, entry.indexOf(' ')));
  const byFirst = new Map<number, number[]>();
  sources.forEach((source, k) => {
    const first = source.charCodeAt(0);
    const list = byFirst.get(first);
    if (list) list.push(k);
    else byFirst.set(first, [k]);
  });
  return { entries, sources, byFirst };
}

/**
 * Converts a short text stage by stage with tiny dictionaries: the entries of each stage whose
 * source occurs in that stage's input. A match can only start on text that contains its source,
 * so the answer equals the full chain's, without building its tables (~10k trie words, tens of ms
 * on a page's thread; a traditional page's title needs only a handful). Cheap enough to be called
 * once per character (foldText's fallback when a segment changes length).
 */
function convertShort(text: string): string {
  stageIndex ??= STAGES.map((group) => group.map(indexDict));
  let out = text;
  for (const group of stageIndex) {
    const firsts = new Set<number>();
    for (let k = 0; k < out.length; k++) firsts.add(out.charCodeAt(k));
    const kept: string[] = [];
    for (const dict of group) {
      const picked: number[] = [];
      for (const first of firsts) {
        for (const k of dict.byFirst.get(first) ?? []) if (out.includes(dict.sources[k]!)) picked.push(k);
      }
      // In dictionary order, so a source listed twice resolves as in the full table.
      if (picked.length > 0)
        kept.push(
          picked
            .sort((a, b) => a - b)
            .map((k) => dict.entries[k]!)
            .join('|'),
        );
    }
    // Dictionaries keep their order within the stage (which one wins where both have a source).
    if (kept.length > 0) out = ConverterFactory(kept)(out);
  }
  return out;
}

/** Converts with the shared converter, building it only for long texts. */
const convertT2s: ScriptConverter = (text) => {
  if (!converter && text.length <= SHORT_TEXT) return convertShort(text);
  converter ??= buildConverter();
  return converter(text);
};

/**
 * Returns the shared phrase-aware traditional→simplified converter (OpenCC `t` → `cn`). Simplified
 * input and non-Chinese text come back unchanged; the tables are built on the first call that may
 * change its input (a long text; short ones never build them).
 */
export function getT2s(): ScriptConverter {
  return convertT2s;
}
