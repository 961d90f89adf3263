import type { MappedText } from './mapped-text';

/**
 * Normalises page text for analysis without losing the map back to it: full-width digits and signs
 * become ASCII, inline pinyin after Han characters is removed (`國(guó)內(nèi)` → `國內`, also
 * toneless `業(ye)`), whitespace and line breaks inside Chinese text and around numbers are joined.
 *
 * STUB (owned by the engine work): returns the text unchanged.
 */
export function normalizeForAnalysis(source: string): MappedText {
  const toSource = new Int32Array(source.length + 1);
  for (let i = 0; i <= source.length; i++) toSource[i] = i;
  return { text: source, toSource };
}
