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
import { ANALYZE_PART_CHARS, MAX_ANALYZED_CHARS } from '../../../lib/messaging/schemas';
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
 * `text` cut into parts of at most `size` characters (never between the two halves of a surrogate
 * pair, which a message could not carry apart), joined back they are `text`. One part when short.
 */
export function splitForSending(text: string, size = ANALYZE_PART_CHARS): string[] {
  const parts: string[] = [];
  let start = 0;
  while (text.length - start > size) {
    let end = start + size;
    const last = text.charCodeAt(end - 1);
    if (last >= 0xd800 && last <= 0xdbff) end -= 1;
    parts.push(text.slice(start, end));
    start = end;
  }
  parts.push(text.slice(start));
  return parts;
}

/** A name for one request's parts, unique in this tab (the background keys it by frame too). */
function requestName(): string {
  return [...crypto.getRandomValues(new Uint32Array(2))].map((n) => n.toString(36)).join('');
}

/**
 * Sends `text` for analysis: in one message when short, else part by part, each message its own
 * task (the wait for each part's acknowledgement lets the page run in between), the last part with
 * the request itself. Adds the synchronous time of each send to `cost`.
 */
async function requestAnalysis(
  text: string,
  signal: AbortSignal,
  cost: { sendMs: number; longestSend: number },
): Promise<{ targets: string; busyMs: number } | null> {
  const timed = <T>(send: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    const pending = send();
    const ms = performance.now() - start;
    cost.sendMs += ms;
    cost.longestSend = Math.max(cost.longestSend, ms);
    return pending;
  };
  const parts = splitForSending(text);
  const request = requestName();
  for (let index = 0; index < parts.length - 1; index++) {
    await timed(() => sendMessage('analyzeTargetsPart', { request, index, text: parts[index]! }));
    if (signal.aborted) return null;
  }
  const last = parts[parts.length - 1]!;
  return timed(() =>
    parts.length === 1
      ? sendMessage('analyzeTargets', { text: last })
      : sendMessage('analyzeTargets', { text: last, request, parts: parts.length - 1 }),
  );
}

/**
 * Extracts the targets of `text` (see the module comment), sent in parts when long. Resolves null
 * when `signal` aborts; rejects when the background fails twice (each time, every part is sent). The answer is decoded in
 * slices through `idle`.
 */
export async function extractTargets(
  text: string,
  idle: IdleScheduler,
  signal: AbortSignal,
): Promise<Extraction | null> {
  let answer: { targets: string; busyMs: number } | null;
  // Each message is serialised synchronously inside the call: that is this thread's sending cost.
  const cost = { sendMs: 0, longestSend: 0 };
  // A prefix keeps every offset valid: a text past the cap is highlighted up to it.
  if (text.length > MAX_ANALYZED_CHARS) text = text.slice(0, MAX_ANALYZED_CHARS);
  try {
    answer = await requestAnalysis(text, signal, cost);
  } catch {
    if (signal.aborted) return null;
    answer = await requestAnalysis(text, signal, cost);
  }
  if (!answer || signal.aborted) return null;
  const { sendMs } = cost;
  // In idle slices: a page with thousands of targets decodes in pieces, not one long task.
  const decoded: { targets?: Target[] } = {};
  const decoding = await runInSlices(decodeTargetsInParts(answer.targets, decoded), idle, signal, 'decode');
  if (!decoding || !decoded.targets) return null;
  const targets = decoded.targets;
  const decodeMs = decoding.busy.decode ?? 0;
  return {
    targets,
    pageMs: sendMs + decodeMs,
    longestSlice: Math.max(cost.longestSend, decoding.longestSlice),
    where: 'background',
    offThreadMs: answer.busyMs,
    sendMs,
    decodeMs,
  };
}
