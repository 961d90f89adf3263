/**
 * Where a page's targets are extracted: in the background, off the page's main thread, which then
 * only pays for sending the text and decoding the answer.
 *
 * There is no in-page fallback any more: it shipped the whole extraction engine in `reader.js`
 * (about 25 kB, past the 150 kB budget of tests/browser/reader-size.test.ts) for a case that no
 * longer reaches it: a reader whose extension was reloaded or updated stops (lib/content-script/
 * guard-context), and a service worker that was asleep is woken by the request itself. A request
 * that fails is asked once more (a worker restarting mid-request); after that the pass fails and
 * the reader reports no highlights rather than a guess.
 *
 * @module
 */
import { sendMessage } from '../../../lib/messaging/runtime';
import { MAX_ANALYZED_CHARS } from '../../../lib/messaging/schemas';
import type { Target } from '../../../lib/targets/target';
import { decodeTargets } from '../../../lib/targets/wire';
import type { IdleScheduler } from '../core/idle-slices';

/** The targets of a text, and what getting them cost this thread. */
export interface Extraction {
  targets: Target[];
  /** This thread's busy time: sending and decoding, or the whole extraction when done here. */
  pageMs: number;
  /** Longest uninterrupted stretch of this thread's share. */
  longestSlice: number;
  where: 'background';
  /** The background's own extraction time. */
  offThreadMs: number;
  /** This thread's share, split: serialising the request, decoding the answer. */
  sendMs: number;
  decodeMs: number;
}

/**
 * Extracts the targets of `text` (see the module comment). Resolves null when `signal` aborts;
 * rejects when the background fails twice. `_idle` is kept for callers' symmetry with the other
 * sliced passes.
 */
export async function extractTargets(
  text: string,
  _idle: IdleScheduler,
  signal: AbortSignal,
): Promise<Extraction | null> {
  let answer: { targets: string; busyMs: number };
  // The request is serialised synchronously inside the call: that is this thread's sending cost.
  const sendStart = performance.now();
  // A prefix keeps every offset valid: a text past the cap is highlighted up to it.
  if (text.length > MAX_ANALYZED_CHARS) text = text.slice(0, MAX_ANALYZED_CHARS);
  const pending = sendMessage('analyzeTargets', { text });
  const sendMs = performance.now() - sendStart;
  try {
    answer = await pending;
  } catch {
    if (signal.aborted) return null;
    answer = await sendMessage('analyzeTargets', { text });
  }
  if (signal.aborted) return null;
  const decodeStart = performance.now();
  const targets = decodeTargets(answer.targets);
  const decodeMs = performance.now() - decodeStart;
  return {
    targets,
    pageMs: sendMs + decodeMs,
    longestSlice: Math.max(sendMs, decodeMs),
    where: 'background',
    offThreadMs: answer.busyMs,
    sendMs,
    decodeMs,
  };
}
