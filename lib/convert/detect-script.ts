/**
 * Tells simplified from traditional text by counting characters that exist in only one script.
 *
 * @module
 */
import { SIMPLIFIED_ONLY, TRADITIONAL_ONLY } from './script-chars';
import type { PageScript } from './targets';

const SIMPLIFIED = new Set(SIMPLIFIED_ONLY);
const TRADITIONAL = new Set(TRADITIONAL_ONLY);

/** Counts of script-specific characters in a sample. */
export interface ScriptCounts {
  simplified: number;
  traditional: number;
}

/** Counts simplified-only and traditional-only characters in `text` (first `limit` code units). */
export function countScriptChars(text: string, limit = 20_000): ScriptCounts {
  let simplified = 0;
  let traditional = 0;
  const end = Math.min(text.length, limit);
  for (let i = 0; i < end; i++) {
    const c = text[i]!;
    if (SIMPLIFIED.has(c)) simplified++;
    else if (TRADITIONAL.has(c)) traditional++;
  }
  return { simplified, traditional };
}

/**
 * Detects the script of `text` from a sample. `unknown` when fewer than 5 telling characters are
 * found (English pages, very short texts); `mixed` when the minority script still makes up more
 * than 20 % of the telling characters (a traditional reprint quoting simplified text, or a page
 * half-converted by another tool). A few stray characters of the other script do not count.
 */
export function detectScript(text: string, limit = 20_000): PageScript {
  const { simplified, traditional } = countScriptChars(text, limit);
  const total = simplified + traditional;
  if (total < 5) return 'unknown';
  const minority = Math.min(simplified, traditional) / total;
  if (minority > 0.2) return 'mixed';
  return simplified > traditional ? 'simplified' : 'traditional';
}
