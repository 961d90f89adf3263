/**
 * The traditional→simplified folding converter built from OpenCC's dictionaries as given: the `t` →
 * `cn` chain (normalise CJK compatibility ideographs, then TSPhrases + TSCharacters). Split from
 * `./t2s` so the reader can take the dictionaries (~46 kB) from the background on first need instead
 * of carrying them in `reader.js` (tests/browser/reader-size.test.ts). Pure.
 *
 * @module
 */
import { ConverterFactory, type ConverterFunction } from 'opencc-js/core';
import type { ScriptConverter } from './fold';

/** OpenCC's dictionaries the chain needs, as opencc-js ships them (`source replacement|…`). */
export interface T2sDictionaries {
  compatibility: string;
  phrases: string;
  characters: string;
}

/** Strings up to this length are converted with only the dictionary entries that occur in them. */
const SHORT_TEXT = 200;

/** One dictionary's entries (`source replacement`, as written) and, per first UTF-16 unit of a source, their indices. */
interface DictIndex {
  entries: string[];
  sources: string[];
  byFirst: Map<number, number[]>;
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
 * A phrase-aware traditional→simplified converter over `dictionaries` (same chain as opencc-js
 * `Converter({ from: 't', to: 'cn' })`). Simplified input and non-Chinese text come back unchanged.
 * Short texts (≤ 200 characters: a page's 发文字号 or title) are converted with only the entries
 * they contain; the full tables (~10k trie words, tens of ms) are built on the first long text.
 */
export function createT2s(dictionaries: T2sDictionaries): ScriptConverter {
  const stages = [[dictionaries.compatibility], [dictionaries.phrases, dictionaries.characters]];
  let converter: ConverterFunction | undefined;
  let stageIndex: DictIndex[][] | undefined;

  /**
   * Converts a short text stage by stage with tiny dictionaries: the entries of each stage whose
   * source occurs in that stage's input. A match can only start on text that contains its source,
   * so the answer equals the full chain's, without building its tables. Cheap enough to be called
   * once per character (foldText's fallback when a segment changes length).
   */
  const convertShort = (text: string): string => {
    stageIndex ??= stages.map((group) => group.map(indexDict));
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
  };

  return (text) => {
    if (!converter && text.length <= SHORT_TEXT) return convertShort(text);
    converter ??= ConverterFactory(...stages);
    return converter(text);
  };
}
