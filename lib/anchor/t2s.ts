/**
 * The traditional→simplified converter used for folding, built once on first use: OpenCC's t2cn
 * tables (~105 kB) take ~20 ms to build, which only pages that actually anchor notes should pay.
 *
 * @module
 */
import { Converter } from 'opencc-js/t2cn';
import type { ScriptConverter } from './fold';

let converter: ScriptConverter | undefined;

/**
 * Returns the shared phrase-aware traditional→simplified converter (OpenCC `t` → `cn`), building it
 * on the first call. Simplified input and non-Chinese text come back unchanged.
 */
export function getT2s(): ScriptConverter {
  converter ??= Converter({ from: 't', to: 'cn' });
  return converter;
}
