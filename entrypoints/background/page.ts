/**
 * The page feature in the background: takes the gate's verdict (sent for plan pages and
 * "always" sites only), decides with the per-site choice
 * whether to inject the reader, keeps each tab's status for the popup, and turns highlights on/off
 * from the popup, the context menu and the `toggle-highlights` command.
 *
 * @module
 */
import { browser } from 'wxt/browser';
import { onMessage, sendTabMessage } from '@/lib/messaging/runtime';
import type { PageStatus } from '@/lib/messaging/protocol-page';
import { hostnameOf, shouldAutoStart } from '@/lib/site-prefs/site-choice';
import { ensureReader } from './reader-injection';
import {
  emptyTabState,
  forgetTab,
  readSiteChoice,
  readTabState,
  updateTabState,
  writeSiteChoice,
} from './page-tab-state';

const MENU_TOGGLE = 'page-toggle-highlights';
const COMMAND_TOGGLE = 'toggle-highlights';

/** Registers the background's page message handlers, the context menu and the shortcut. */
export function registerPageHandlers(): void {
  onMessage('pageDetected', async ({ url, detection, documentToken }, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined || sender.frameId !== 0) return null;
    // A gate run means a new document: whatever reader the tab had is gone with the old one.
    await updateTabState(tabId, { ...emptyTabState(url), detection });
    if (shouldAutoStart(await readSiteChoice(hostnameOf(url)), detection)) {
      // Into the document that reported, even if the user has moved on since (then: nowhere).
      const { documentId } = sender as { documentId?: string };
      if (await ensureReader(tabId, { documentId, documentToken: String(documentToken) })) {
        await updateTabState(tabId, { injected: true });
      }
    }
    return null;
  });
  onMessage('highlightsUpdated', async ({ enabled, counts }, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined || sender.frameId !== 0) return null;
    await updateTabState(tabId, { injected: true, enabled, counts });
    return null;
  });
  onMessage('getPageStatus', ({ tabId }) => readPageStatus(tabId));
  onMessage('setPageEnabled', async ({ tabId, enabled }) => {
    await setHighlighting(tabId, enabled);
    return readPageStatus(tabId);
  });
  onMessage('setSiteChoice', async ({ tabId, choice }) => {
    const hostname = hostnameOf(await urlOfTab(tabId));
    if (!hostname) throw new Error('PlanLens only runs on http(s) pages');
    await writeSiteChoice(hostname, choice);
    // Apply the choice to the page in front of the user; `auto` leaves the page as it is.
    if (choice === 'always') await setHighlighting(tabId, true);
    if (choice === 'never') await setHighlighting(tabId, false);
    return readPageStatus(tabId);
  });

  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command === COMMAND_TOGGLE) void toggleActiveTab(tab?.id);
  });
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: MENU_TOGGLE,
      title: browser.i18n.getMessage('menuToggleHighlights') || 'Highlight numeric targets on this page',
      contexts: ['page', 'selection'],
      documentUrlPatterns: ['http://*/*', 'https://*/*'],
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_TOGGLE) void toggleActiveTab(tab?.id);
  });
}

/** The popup's view of a tab. */
async function readPageStatus(tabId: number): Promise<PageStatus> {
  const url = await urlOfTab(tabId);
  const hostname = hostnameOf(url);
  // What the background stored belongs to the tab's current page only if the URL still matches;
  // pages the gate did not report (not plans) are asked directly.
  const stored = await readTabState(tabId);
  const state = stored.url === url ? stored : emptyTabState(url);
  const detection = state.detection ?? (hostname ? await askGate(tabId, url) : null);
  // The stored state can lag (a worker restart, a reader that died with its page): ask the page.
  const live = hostname ? await pingReader(tabId) : null;
  return {
    tabId,
    url,
    hostname,
    detection,
    injected: live !== null,
    enabled: live?.enabled ?? false,
    counts: live?.counts ?? state.counts,
    siteChoice: await readSiteChoice(hostname),
    supported: hostname !== '',
  };
}

/** The gate's verdict for the page in the tab, or null when no gate answers (or another page does). */
async function askGate(tabId: number, url: string) {
  try {
    const answer = await sendTabMessage(tabId, 'getDetection', {});
    return answer.url === url ? answer.detection : null;
  } catch {
    return null;
  }
}

/** Shows or removes highlights in a tab, injecting the reader to show them if it is not there. */
async function setHighlighting(tabId: number, enabled: boolean): Promise<void> {
  const live = await pingReader(tabId);
  if (live) {
    const result = await sendTabMessage(tabId, 'setHighlighting', { enabled });
    await updateTabState(tabId, { injected: true, ...result });
  } else if (enabled && (await ensureReader(tabId))) {
    await updateTabState(tabId, { injected: true });
  }
}

async function toggleActiveTab(tabId: number | undefined): Promise<void> {
  const id = tabId ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (id === undefined) return;
  const live = await pingReader(id);
  await setHighlighting(id, !(live?.enabled ?? false));
}

/** The reader's state, or null when no reader answers in the tab's top frame. */
async function pingReader(tabId: number) {
  try {
    return await sendTabMessage(tabId, 'getHighlighting', {});
  } catch {
    return null;
  }
}

async function urlOfTab(tabId: number): Promise<string> {
  try {
    return (await browser.tabs.get(tabId)).url ?? '';
  } catch {
    return '';
  }
}
