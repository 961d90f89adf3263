/**
 * Applies a per-site choice made outside the popup (the options page writes `site-choice:<host>`
 * directly) to the tabs already open on that site: "never" turns highlighting off there, "always"
 * turns it on, "automatic" leaves open pages as they are — the same rule the popup follows for its tab.
 *
 * @module
 */
import { browser } from 'wxt/browser';
import { hostnameOf, parseSiteChoice } from '@/lib/site-prefs/site-choice';

const PREFIX = 'site-choice:';

/** Listens for site choices changing in storage and calls `setHighlighting` on the affected tabs. */
export function syncSiteChoicesToTabs(
  setHighlighting: (tabId: number, enabled: boolean) => Promise<void>,
): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    for (const [key, change] of Object.entries(changes)) {
      if (!key.startsWith(PREFIX) || change.newValue === undefined) continue;
      const choice = parseSiteChoice(change.newValue);
      if (choice === 'auto' || change.oldValue === change.newValue) continue;
      const host = key.slice(PREFIX.length);
      void browser.tabs.query({}).then((tabs) => {
        for (const tab of tabs) {
          if (tab.id !== undefined && hostnameOf(tab.url ?? '') === host)
            setHighlighting(tab.id, choice === 'always').catch(() => undefined);
        }
      });
    }
  });
}
