import { fingerprintDocument } from '../../lib/anchor/fingerprint';
import { getT2s } from '../../lib/anchor/t2s';
import { analyzeInChunks } from '../../lib/targets/analyze-in-chunks';
import type { Target } from '../../lib/targets/target';
import { encodeTargets } from '../../lib/targets/wire';
import type { BackgroundRoutes } from '../../lib/messaging/runtime';
import { CONTENT_SCHEMAS } from '../../lib/messaging/schemas';
import type { PageCorrection } from '../../lib/messaging/protocol-targets';
import { correctionsForDocument } from '../../lib/db/corrections-repo';
import { keepAnalysis } from './analysis-memo';
import { notesDb } from './notes-store';
import { createAnalysisParts } from './analysis-parts';
import { MAX_ANALYZED_CHARS } from '../../lib/messaging/schemas';

/** Longest stretch of extraction before the background lets other messages through. */
const SLICE_MS = 30;

/**
 * Target extraction for readers: the text a reader sends is analysed here, off the
 * page's main thread, in chunks with a turn of the event loop every {@link SLICE_MS} ms so other
 * tabs' messages are not held up behind a long page. And the reader's corrections, read from the
 * database (only the side panel, an extension page, writes them).
 */
export function targetsRoutes(): Pick<
  BackgroundRoutes,
  'analyzeTargets' | 'analyzeTargetsPart' | 'correctionsForPage'
> {
  const parts = createAnalysisParts();
  return {
    correctionsForPage: {
      from: 'content',
      schema: CONTENT_SCHEMAS.correctionsForPage,
      handle: async ({ title, head }) => {
        const fingerprintKey = fingerprintDocument(title, head, getT2s()).key;
        return { fingerprintKey, corrections: await readCorrections(fingerprintKey) };
      },
    },
    analyzeTargets: {
      from: 'content',
      schema: CONTENT_SCHEMAS.analyzeTargets,
      handle: ({ text, request, parts: count }, sender) => {
        if (request === undefined || !count)
          return analyzeText(text, (targets) => keepAnalysis(sender, text, targets));
        const whole = parts.take(sender, request, count) + text;
        if (whole.length > MAX_ANALYZED_CHARS)
          throw new Error(`PlanLens: analysis longer than ${MAX_ANALYZED_CHARS} characters`);
        return analyzeText(whole, (targets) => keepAnalysis(sender, whole, targets));
      },
    },
    analyzeTargetsPart: {
      from: 'content',
      schema: CONTENT_SCHEMAS.analyzeTargetsPart,
      handle: ({ request, index, text }, sender) => {
        parts.keep(sender, request, index, text);
        return null;
      },
    },
  };
}

/**
 * Extracts and encodes the targets of `text`, yielding every {@link SLICE_MS} ms; `onTargets` gets
 * them first (kept for the reader's library request, see analysis-memo).
 */
async function analyzeText(
  text: string,
  onTargets: (targets: Target[]) => void,
): Promise<{ targets: string; busyMs: number }> {
  const targets: Target[] = [];
  let busyMs = 0;
  let sliceStart = performance.now();
  for (const _ of analyzeInChunks(text, targets)) {
    const now = performance.now();
    if (now - sliceStart < SLICE_MS) continue;
    busyMs += now - sliceStart;
    await new Promise((resolve) => setTimeout(resolve, 0));
    sliceStart = performance.now();
  }
  onTargets(targets);
  const encoded = encodeTargets(targets);
  busyMs += performance.now() - sliceStart;
  return { targets: encoded, busyMs };
}

/** The corrections of a document, with only what a reader applies. */
async function readCorrections(fingerprintKey: string): Promise<PageCorrection[]> {
  const rows = await correctionsForDocument(notesDb(), fingerprintKey);
  return rows.map(({ id, anchor, dismissed, kind, indicator }) => ({
    id,
    anchor,
    dismissed,
    kind,
    indicator,
  }));
}
