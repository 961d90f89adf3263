/**
 * What the reader tells the library about its page, and what it asks back: built once per pass
 * from the model already made for highlighting (no second read of the page), sent from an idle
 * callback after the highlights are shown, and only when the figures changed since the last send.
 * The metric history a card shows is asked for lazily, on the first card with a metric.
 *
 * @module
 */
import { readLibraryFigures } from '@/lib/db/library';
import type { HistoryEntry, LibraryRememberRequest } from '@/lib/messaging/protocol-library';
import { sendMessage } from '@/lib/messaging/runtime';
import type { MetricId } from '@/lib/targets/metric';
import type { Target } from '@/lib/targets/target';

/** The opening of the text the background reads the document's fields and fingerprint from. */
const HEAD_CHARS = 3000;
/**
 * Pages with more highlights than this are not remembered: real plans and reports carry a few
 * hundred figures (seed 002: 274), and building and sending ten thousand in one message is a long
 * task on the page's thread (tests/browser/hostile-pages.test.ts, the 10,000-target page: ~65 ms).
 */
const MAX_REMEMBERED_FIGURES = 2_000;
/** Headings sent at most (the title is among the first). */
const MAX_HEADINGS = 40;

/** The library request for a page whose article text is `text` and whose highlights are `targets`. */
export function buildLibraryRequest(text: string, targets: readonly Target[]): LibraryRememberRequest {
  const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href ?? '';
  const headings = [...document.querySelectorAll('h1, h2, h3')]
    .slice(0, MAX_HEADINGS)
    .map((h) => (h.textContent ?? '').trim().slice(0, 1_000))
    .filter(Boolean);
  return {
    canonicalUrl: /^https?:/.test(canonical) ? canonical : '',
    title: document.title.slice(0, 10_000),
    headings,
    head: text.slice(0, HEAD_CHARS),
    figures: readLibraryFigures(text, targets),
  };
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

  /** Sends the page's figures (if they changed since the last send); the history is asked afresh after it. */
  remember(text: string, targets: readonly Target[]): void {
    if (targets.length === 0 || targets.length > MAX_REMEMBERED_FIGURES) return;
    const signature = signatureOf(text, targets);
    if (signature === this.sent) return;
    this.sent = signature;
    this.history = null;
    this.remembered = sendMessage('libraryRemember', buildLibraryRequest(text, targets)).catch(
      () => undefined,
    );
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
