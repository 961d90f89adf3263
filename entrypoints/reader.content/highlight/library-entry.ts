/**
 * What the reader tells the library about its page, and what it asks back: sent with the pass's
 * `highlightsUpdated` once the highlights are shown (one message instead of two: each costs the
 * page's thread about a millisecond on a cold start), and only when the figures changed since the
 * last send.
 * The figures are the targets the background found in the text this pass sent it, so the reader
 * names that analysis and which of its targets it highlighted; the background reads their context
 * from its own copy of the text (off this thread). Only when the background no longer holds it (a
 * restarted service worker) are the figures built here and sent. The metric history a card shows is
 * asked for lazily, on the first card with a metric.
 *
 * @module
 */
import { readLibraryFigures } from '@/lib/db/library';
import {
  LIBRARY_HEAD_CHARS,
  MAX_LIBRARY_FIGURES,
  type HistoryEntry,
  type LibraryRememberAnalyzedRequest,
  type LibraryRememberAnswer,
  type LibraryRememberRequest,
} from '@/lib/messaging/protocol-library';
import { sendMessage } from '@/lib/messaging/runtime';
import { MAX_ANALYZED_CHARS } from '@/lib/messaging/schemas';
import type { MetricId } from '@/lib/targets/metric';
import type { Target } from '@/lib/targets/target';
/** Headings sent at most (the title is among the first). */
const MAX_HEADINGS = 40;

/** The library request for a page whose article text is `text` and whose highlights are `targets`. */
export function buildLibraryRequest(text: string, targets: readonly Target[]): LibraryRememberRequest {
  return {
    ...readPageParts(),
    head: text.slice(0, LIBRARY_HEAD_CHARS),
    figures: readLibraryFigures(text, targets),
  };
}

/** The page's own parts of a library request: its canonical address, title and headings. */
function readPageParts(): Pick<LibraryRememberRequest, 'canonicalUrl' | 'title' | 'headings'> {
  const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href ?? '';
  const headings = [...document.querySelectorAll('h1, h2, h3')]
    .slice(0, MAX_HEADINGS)
    .map((h) => (h.textContent ?? '').trim().slice(0, 1_000))
    .filter(Boolean);
  return {
    canonicalUrl: /^https?:/.test(canonical) ? canonical : '',
    title: document.title.slice(0, 10_000),
    headings,
  };
}

/**
 * Indexes in `answered` of the targets not in `placed` (a subsequence of it, by identity): the
 * ones whose text was gone when the ranges were placed.
 */
function findDropped(answered: readonly Target[], placed: readonly Target[]): number[] {
  const dropped: number[] = [];
  let p = 0;
  for (let k = 0; k < answered.length; k++) {
    if (placed[p] === answered[k]) p++;
    else dropped.push(k);
  }
  return dropped;
}

/** A cheap signature of a pass's figures: a pass that found the same ones is not sent again. */
function signatureOf(text: string, targets: readonly Target[]): string {
  const first = targets[0];
  const last = targets.at(-1);
  return `${text.length}|${targets.length}|${first?.start}:${first?.text}|${last?.start}:${last?.text}`;
}

/** The library side of one highlight session. */
export class LibraryLink {
  private sent = '';
  private history: Promise<Map<MetricId, HistoryEntry[]>> | null = null;
  private remembered: Promise<unknown> = Promise.resolve();

  /**
   * The library part of the pass's `highlightsUpdated` for the page's figures, `targets` (the
   * highlighted ones of `answered`, the background's answer for `text`), or null when they are
   * the ones last sent (or none, or too many). When it is not null the caller sends it and hands
   * the answer to {@link remember}; the history is asked afresh after that.
   */
  prepare(
    text: string,
    answered: readonly Target[],
    targets: readonly Target[],
  ): LibraryRememberAnalyzedRequest | null {
    if (targets.length === 0 || targets.length > MAX_LIBRARY_FIGURES) return null;
    const signature = signatureOf(text, targets);
    if (signature === this.sent) return null;
    this.sent = signature;
    this.history = null;
    return {
      ...readPageParts(),
      chars: Math.min(text.length, MAX_ANALYZED_CHARS),
      count: answered.length,
      dropped: findDropped(answered, targets),
    };
  }

  /**
   * Follows the background's `answer` to a {@link prepare}d request: when it no longer held the
   * analysis (a restarted service worker), the figures are built here and sent.
   */
  remember(answer: Promise<LibraryRememberAnswer | null>, text: string, targets: readonly Target[]): void {
    this.remembered = answer
      .then((answered) => {
        if (answered && !answered.known)
          return sendMessage('libraryRemember', buildLibraryRequest(text, targets));
      })
      .catch(() => undefined);
  }

  /**
   * The history of every metric among `targets` in the page's jurisdiction, by metric, asked once
   * (after the page was remembered) and kept until the next send. Empty when the background cannot
   * answer or the page is not in the library (paused).
   */
  readHistory(targets: readonly Target[]): Promise<Map<MetricId, HistoryEntry[]>> {
    this.history ??= this.remembered.then(async () => {
      const metrics = [...new Set(targets.map((t) => t.metric).filter((m): m is MetricId => m !== null))];
      const byMetric = new Map<MetricId, HistoryEntry[]>();
      if (metrics.length === 0) return byMetric;
      const answer = await sendMessage('libraryHistory', { metrics }).catch(() => null);
      for (const entry of answer?.entries ?? []) {
        const list = byMetric.get(entry.metric) ?? [];
        list.push(entry);
        byMetric.set(entry.metric, list);
      }
      return byMetric;
    });
    return this.history;
  }
}
