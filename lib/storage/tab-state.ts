/**
 * Per-tab page status, kept in `storage.session` so it survives the MV3 worker being stopped
 * between events (per-site choices live in `storage.local`: `items.ts`). The background writes it
 * (`entrypoints/background/page-tab-state.ts`); the popup watches it instead of asking again and
 * again while it is open.
 *
 * @module
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { Detection } from '../detect/detect';
import type { HighlightCounts } from '../messaging/protocol-page';
import { siteChoiceKey } from '../site-prefs/site-choice';

/** What the background remembers about one tab's current document. */
export interface TabState {
  url: string;
  detection: Detection | null;
  injected: boolean;
  enabled: boolean;
  counts: HighlightCounts | null;
}

/** One tab's state, in session storage (gone with the browser session). */
export function tabStateItem(tabId: number) {
  return storage.defineItem<TabState | null>(`session:tab:${tabId}`, { fallback: null });
}

/**
 * Calls `onChange` whenever what the popup shows of tab `tabId` may have changed: its stored state
 * (the gate's verdict, the reader's counts, highlights switched on or off), any site's choice (the
 * options page, another popup), or the tab itself (a new address, a load finished: pages that are
 * not plans store nothing, the popup asks their gate). Nothing polls; returns the remover.
 *
 * Edge cases: several changes at once call `onChange` once per change (callers re-read, so a
 * burst costs a few reads); a tab closed meanwhile just stops producing changes.
 */
export function watchTabStatus(tabId: number, onChange: () => void): () => void {
  const stateKey = `tab:${tabId}`;
  const sitePrefix = siteChoiceKey('');
  const onStorage = (changes: Record<string, unknown>, area: string) => {
    const keys = Object.keys(changes);
    if (area === 'session' ? keys.includes(stateKey) : keys.some((key) => key.startsWith(sitePrefix)))
      onChange();
  };
  const onTab = (id: number, change: { url?: string; status?: string }) => {
    if (id === tabId && (change.url !== undefined || change.status === 'complete')) onChange();
  };
  browser.storage.onChanged.addListener(onStorage);
  browser.tabs.onUpdated.addListener(onTab);
  return () => {
    browser.storage.onChanged.removeListener(onStorage);
    browser.tabs.onUpdated.removeListener(onTab);
  };
}
