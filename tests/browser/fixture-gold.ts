/**
 * What the fixture pages must show, shared by the Chromium and Firefox tests: the page manifest,
 * the gold labels, the thresholds, and the alignment of highlights with labels. Also the in-page
 * probe that reads both highlight registries (a self-contained function, so either browser's
 * driver can serialize it into the page).
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PAGES_DIR, ROOT } from './harness';

export interface ManifestEntry {
  file: string;
  gold: string | null;
  expect: string | null;
  host: string;
}
export interface GoldEntry {
  quote: string;
  indicator: string;
  kind: 'target' | 'achieved';
}
export interface Highlighted {
  text: string;
  kind: 'target' | 'achieved';
}

export const MANIFEST = JSON.parse(
  readFileSync(path.join(PAGES_DIR, 'manifest.json'), 'utf8'),
) as ManifestEntry[];
/** Pages with labelled targets. */
export const POSITIVE = MANIFEST.filter((e) => e.gold !== null);
/** Pages that are not plans: they must stay untouched. */
export const NEGATIVE = MANIFEST.filter((e) => e.gold === null);

/** Gold labels apply with the engine's measured tolerance; both must stay high. */
export const MIN_PRECISION = 0.95;
export const MIN_RECALL = 0.95;
export const MIN_KIND_ACCURACY = 0.95;

/** The labels of a gold file (tests/fixtures/gold). */
export function readGold(file: string): GoldEntry[] {
  return readFileSync(path.join(ROOT, 'tests/fixtures/gold', file), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as GoldEntry);
}

/**
 * Whitespace- and pinyin-free, so the PDF text layer (`22 万人`) compares with the web form
 * (`22万人`), and a highlight that stops before inline pinyin (`57個`) with its label (`57個(gè)`).
 */
export const squash = (s: string) =>
  s.replace(/\s+/g, '').replace(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüḿńňǹ]+\)/gi, '');

/**
 * Longest common subsequence of gold quotes and highlighted texts in document order, where a
 * highlight matches a label when its text contains the label's quote. Returns matched pairs.
 */
export function alignByLcs(gold: GoldEntry[], got: Highlighted[]): Array<[GoldEntry, Highlighted]> {
  const g = gold.map((e) => squash(e.quote));
  const h = got.map((e) => squash(e.text));
  const n = g.length;
  const m = h.length;
  const table = Array.from({ length: n + 1 }, () => new Int32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i]![j] = h[j]!.includes(g[i]!)
        ? table[i + 1]![j + 1]! + 1
        : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  const pairs: Array<[GoldEntry, Highlighted]> = [];
  for (let i = 0, j = 0; i < n && j < m;) {
    if (h[j]!.includes(g[i]!) && table[i]![j] === table[i + 1]![j + 1]! + 1) {
      pairs.push([gold[i]!, got[j]!]);
      i++;
      j++;
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) i++;
    else j++;
  }
  return pairs;
}

/** Precision, recall and kind accuracy of `got` against the gold file `goldFile`. */
export function scoreAgainstGold(goldFile: string, got: Highlighted[]) {
  const gold = readGold(goldFile);
  const pairs = alignByLcs(gold, got);
  return {
    gold: gold.length,
    precision: pairs.length / Math.max(1, got.length),
    recall: pairs.length / Math.max(1, gold.length),
    kindAccuracy: pairs.filter(([g, h]) => g.kind === h.kind).length / Math.max(1, pairs.length),
  };
}

/** In the page: both PlanLens registries, merged in document order. */
export function readAllHighlightsInPage(): Highlighted[] {
  const out: Array<{ range: Range; kind: 'target' | 'achieved' }> = [];
  for (const kind of ['target', 'achieved'] as const) {
    for (const r of CSS.highlights.get(`planlens-${kind}`) ?? []) {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      out.push({ range, kind });
    }
  }
  out.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
  return out.map(({ range, kind }) => ({ text: range.toString(), kind }));
}
