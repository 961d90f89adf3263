/**
 * The browser tab an extension page (the side panel) is about.
 *
 * @module
 */
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';

/**
 * The active tab of the page's window, followed as the user switches tabs; `fixed` pins a tab
 * (the panel opened as a normal tab, e.g. `sidepanel.html?tabId=12`).
 */
export function useActiveTab(fixed: number | null): number | null {
  const [tabId, setTabId] = useState<number | null>(fixed);
  useEffect(() => {
    if (fixed !== null) return;
    const update = async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      setTabId(tab?.id ?? null);
    };
    void update();
    const onActivated = () => void update();
    browser.tabs.onActivated.addListener(onActivated);
    return () => browser.tabs.onActivated.removeListener(onActivated);
  }, [fixed]);
  return tabId;
}
