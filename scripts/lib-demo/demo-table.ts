/**
 * The demo's printed table, which explains itself: per sample page whether the gate took it for a
 * plan page (score against the threshold), and how many of the labelled figures the reader
 * highlighted, naming the ones it missed. Pure: the demo passes what it read from the browser.
 *
 * @module
 */
import { foldText } from '../../lib/anchor/fold';
import { getT2s } from '../../lib/anchor/t2s';
import { MATCH_THRESHOLD } from '../../lib/detect/detect';

/** One labelled figure of a gold file (`tests/fixtures/gold/*.jsonl`). */
export interface LabelledFigure {
  quote: string;
  indicator: string;
  kind: string;
}

/** The gate's verdict as the reader stores it. */
export interface DemoDetection {
  match: boolean;
  kind: string | null;
  score: number;
}

/** What one page showed. */
export interface DemoRow {
  file: string;
  detection: DemoDetection | null;
  /** The text under every target and achieved highlight. */
  highlighted: string[];
  /** The labels for this page, or null when it has none. */
  labelled: LabelledFigure[] | null;
  screenshot: string;
}

// Labels of reprints keep the page's inline pinyin (`58個(gè)`); highlights stop before it.
const INLINE_PINYIN = /[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）]/gu;
const fold = (text: string) => foldText(text.replace(INLINE_PINYIN, ''), { t2s: getT2s() }).text;

/**
 * The labelled figures no highlight covers. A highlight covers a label when its folded text
 * (简/繁, spaces, inline pinyin folded away) contains the label's quote; each highlight covers one
 * label, so a repeated figure needs a highlight per occurrence. Labels take highlights equal to
 * their quote before any that merely contain it.
 */
export function findMisses(
  labelled: readonly LabelledFigure[],
  highlighted: readonly string[],
): LabelledFigure[] {
  const free = highlighted.map(fold);
  const quotes = labelled.map((figure) => fold(figure.quote));
  const covered = quotes.map(() => false);
  // Exact matches first: a label's quote inside a longer highlight (`300億元` in `6300億元`) must
  // not take the highlight its own label needs.
  for (const exact of [true, false]) {
    quotes.forEach((quote, k) => {
      if (covered[k]) return;
      const at = free.findIndex((text) => text !== '' && (exact ? text === quote : text.includes(quote)));
      if (at < 0) return;
      free[at] = '';
      covered[k] = true;
    });
  }
  return labelled.filter((_, k) => !covered[k]);
}

/** `yes: plan (12.40 ≥ 5)` / `no (2.10 < 5)` / `not checked`. */
export function describeDetection(detection: DemoDetection | null): string {
  if (!detection) return 'not checked';
  const score = detection.score.toFixed(2);
  if (detection.match) return `yes: ${detection.kind} (${score} ≥ ${MATCH_THRESHOLD})`;
  const relation = detection.score >= MATCH_THRESHOLD ? '≥' : '<';
  return `no (${score} ${relation} ${MATCH_THRESHOLD})`;
}

/** The table's lines: a legend, a header and one line per page (plus one line naming its misses). */
export function formatDemoTable(rows: readonly DemoRow[]): string[] {
  const lines = [
    `plan page?   the gate's verdict: its score (log-odds of a plan page) against the threshold ${MATCH_THRESHOLD} (even odds)`,
    'found        labelled figures (targets and achieved, tests/fixtures/gold) that are highlighted / all labelled',
    '',
    `${'page'.padEnd(36)}${'plan page?'.padEnd(26)}${'found'.padEnd(12)}screenshot`,
  ];
  for (const row of rows) {
    const misses = row.labelled ? findMisses(row.labelled, row.highlighted) : [];
    const found = row.labelled
      ? `${row.labelled.length - misses.length} / ${row.labelled.length}`
      : `${row.highlighted.length} / —`;
    lines.push(
      `${row.file.padEnd(36)}${describeDetection(row.detection).padEnd(26)}${found.padEnd(12)}${row.screenshot}`,
    );
    if (misses.length > 0) {
      const named = misses.map((m) => `${m.indicator || '?'} ${m.quote} (${m.kind})`).join('; ');
      lines.push(`${''.padEnd(36)}missed: ${named}`);
    }
  }
  lines.push('', 'A page without labels shows how many figures were highlighted, over “—”.');
  return lines;
}
