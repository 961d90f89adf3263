/**
 * Where a page's targets are extracted: in the background, off the page's main thread, which then
 * only pays for sending the text and decoding the answer; in the page, in idle slices, when the
 * background cannot answer (the extension was reloaded or updated under the page).
 *
 * @module
 */
import { sendMessage } from '../../../lib/messaging/runtime';
import type { Target } from '../../../lib/targets/target';
import { decodeTargets } from '../../../lib/targets/wire';
import { analyzeInPage } from './model';
import { runInSlices, type IdleScheduler } from '../core/idle-slices';

/** The targets of a text, and what getting them cost this thread. */
export interface Extraction {
  targets: Target[];
  /** This thread's busy time: sending and decoding, or the whole extraction when done here. */
  pageMs: number;
  /** Longest uninterrupted stretch of this thread's share. */
  longestSlice: number;
  where: 'background' | 'page';
  /** The background's own extraction time (0 when done in the page). */
  offThreadMs: number;
  /** This thread's share, split: serialising the request, decoding the answer (0 in the page). */
  sendMs: number;
  decodeMs: number;
}

/** Extracts the targets of `text` (see the module comment). Resolves null when `signal` aborts. */
export async function extractTargets(
  text: string,
  idle: IdleScheduler,
  signal: AbortSignal,
): Promise<Extraction | null> {
  let answer: { targets: string; busyMs: number };
  // The request is serialised synchronously inside the call: that is this thread's sending cost.
  const sendStart = performance.now();
  const pending = sendMessage('analyzeTargets', { text });
  const sendMs = performance.now() - sendStart;
  try {
    answer = await pending;
  } catch {
    return extractInPage(text, idle, signal);
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

async function extractInPage(
  text: string,
  idle: IdleScheduler,
  signal: AbortSignal,
): Promise<Extraction | null> {
  const targets: Target[] = [];
  const timings = await runInSlices(analyzeInPage(text, targets), idle, signal, 'analyze');
  if (!timings) return null;
  return {
    targets,
    pageMs: timings.busy.analyze ?? 0,
    longestSlice: timings.longestSlice,
    where: 'page',
    offThreadMs: 0,
    sendMs: 0,
    decodeMs: 0,
  };
}
