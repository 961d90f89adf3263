/**
 * Per-tab page status, kept in `storage.session` so it survives the MV3 worker being stopped
 * between events, and per-site choices in `storage.local` (they outlive the browser session).
 *
 * @module
 */
import { browser } from 'wxt/browser';
import type { Detection } from '@/lib/detect/detect';
import type { HighlightCounts } from '@/lib/messaging/protocol-page';
import { parseSiteChoice, siteChoiceKey, type SiteChoice } from '@/lib/site-prefs/site-choice';

/** What the background remembers about one tab's current document. */
export interface TabState {
  url: string;
  detection: Detection | null;
  injected: boolean;
  enabled: boolean;
  counts: HighlightCounts | null;
}

const tabKey = (tabId: number) => `tab:${tabId}`;

/** A fresh state for a document that just started loading. */
export function emptyTabState(url = ''): TabState {
  return { url, detection: null, injected: false, enabled: false, counts: null };
}

/** Reads a tab's state (an empty one when nothing is stored). */
export async function readTabState(tabId: number): Promise<TabState> {
  const key = tabKey(tabId);
  const stored = (await browser.storage.session.get(key))[key] as TabState | undefined;
  return stored ?? emptyTabState();
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
      await browser.storage.session.set({ [tabKey(tabId)]: state });
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
  await browser.storage.session.remove(tabKey(tabId));
}

/** The remembered choice for `hostname` (automatic when none). */
export async function readSiteChoice(hostname: string): Promise<SiteChoice> {
  const key = siteChoiceKey(hostname);
  return parseSiteChoice((await browser.storage.local.get(key))[key]);
}

/** Remembers the choice for `hostname`. */
export async function writeSiteChoice(hostname: string, choice: SiteChoice): Promise<void> {
  await browser.storage.local.set({ [siteChoiceKey(hostname)]: choice });
}
