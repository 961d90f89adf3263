/**
 * Converting a block's inline run as one string, then cutting the result back into the pieces the
 * run came from, so phrase rules see whole words across `發<b>展</b>`.
 *
 * @module
 */

/** Length of `text` in code points (a supplementary character counts once). */
export function countCodePoints(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/**
 * Cuts `converted` into pieces with the same code-point lengths as `pieces` (the originals that were
 * joined to make it). Returns `null` when the total code-point length differs, i.e. the converter
 * changed a length somewhere and positions no longer correspond: the caller then converts each
 * piece on its own. Cutting by code points (not UTF-16 units) keeps a surrogate pair whole when a
 * BMP character maps to a supplementary one.
 */
export function splitBackByCodePoints(pieces: readonly string[], converted: string): string[] | null {
  const joined = pieces.join('');
  if (joined.length === converted.length && pieces.length === 1) return [converted];
  if (countCodePoints(joined) !== countCodePoints(converted)) return null;
  const out: string[] = [];
  let at = 0;
  for (const piece of pieces) {
    let n = countCodePoints(piece);
    const start = at;
    while (n > 0) {
      const c = converted.charCodeAt(at);
      at += c >= 0xd800 && c <= 0xdbff && at + 1 < converted.length ? 2 : 1;
      n--;
    }
    out.push(converted.slice(start, at));
  }
  return out;
}
