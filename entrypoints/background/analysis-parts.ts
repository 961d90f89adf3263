/**
 * Parts of long article texts, kept until the reader asks for their analysis. A reader sends a long
 * text in parts (`analyzeTargetsPart`, see highlight/request-targets.ts) because each message is
 * serialised synchronously on the page's thread; the last part comes with `analyzeTargets`, which
 * takes the parts kept here and analyses the whole.
 *
 * Bounded: a request holds at most `MAX_ANALYZED_CHARS`, at most {@link MAX_PENDING} requests are
 * kept (the oldest goes first) and none longer than {@link PENDING_TTL_MS} after its last part. Kept
 * in memory only: a service worker that stops between parts forgets them, the final request then
 * fails and the reader sends everything again.
 *
 * @module
 */
import type { ContentSender } from '../../lib/messaging/dispatch';
import { MAX_ANALYZED_CHARS } from '../../lib/messaging/schemas';

/** Requests kept at once, across every tab and frame. */
export const MAX_PENDING = 16;
/** A request whose next part has not come within this time is dropped. */
export const PENDING_TTL_MS = 60_000;

interface Pending {
  parts: string[];
  chars: number;
  /** When its last part came. */
  at: number;
}

/** The parts received so far, by sender and request (see {@link AnalysisParts}). */
export interface AnalysisParts {
  /** Keeps part `index` of `request` (parts come in order from 0). Throws on a gap or past the cap. */
  keep(sender: ContentSender, request: string, index: number, text: string): void;
  /**
   * The `count` parts of `request` joined, forgotten here. Throws when they are not all there (a
   * background that restarted between them, or parts from another frame).
   */
  take(sender: ContentSender, request: string, count: number): string;
}

/** A store of parts; `now` is the clock (injectable for tests). */
export function createAnalysisParts(now: () => number = () => Date.now()): AnalysisParts {
  const pending = new Map<string, Pending>();
  // A request belongs to the frame that sent it: another frame or tab cannot add to it or take it.
  const keyOf = (sender: ContentSender, request: string) => `${sender.tabId}:${sender.frameId}:${request}`;
  const prune = (time: number) => {
    for (const [key, entry] of pending) if (time - entry.at > PENDING_TTL_MS) pending.delete(key);
  };
  return {
    keep(sender, request, index, text) {
      const time = now();
      prune(time);
      const key = keyOf(sender, request);
      let entry = pending.get(key);
      if (index === 0) {
        entry = { parts: [], chars: 0, at: time };
        pending.delete(key);
        pending.set(key, entry);
        // Map order is insertion order: the first keys are the oldest requests.
        for (const old of pending.keys()) {
          if (pending.size <= MAX_PENDING) break;
          pending.delete(old);
        }
      }
      if (!entry || index !== entry.parts.length) {
        pending.delete(key);
        throw new Error(`PlanLens: analysis part ${index} of ${request} is out of order`);
      }
      if (entry.chars + text.length > MAX_ANALYZED_CHARS) {
        pending.delete(key);
        throw new Error(`PlanLens: analysis ${request} is longer than ${MAX_ANALYZED_CHARS} characters`);
      }
      entry.parts.push(text);
      entry.chars += text.length;
      entry.at = time;
    },
    take(sender, request, count) {
      prune(now());
      const key = keyOf(sender, request);
      const entry = pending.get(key);
      pending.delete(key);
      if (!entry || entry.parts.length !== count)
        throw new Error(
          `PlanLens: analysis ${request} lost its parts (${entry?.parts.length ?? 0} of ${count})`,
        );
      return entry.parts.join('');
    },
  };
}
