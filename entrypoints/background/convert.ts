import { browser } from 'wxt/browser';
import { detectScript } from '../../lib/convert/detect-script';
import { hasPinyin } from '../../lib/convert/pinyin';
import { nextTarget, type ScriptTarget } from '../../lib/convert/targets';
import type { ConvertStatus } from '../../lib/convert/status';
import { askTab, type BackgroundRoutes } from '../../lib/messaging/runtime';
import { CONTENT_SCHEMAS, TAB_ANSWER_SCHEMAS } from '../../lib/messaging/schemas';
import { readConvertSettings, writeConvertSettings } from '../../lib/storage/items';
import { convertStrings } from '../../lib/i18n/strings';
import { loadUiLocale } from '../../lib/settings/items';
import { convertTexts } from './convert-engine';
import { ensureReader } from './reader-injection';

const MENU_PARENT = 'convert';
const MENU_TARGETS: ScriptTarget[] = ['cn', 'tw', 'hk', 'original'];

/**
 * The convert feature's messages: batch conversion for readers, target switching and settings for
 * the popup.
 */
export function convertRoutes(): Pick<
  BackgroundRoutes,
  'convertTexts' | 'convertSetTarget' | 'convertGetStatus' | 'convertGetSettings' | 'convertAllowTwp'
> {
  return {
    convertTexts: {
      from: 'content',
      schema: CONTENT_SCHEMAS.convertTexts,
      handle: async ({ preset, texts }) => ({ texts: await convertTexts(preset, texts) }),
    },
    convertSetTarget: { from: 'extension', handle: (request) => setTarget(request) },
    convertGetStatus: { from: 'extension', handle: ({ tabId }) => readStatus(tabId) },
    convertGetSettings: {
      from: 'extension',
      handle: async ({ tabId }) => {
        const settings = await readConvertSettings();
        const host = tabId === undefined ? null : await hostOf(tabId);
        return { ...settings, siteRemembered: host !== null && host in settings.sites };
      },
    },
    convertAllowTwp: {
      from: 'extension',
      handle: async ({ allowed }) => {
        await writeConvertSettings({ ...(await readConvertSettings()), twpAllowed: allowed });
        return null;
      },
    },
  };
}

/**
 * Registers the cycle-script shortcut and the context menu. A remembered choice is re-applied
 * when a page of that site loads because the gate reports such pages (`pageDetected` with
 * `scriptRemembered`): no `tabs.onUpdated` listener wakes the background for every tab update.
 */
export function registerConvertUi(): void {
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== 'cycle-script') return;
    void cycleScript(tab?.id);
  });

  browser.runtime.onInstalled.addListener(() => void createMenus());
  browser.contextMenus.onClicked.addListener((info, tab) => {
    const id = String(info.menuItemId);
    const target = id.slice(MENU_PARENT.length + 1) as ScriptTarget;
    if (!id.startsWith(`${MENU_PARENT}-`) || !MENU_TARGETS.includes(target) || tab?.id === undefined) return;
    void setTarget({ tabId: tab.id, target });
  });
}

async function createMenus(): Promise<void> {
  const strings = convertStrings(await loadUiLocale());
  browser.contextMenus.create({
    id: MENU_PARENT,
    title: strings.menuParent,
    contexts: ['page', 'selection'],
  });
  for (const target of MENU_TARGETS) {
    browser.contextMenus.create({
      id: `${MENU_PARENT}-${target}`,
      parentId: MENU_PARENT,
      title: strings.targets[target],
      contexts: ['page', 'selection'],
    });
  }
}

async function hostOf(tabId: number): Promise<string | null> {
  const tab = await browser.tabs.get(tabId);
  if (!tab.url) return null;
  const url = new URL(tab.url);
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.hostname : null;
}

/**
 * The tab's conversion status. Without a reader in the page (nothing converted yet), the script is
 * detected from a text sample read by a one-off function, so opening the popup does not start the
 * reader (and its other features) on pages the user did not ask PlanLens into.
 */
async function readStatus(tabId: number): Promise<ConvertStatus | null> {
  try {
    return await askTab(tabId, 'convertReadStatus', {}, TAB_ANSWER_SCHEMAS.convertReadStatus);
  } catch {
    // No reader yet: sample the page below.
  }
  try {
    const [injection] = await browser.scripting.executeScript({
      target: { tabId },
      func: () => (document.body?.innerText ?? '').slice(0, 20_000),
    });
    const sample = typeof injection?.result === 'string' ? injection.result : '';
    return {
      detected: detectScript(sample),
      target: 'original',
      hidePinyin: false,
      hasPinyin: hasPinyin(sample),
    };
  } catch {
    return null; // chrome://, the web store, a PDF viewer…: nothing we may touch
  }
}

async function setTarget(request: {
  tabId: number;
  target: ScriptTarget;
  hidePinyin?: boolean;
  rememberSite?: boolean;
  rememberDefault?: boolean;
}): Promise<ConvertStatus> {
  const { tabId, target } = request;
  const settings = await readConvertSettings();
  if (target === 'twp' && !settings.twpAllowed) {
    throw new Error('Taiwan phrases rewrite vocabulary: opt in first (convertAllowTwp).');
  }
  // Top frame only: its converter walks same-origin frames itself (others are not ours to read).
  if (!(await ensureReader(tabId))) throw new Error('PlanLens cannot run in this tab');
  // ensureReader resolved: every feature of the reader answers now (see reader-injection).
  const hidePinyin =
    request.hidePinyin ??
    (await askTab(tabId, 'convertReadStatus', {}, TAB_ANSWER_SCHEMAS.convertReadStatus)).hidePinyin;
  const status = await askTab(tabId, 'convertApply', { target, hidePinyin }, TAB_ANSWER_SCHEMAS.convertApply);
  const host = await hostOf(tabId);
  let changed = false;
  if (
    host !== null &&
    (request.rememberSite === true || (request.rememberSite === undefined && host in settings.sites))
  ) {
    settings.sites[host] = { target, hidePinyin };
    changed = true;
  } else if (host !== null && request.rememberSite === false && host in settings.sites) {
    const { [host]: _forgotten, ...others } = settings.sites;
    settings.sites = others;
    changed = true;
  }
  if (request.rememberDefault !== undefined) {
    settings.defaultTarget = request.rememberDefault ? target : null;
    changed = true;
  }
  if (changed) await writeConvertSettings(settings);
  return status;
}

async function cycleScript(tabId: number | undefined): Promise<void> {
  if (tabId === undefined) return;
  const status = await readStatus(tabId);
  if (!status) return;
  const { twpAllowed } = await readConvertSettings();
  await setTarget({ tabId, target: nextTarget(status.target, twpAllowed, status.detected) });
}
