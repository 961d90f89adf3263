/**
 * Opens the side panel (Chrome) or sidebar (Firefox) on one of its tabs, from a click in an
 * extension page (the popup). Both browsers refuse to open it outside a user gesture, so nothing
 * here is awaited before the `open` call: the calls are made in the click's own task.
 *
 * @module
 */
import { browser } from 'wxt/browser';

/** The side panel's tabs, as its `?tab=` names them. */
export type SidePanelTab = 'targets' | 'outline' | 'notes';

/** The browser APIs used, typed here because each exists in one browser only. */
interface PanelApis {
  sidePanel?: {
    setOptions(options: { tabId: number; path: string; enabled: boolean }): Promise<void>;
    open(options: { tabId: number }): Promise<void>;
  };
  sidebarAction?: { setPanel(details: { panel: string }): Promise<void>; open(): Promise<void> };
}

/** The panel page for `tab`, relative to the extension's root. */
export function sidePanelPath(tab: SidePanelTab): `sidepanel.html?tab=${SidePanelTab}` {
  return `sidepanel.html?tab=${tab}`;
}

/**
 * Opens the panel of tab `tabId` on `tab`. Chrome: the tab's panel is pointed at
 * `sidepanel.html?tab=…` and opened; Firefox: the sidebar's page is set and the sidebar opened.
 * Call it synchronously from a click handler. Failures (no such API, no gesture) are ignored: the
 * panel simply stays closed.
 */
export function openSidePanel(tabId: number, tab: SidePanelTab): void {
  const api = browser as unknown as PanelApis;
  const path = sidePanelPath(tab);
  if (api.sidePanel) {
    void api.sidePanel.setOptions({ tabId, path, enabled: true }).catch(() => undefined);
    void api.sidePanel.open({ tabId }).catch(() => undefined);
  } else if (api.sidebarAction) {
    void api.sidebarAction.setPanel({ panel: browser.runtime.getURL(`/${path}`) }).catch(() => undefined);
    void api.sidebarAction.open().catch(() => undefined);
  }
}
