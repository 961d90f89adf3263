/**
 * A string derived from another string, with an exact map back.
 *
 * @module
 */

/**
 * `text` derived from a source string. `toSource[i]` is the index in the source of `text[i]`;
 * `toSource[text.length]` is the source index just past the last mapped character, so a match
 * `[start, end)` in `text` maps to `[toSource[start], toSource[end - 1] + 1)` in the source.
 */
export interface MappedText {
  text: string;
  toSource: Int32Array;
}
