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

/** One dictionary entry: its source string and the entry as written (`source replacement`). */
type Entry = readonly [key: string, entry: string];

let converter: ConverterFunction | undefined;
let stageEntries: Entry[][][] | undefined;

/** The same chain as opencc-js `Converter({ from: 't', to: 'cn' })` (its `t2s` config). */
function buildConverter(): ConverterFunction {
  return ConverterFactory(...STAGES);
}

function splitEntries(dict: string): Entry[] {
  return dict.split('|').map((entry) => [entry.slice(0, entry.indexOf(' ')), entry] as const);
}

/**
 * Converts a short text stage by stage with tiny dictionaries: the entries of each stage whose
 * source occurs in that stage's input. A match can only start on text that contains its source,
 * so the answer equals the full chain's, without building its tables (~10k trie words, tens of ms
 * on a page's thread; a traditional page's title needs only a handful).
 */
function convertShort(text: string): string {
  stageEntries ??= STAGES.map((group) => group.map(splitEntries));
  let out = text;
  for (const group of stageEntries) {
    const chars = new Set<number>();
    for (let k = 0; k < out.length; k++) chars.add(out.charCodeAt(k));
    // Dictionaries keep their order within the stage (the first one wins where both have a source).
    const kept = group
      .map((entries) =>
        entries
          .filter(([key]) => chars.has(key.charCodeAt(0)) && out.includes(key))
          .map(([, entry]) => entry)
          .join('|'),
      )
      .filter((dict) => dict !== '');
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
