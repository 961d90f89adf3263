/**
 * Candidate structure cues for the detector, measured by `scripts/cv-detect-variants.ts` on dev
 * cross-validation before any of them may ship: how a page's text is laid out, from the sample's
 * raw text (its line breaks kept).
 *
 * @module
 */
import { countNumericTargets } from '../../lib/detect/features';
import { foldForDetection } from '../../lib/detect/fold-text';

/** The cues' names, in the order {@link readStructure} returns them. */
export const STRUCTURE_IDS = [
  'section-lines',
  'enumeration-words',
  'first-target-early',
  'target-sentence-share',
  'list-lines',
] as const;

const NUMERALS = '一二三四五六七八九十';

/** Whether a trimmed line opens like a plan's section (`一、主要目标`, `（二）`, `第三章`). */
export function isSectionLine(line: string): boolean {
  const first = line.charAt(0);
  if (NUMERALS.includes(first)) {
    const second = line.charAt(1);
    return second === '、' || (NUMERALS.includes(second) && line.charAt(2) === '、');
  }
  if (first === '（' || first === '(') return NUMERALS.includes(line.charAt(1));
  if (first === '第') return /^第[一二三四五六七八九十]+[章节部篇]/.test(line);
  return false;
}

/** Whether a trimmed line opens like an item of a list (`1.`, `2、`, `①`). */
export function isListLine(line: string): boolean {
  if (/^[0-9０-９]{1,2}[.、．）)]/.test(line)) return true;
  const code = line.charCodeAt(0);
  return code >= 0x2460 && code <= 0x2473;
}

/** The structure cues of a sample's raw text, each 0–3. */
export function readStructure(raw: string): number[] {
  const lines = raw
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const sections = lines.filter(isSectionLine).length;
  const lists = lines.filter(isListLine).length;
  const folded = foldForDetection(raw);
  let enumerations = 0;
  for (const n of '一二三四五六七八') enumerations += folded.split(`${n}是`).length - 1;
  const sentences = folded.split(/[。；！？]/).filter((s) => s.length > 4);
  const withTarget = sentences.filter((s) => countNumericTargets(s) > 0).length;
  let firstTarget = -1;
  for (let end = 50; end <= Math.min(folded.length + 50, 3000); end += 50) {
    if (countNumericTargets(folded.slice(0, end)) > 0) {
      firstTarget = end;
      break;
    }
  }
  return [
    Math.min(3, Math.log2(1 + sections)),
    Math.min(3, Math.log2(1 + enumerations)),
    firstTarget < 0 ? 0 : 1 - firstTarget / 3000,
    sentences.length ? (3 * withTarget) / sentences.length : 0,
    lines.length ? (3 * lists) / lines.length : 0,
  ];
}
