/**
 * The background's writes of the per-tab page status (the item and its type live in
 * `lib/storage/tab-state.ts`, which the popup watches).
 *
 * @module
 */
import { tabStateItem as tabItem, type TabState } from '@/lib/storage/tab-state';

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
