/**
 * The traditional→simplified converter used for folding: OpenCC's `t` → `cn` chain (normalise CJK
 * compatibility ideographs, then TSPhrases + TSCharacters), built once on first need. Building its
 * tables takes ~10 ms on a page's first call, so short strings that contain no dictionary key at
 * all (the fingerprint key of a simplified page: its 发文字号 or title) are answered without it.
 *
 * @module
 */
import { ConverterFactory, type ConverterFunction } from 'opencc-js/core';
import compatibilityIdeographs from 'opencc-js/dict/CJK_Compatibility_Ideographs';
import tsCharacters from 'opencc-js/dict/TSCharacters';
import tsPhrases from 'opencc-js/dict/TSPhrases';
import type { ScriptConverter } from './fold';

/** Strings up to this length are checked for dictionary keys before the converter is built. */
const SHORT_TEXT = 200;

/** Every source string of the three dictionaries, and the longest one's length (UTF-16 units). */
interface KeyIndex {
  keys: Set<string>;
  longest: number;
}

let converter: ConverterFunction | undefined;
let keyIndex: KeyIndex | undefined;

/** The same chain as opencc-js `Converter({ from: 't', to: 'cn' })` (its `t2s` config). */
function buildConverter(): ConverterFunction {
  return ConverterFactory([compatibilityIdeographs], [tsPhrases, tsCharacters]);
}

function indexKeys(): KeyIndex {
  const keys = new Set<string>();
  let longest = 0;
  for (const dict of [compatibilityIdeographs, tsPhrases, tsCharacters]) {
    for (const entry of dict.split('|')) {
      const key = entry.slice(0, entry.indexOf(' '));
      keys.add(key);
      longest = Math.max(longest, key.length);
    }
  }
  return { keys, longest };
}

/**
 * Whether any dictionary key occurs in `text`. When none does, every step of the chain leaves the
 * text as it is, so the converter's answer is `text` itself.
 */
function containsKey(text: string): boolean {
  keyIndex ??= indexKeys();
  const { keys, longest } = keyIndex;
  for (let start = 0; start < text.length; start++) {
    const last = Math.min(text.length, start + longest);
    for (let end = start + 1; end <= last; end++) if (keys.has(text.slice(start, end))) return true;
  }
  return false;
}

/** Converts with the shared converter, building it only when the answer can differ from the input. */
const convertT2s: ScriptConverter = (text) => {
  if (!converter && text.length <= SHORT_TEXT && !containsKey(text)) return text;
  converter ??= buildConverter();
  return converter(text);
};

/**
 * Returns the shared phrase-aware traditional→simplified converter (OpenCC `t` → `cn`). Simplified
 * input and non-Chinese text come back unchanged; the tables are built on the first call that may
 * change its input (any long text, or a short one containing a dictionary key).
 */
export function getT2s(): ScriptConverter {
  return convertT2s;
}
