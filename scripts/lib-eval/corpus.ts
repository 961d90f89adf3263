/**
 * The real-page corpus (`tests/corpus/`): loading its pages, metadata and labels, and the one split
 * into pages that rules may be tuned on (`dev`) and pages held out from tuning (`test`).
 *
 * The split is by site, never by page: two pages of one site share chrome, phrasing and editors, so a
 * rule tuned on one of them is not held out from the other. A page's site is its registrable domain
 * (`www.sc.gov.cn` → `sc.gov.cn`), or its repository for texts taken from public repositories. The
 * split is a hash, so it does not move when pages are added and nobody picks which pages are held out.
 *
 * @module
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** The corpus folder, relative to the repository root. */
export const CORPUS_DIR = 'tests/corpus';

/** Metadata of one corpus page (`pages/<id>.json`); see `tests/corpus/README.md`. */
export interface CorpusMeta {
  id: string;
  url: string;
  source: string;
  title: string;
  class: 'plan' | 'other';
  type: string;
  script: 'simplified' | 'traditional' | 'pinyin';
  level: 'national' | 'province' | 'city' | 'county' | null;
  jurisdiction: string | null;
  year: number | null;
  site: string;
  excerpt: boolean;
  notes: string;
}

/** One corpus page with its text and, for labelled plan pages, its labels (raw JSONL). */
export interface CorpusPage {
  meta: CorpusMeta;
  text: string;
  /** The label file's content, or null when the page is not labelled. */
  labels: string | null;
  split: 'dev' | 'test';
}

/** Second-level names under which the registrable domain is one label deeper (`sc.gov.cn`). */
const PUBLIC_SECOND_LEVEL = new Set(['gov', 'com', 'org', 'net', 'edu', 'ac', 'co']);

/**
 * The site a page belongs to: its registrable domain, or `github:owner/repo` for repository texts.
 * Edge cases: an unparsable URL is its own site (the whole string); `www.` and other subdomains
 * fold (`www.gov.cn` and `english.gov.cn` are one site).
 */
export function siteOf(meta: Pick<CorpusMeta, 'url' | 'source'>): string {
  if (meta.source.startsWith('github:')) return meta.source.split('/').slice(0, 2).join('/');
  let host: string;
  try {
    host = new URL(meta.url).hostname.toLowerCase();
  } catch {
    return meta.url;
  }
  const labels = host.split('.');
  if (labels.length <= 2) return host;
  const second = labels[labels.length - 2]!;
  const keep = PUBLIC_SECOND_LEVEL.has(second) && labels[labels.length - 1]!.length === 2 ? 3 : 2;
  return labels.slice(-keep).join('.');
}

/** FNV-1a over UTF-16 code units: stable across runs and machines. */
function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** Share of sites (in tenths) held out from tuning. */
const TEST_TENTHS = 3;

/**
 * `test` for pages of held-out sites (about 30% of sites), else `dev`. Tune rules and fit weights on
 * `dev` pages only; `npm run eval` reports `test` figures as the held-out result.
 */
export function splitOf(meta: Pick<CorpusMeta, 'url' | 'source'>): 'dev' | 'test' {
  return hashString(siteOf(meta)) % 10 < TEST_TENTHS ? 'test' : 'dev';
}

/**
 * Cross-validation fold (0…k-1) of a page, by site, so that no site is on both sides of a fold.
 * Edge case: k ≤ 1 puts everything in fold 0.
 */
export function foldOf(meta: Pick<CorpusMeta, 'url' | 'source'>, k: number): number {
  return k <= 1 ? 0 : (hashString(`fold:${siteOf(meta)}`) >>> 0) % k;
}

/** Loads every page under `<root>/tests/corpus/pages`, sorted by id. */
export async function loadCorpus(root: string): Promise<CorpusPage[]> {
  const pagesDir = path.join(root, CORPUS_DIR, 'pages');
  const labelsDir = path.join(root, CORPUS_DIR, 'labels');
  const names = (await readdir(pagesDir)).filter((name) => name.endsWith('.json')).sort();
  return Promise.all(
    names.map(async (name) => {
      const meta = JSON.parse(await readFile(path.join(pagesDir, name), 'utf8')) as CorpusMeta;
      const text = await readFile(path.join(pagesDir, `${meta.id}.txt`), 'utf8');
      const labels = await readFile(path.join(labelsDir, `${meta.id}.jsonl`), 'utf8').catch(() => null);
      return { meta, text, labels, split: splitOf(meta) };
    }),
  );
}
