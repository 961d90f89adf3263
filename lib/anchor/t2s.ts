/**
 * The traditional→simplified converter used for folding, with OpenCC's dictionaries bundled: for the
 * background and extension pages (see `./t2s-converter` for the chain and its short-text path; the
 * reader takes the dictionaries from the background instead, `readT2sDictionaries`).
 *
 * @module
 */
import compatibilityIdeographs from 'opencc-js/dict/CJK_Compatibility_Ideographs';
import tsCharacters from 'opencc-js/dict/TSCharacters';
import tsPhrases from 'opencc-js/dict/TSPhrases';
import type { ScriptConverter } from './fold';
import { createT2s, type T2sDictionaries } from './t2s-converter';

let shared: ScriptConverter | undefined;

/** The bundled dictionaries, as the background hands them to readers. */
export function readT2sDictionaries(): T2sDictionaries {
  return { compatibility: compatibilityIdeographs, phrases: tsPhrases, characters: tsCharacters };
}

/**
 * Returns the shared phrase-aware traditional→simplified converter (OpenCC `t` → `cn`). Simplified
 * input and non-Chinese text come back unchanged; the tables are built on the first call that may
 * change its input (a long text; short ones never build them).
 */
export function getT2s(): ScriptConverter {
  shared ??= createT2s(readT2sDictionaries());
  return shared;
}
