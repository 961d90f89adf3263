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
import { decodeTargetsInParts } from '../../../lib/targets/wire';
import { runInSlices } from '../core/idle-slices';
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
 * rejects when the background fails twice. The answer is decoded in
 * slices through `idle`.
 */
export async function extractTargets(
  text: string,
  idle: IdleScheduler,
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
  // In idle slices: a page with thousands of targets decodes in pieces, not one long task.
  const decoded: { targets?: Target[] } = {};
  const decoding = await runInSlices(decodeTargetsInParts(answer.targets, decoded), idle, signal, 'decode');
  if (!decoding || !decoded.targets) return null;
  const targets = decoded.targets;
  const decodeMs = decoding.busy.decode ?? 0;
  return {
    targets,
    pageMs: sendMs + decodeMs,
    longestSlice: Math.max(sendMs, decoding.longestSlice),
    where: 'background',
    offThreadMs: answer.busyMs,
    sendMs,
    decodeMs,
  };
}
