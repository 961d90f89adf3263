/**
 * The last text each reader had analysed and the targets found in it, kept in the background for
 * the library: the reader remembers its page with `highlightsUpdated`'s `library` part, naming
 * only the pass's size, and the background reads the figures' context from its own copy instead of the page's
 * thread building them and sending the text a second time (issue #9: the library entry was the
 * largest share of the reader's start-up on a plan page).
 *
 * In memory only, a few senders at once: a service worker that restarted in between knows nothing,
 * and the reader then sends the figures itself (`libraryRemember`).
 *
 * @module
 */
import type { ContentSender } from '../../lib/messaging/dispatch';
import { MAX_LIBRARY_FIGURES } from '../../lib/messaging/protocol-library';
import type { Target } from '../../lib/targets/target';

/** Readers whose last analysis is kept; the oldest is dropped first. */
const MAX_KEPT = 8;

/** One reader's last analysis. */
interface Analysis {
  text: string;
  targets: Target[];
}

const kept = new Map<string, Analysis>();

/** One reader: its tab, frame and document (Chrome names the document; Firefox: its address). */
function keyOf(sender: ContentSender): string {
  return `${sender.tabId}:${sender.frameId}:${sender.documentId ?? sender.url}`;
}

/**
 * Keeps `text` and its `targets` for `sender`'s next library request, replacing its previous one.
 * Analyses the library would not take (no targets, or more than {@link MAX_LIBRARY_FIGURES}) are
 * not kept.
 */
export function keepAnalysis(sender: ContentSender, text: string, targets: Target[]): void {
  const key = keyOf(sender);
  kept.delete(key);
  if (targets.length === 0 || targets.length > MAX_LIBRARY_FIGURES) return;
  kept.set(key, { text, targets });
  for (const oldest of kept.keys()) {
    if (kept.size <= MAX_KEPT) break;
    kept.delete(oldest);
  }
}

/**
 * Takes `sender`'s kept analysis if it is the one the reader names (`chars` characters, `count`
 * targets); null when none matches (never analysed here, dropped, or the worker restarted). The
 * entry is removed: a page that changes analyses again before it remembers again.
 */
export function takeAnalysis(sender: ContentSender, chars: number, count: number): Analysis | null {
  const key = keyOf(sender);
  const analysis = kept.get(key);
  if (!analysis || analysis.text.length !== chars || analysis.targets.length !== count) return null;
  kept.delete(key);
  return analysis;
}
