/**
 * The evaluation over every labelled fixture: the seed texts with their gold, and the HTML pages
 * of tests/fixtures/pages/manifest.json (detection for all, scores for those with gold).
 *
 * @module
 */
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { detectPlanPage, type Detection, type PlanKind } from '../../lib/detect/detect';
import { analyzeText } from '../../lib/targets/analyze';
import { loadDocument } from './load-document';
import { parseGold, scoreTargets, type Score } from './score';

/** Required on every labelled document. */
export const THRESHOLDS = { precision: 0.95, recall: 0.95, kindAccuracy: 0.9 } as const;

/** A manifest entry (other fields are ignored). */
interface ManifestEntry {
  file: string;
  gold: string | null;
  expect: PlanKind | null;
}

/** The outcome for one fixture. */
export interface DocumentResult {
  name: string;
  /** What detection had to say: a kind, `positive` (any plan kind), or null (must not match). */
  expect: PlanKind | 'positive' | null;
  detection: Detection;
  detectionOk: boolean;
  /** Present when the fixture is labelled. */
  score?: Score;
  /** Human-readable failed requirements; empty when the fixture passes. */
  failures: string[];
}

/** Checks a detection against what the fixture expects. */
function checkDetection(expect: DocumentResult['expect'], detection: Detection): boolean {
  if (expect === null) return !detection.match;
  if (expect === 'positive') return detection.match;
  return detection.match && detection.kind === expect;
}

/** Lists the failed thresholds of a score. */
function listScoreFailures(score: Score): string[] {
  const failures: string[] = [];
  if (score.precision < THRESHOLDS.precision)
    failures.push(`precision ${score.precision.toFixed(3)} < ${THRESHOLDS.precision}`);
  if (score.recall < THRESHOLDS.recall)
    failures.push(`recall ${score.recall.toFixed(3)} < ${THRESHOLDS.recall}`);
  if (score.kindAccuracy < THRESHOLDS.kindAccuracy) {
    failures.push(`kind accuracy ${score.kindAccuracy.toFixed(3)} < ${THRESHOLDS.kindAccuracy}`);
  }
  return failures;
}

/**
 * Evaluates one document: detection against `expect`, and, when `goldJsonl` is given, extraction
 * against its labels. Extraction is scored on the text whatever detection says, so a detection
 * miss shows as a detection failure, not as zero recall.
 */
export async function evaluateFile(
  path: string,
  name: string,
  expect: DocumentResult['expect'],
  goldJsonl: string | null,
): Promise<DocumentResult> {
  const doc = await loadDocument(path);
  const detection = detectPlanPage(doc.sample);
  const detectionOk = checkDetection(expect, detection);
  const failures = detectionOk
    ? []
    : [
        `detection: expected ${expect ?? 'no match'}, got ${detection.match ? (detection.kind ?? 'match') : 'no match'}`,
      ];
  if (goldJsonl === null) return { name, expect, detection, detectionOk, failures };
  const score = scoreTargets(analyzeText(doc.text), parseGold(goldJsonl));
  return {
    name,
    expect,
    detection,
    detectionOk,
    score,
    failures: [...failures, ...listScoreFailures(score)],
  };
}

/** Evaluates the four seed texts (`seeds/*.txt` with `gold/<same name>.jsonl`) under `fixtures`. */
export async function evaluateSeeds(fixtures: string): Promise<DocumentResult[]> {
  const names = (await readdir(join(fixtures, 'seeds'))).filter((f) => f.endsWith('.txt')).sort();
  const results: DocumentResult[] = [];
  for (const file of names) {
    const goldPath = join(fixtures, 'gold', file.replace(/\.txt$/, '.jsonl'));
    const gold = existsSync(goldPath) ? await readFile(goldPath, 'utf8') : null;
    results.push(await evaluateFile(join(fixtures, 'seeds', file), `seeds/${file}`, 'positive', gold));
  }
  return results;
}

/** Evaluates the HTML pages listed in `pages/manifest.json` under `fixtures` (none if it is absent). */
export async function evaluatePages(fixtures: string): Promise<DocumentResult[]> {
  const manifestPath = join(fixtures, 'pages', 'manifest.json');
  if (!existsSync(manifestPath)) return [];
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as ManifestEntry[];
  const results: DocumentResult[] = [];
  for (const entry of manifest) {
    const gold = entry.gold === null ? null : await readFile(join(fixtures, 'gold', entry.gold), 'utf8');
    results.push(
      await evaluateFile(join(fixtures, 'pages', entry.file), `pages/${entry.file}`, entry.expect, gold),
    );
  }
  return results;
}
