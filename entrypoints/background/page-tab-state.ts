/**
 * Per-tab page status, kept in `storage.session` so it survives the MV3 worker being stopped
 * between events. (Per-site choices live in `storage.local`: `lib/storage/items.ts`.)
 *
 * @module
 */
import { storage } from 'wxt/utils/storage';
import type { Detection } from '@/lib/detect/detect';
import type { HighlightCounts } from '@/lib/messaging/protocol-page';

/** What the background remembers about one tab's current document. */
export interface TabState {
  url: string;
  detection: Detection | null;
  injected: boolean;
  enabled: boolean;
  counts: HighlightCounts | null;
}

/** One tab's state, in session storage (gone with the browser session). */
const tabItem = (tabId: number) =>
  storage.defineItem<TabState | null>(`session:tab:${tabId}`, { fallback: null });

/** A fresh state for a document that just started loading. */
export function emptyTabState(url = ''): TabState {
  return { url, detection: null, injected: false, enabled: false, counts: null };
}

/** Reads a tab's state (an empty one when nothing is stored). */
export async function readTabState(tabId: number): Promise<TabState> {
  return (await tabItem(tabId).getValue()) ?? emptyTabState();
}

/** Pending read-modify-writes per tab: events for one tab arrive together (gate, reader, popup). */
const writes = new Map<number, Promise<unknown>>();

/**
 * Merges `patch` into a tab's state and returns the result. Updates to one tab run one after the
 * other, so two patches arriving together cannot overwrite each other's fields with stale values.
 */
export function updateTabState(tabId: number, patch: Partial<TabState>): Promise<TabState> {
  const previous = writes.get(tabId) ?? Promise.resolve();
  const next = previous
    .catch(() => undefined)
    .then(async () => {
      const state = { ...(await readTabState(tabId)), ...patch };
      await tabItem(tabId).setValue(state);
      return state;
    });
  writes.set(tabId, next);
  const forget = () => {
    if (writes.get(tabId) === next) writes.delete(tabId);
  };
  next.then(forget, forget);
  return next;
}

/** Forgets a closed tab. */
export async function forgetTab(tabId: number): Promise<void> {
  await tabItem(tabId).removeValue();
}
