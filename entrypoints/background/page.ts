/**
 * The page feature in the background: scores the gate's page sample (sent for pages with Chinese
 * text only, so the detector runs here instead of on the page's thread), takes the gate's verdict
 * (sent for plan pages, "always" sites and sites with a remembered 简/繁 choice only), decides
 * with the per-site choices whether to inject the reader, keeps each tab's status for the popup, and turns highlights on/off
 * from the popup, the context menu and the `toggle-highlights` command.
 *
 * @module
 */
import { browser } from 'wxt/browser';
import { askTab, type BackgroundRoutes } from '@/lib/messaging/runtime';
import { CONTENT_SCHEMAS, TAB_ANSWER_SCHEMAS } from '@/lib/messaging/schemas';
import { manifestStrings } from '@/lib/i18n/strings';
import { loadUiLocale } from '@/lib/settings/items';
import { syncSiteChoicesToTabs } from './site-choice-sync';
import type { PageStatus } from '@/lib/messaging/protocol-page';
import { hostnameOf, shouldAutoStart } from '@/lib/site-prefs/site-choice';
import { readSiteChoice, writeSiteChoice } from '@/lib/storage/items';
import { emptyTabState, forgetTab, readTabState, updateTabState } from './page-tab-state';
import { countNotesOfPage } from './notes-store';
import { ensureReader, injectReaderFeature } from './reader-injection';
import { showTargetBadge } from './badge';
import { rememberAnalyzed } from './library';
import { scoreGateSample } from './score-sample';

const MENU_TOGGLE = 'page-toggle-highlights';
const COMMAND_TOGGLE = 'toggle-highlights';

/** The page feature's messages: the gate's verdict, the reader's counts and the popup's questions. */
export function pageRoutes(): Pick<
  BackgroundRoutes,
  | 'scorePageSample'
  | 'pageDetected'
  | 'highlightsUpdated'
  | 'readerLoadFeature'
  | 'getPageStatus'
  | 'setPageEnabled'
  | 'setSiteChoice'
> {
  return {
    scorePageSample: {
      from: 'content',
      schema: CONTENT_SCHEMAS.scorePageSample,
      handle: scoreGateSample,
    },
    pageDetected: {
      from: 'content',
      schema: CONTENT_SCHEMAS.pageDetected,
      handle: async ({ url, detection, documentToken, scriptRemembered, notedSite }, sender) => {
        if (sender.frameId !== 0) return null;
        // A gate run means a new document: whatever reader the tab had is gone with the old one.
        await updateTabState(sender.tabId, { ...emptyTabState(url), detection });
        const choice = await readSiteChoice(hostnameOf(url));
        const autoStart = shouldAutoStart(choice, detection);
        // A remembered 简/繁 choice needs the reader too: it applies the choice when it starts. So
        // do the page's own notes (the sender's address, never one it names), highlights off.
        const notesOnly =
          !autoStart &&
          scriptRemembered !== true &&
          notedSite === true &&
          choice !== 'never' &&
          (await countNotesOfPage(sender.url)) > 0;
        if (!autoStart && scriptRemembered !== true && !notesOnly) return null;
        // Into the document that reported, even if the user has moved on since (then: nowhere).
        const target = { documentId: sender.documentId, documentToken, notesOnly };
        if (await ensureReader(sender.tabId, target)) await updateTabState(sender.tabId, { injected: true });
        return null;
      },
    },
    // A running reader's on-demand feature file, into the sender's own document only.
    readerLoadFeature: {
      from: 'content',
      schema: CONTENT_SCHEMAS.readerLoadFeature,
      handle: async ({ feature }, sender) => {
        await injectReaderFeature(sender, feature);
        return true as const;
      },
    },
    highlightsUpdated: {
      from: 'content',
      schema: CONTENT_SCHEMAS.highlightsUpdated,
      handle: async ({ enabled, counts, library }, sender) => {
        const showCounts = async () => {
          if (sender.frameId !== 0) return;
          await updateTabState(sender.tabId, { injected: true, enabled, counts });
          await showTargetBadge(sender.tabId, enabled, counts);
        };
        // The library part rides along to spare the page a message (see the protocol).
        const [remembered] = await Promise.all([
          library ? rememberAnalyzed(library, sender) : null,
          showCounts(),
        ]);
        return remembered;
      },
    },
    getPageStatus: { from: 'extension', handle: ({ tabId }) => readPageStatus(tabId) },
    setPageEnabled: {
      from: 'extension',
      handle: async ({ tabId, enabled }) => {
        await setHighlighting(tabId, enabled);
        return readPageStatus(tabId);
      },
    },
    setSiteChoice: {
      from: 'extension',
      handle: async ({ tabId, choice }) => {
        const hostname = hostnameOf(await urlOfTab(tabId));
        if (!hostname) throw new Error('PlanLens only runs on http(s) pages');
        await writeSiteChoice(hostname, choice);
        // Apply the choice to the page in front of the user; `auto` leaves the page as it is.
        if (choice === 'always') await setHighlighting(tabId, true);
        if (choice === 'never') await setHighlighting(tabId, false);
        return readPageStatus(tabId);
      },
    },
  };
}

/** Registers the page feature's context menu, shortcut and closed-tab clean-up. */
export function registerPageUi(): void {
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
  syncSiteChoicesToTabs(setHighlighting);
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command === COMMAND_TOGGLE) void toggleActiveTab(tab?.id);
  });
  browser.runtime.onInstalled.addListener(async () => {
    browser.contextMenus.create({
      id: MENU_TOGGLE,
      title: manifestStrings(await loadUiLocale()).menuToggleHighlights,
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
    const answer = await askTab(tabId, 'getDetection', {}, TAB_ANSWER_SCHEMAS.getDetection);
    return answer.url === url ? answer.detection : null;
  } catch {
    return null;
  }
}

/** Shows or removes highlights in a tab, injecting the reader to show them if it is not there. */
async function setHighlighting(tabId: number, enabled: boolean): Promise<void> {
  const live = await pingReader(tabId);
  if (live) {
    const result = await askTab(tabId, 'setHighlighting', { enabled }, TAB_ANSWER_SCHEMAS.setHighlighting);
    await updateTabState(tabId, { injected: true, ...result });
    await showTargetBadge(tabId, result.enabled, result.counts);
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
    return await askTab(tabId, 'getHighlighting', {}, TAB_ANSWER_SCHEMAS.getHighlighting);
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
