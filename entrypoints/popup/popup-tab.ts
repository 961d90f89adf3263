import { browser } from 'wxt/browser';

/**
 * The tab the popup is about: `?tabId=N` when the popup is opened as a page (tests, keyboard
 * users), else the active tab of the current window; null when there is none.
 */
export async function resolvePopupTabId(search = location.search): Promise<number | null> {
  const fromQuery = Number.parseInt(new URLSearchParams(search).get('tabId') ?? '', 10);
  if (Number.isInteger(fromQuery) && fromQuery >= 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}
