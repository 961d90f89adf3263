import { browser } from 'wxt/browser';
import { detectScript } from '../../lib/convert/detect-script';
import { convertStrings, pickUiLanguage } from '../../lib/convert/labels';
import { hasPinyin } from '../../lib/convert/pinyin';
import { choiceForHost, parseSettings, SETTINGS_KEY } from '../../lib/convert/settings';
import { isEnginePreset, nextTarget, type ScriptTarget } from '../../lib/convert/targets';
import type { ConvertSettings, ConvertStatus } from '../../lib/messaging/protocol-convert';
import { onMessage, sendTabMessage } from '../../lib/messaging/runtime';
import { convertTexts } from './convert-engine';
import { ensureReader } from './reader-injection';

const MENU_PARENT = 'convert';
const MENU_TARGETS: ScriptTarget[] = ['cn', 'tw', 'hk', 'original'];

/**
 * Registers the background's convert handlers: batch conversion for readers, target switching for
 * the popup, the cycle-script shortcut, the context menu, and re-applying a remembered choice when
 * a page of that site loads.
 */
export function registerConvertHandlers(): void {
  onMessage('convertTexts', ({ preset, texts }) => {
    if (!isEnginePreset(preset) || !Array.isArray(texts)) throw new Error('convertTexts: bad request');
    return convertTexts(preset, texts).then((out) => ({ texts: out }));
  });
  onMessage('convertSetTarget', (request) => setTarget(request));
  onMessage('convertGetStatus', ({ tabId }) => readStatus(tabId));
  onMessage('convertGetSettings', async ({ tabId }) => {
    const settings = await loadSettings();
    const host = tabId === undefined ? null : await hostOf(tabId);
    return { ...settings, siteRemembered: host !== null && host in settings.sites };
  });
  onMessage('convertAllowTwp', async ({ allowed }) => {
    await saveSettings({ ...(await loadSettings()), twpAllowed: allowed });
    return null;
  });

  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== 'cycle-script') return;
    void cycleScript(tab?.id);
  });

  browser.runtime.onInstalled.addListener(() => createMenus());
  browser.contextMenus.onClicked.addListener((info, tab) => {
    const id = String(info.menuItemId);
    const target = id.slice(MENU_PARENT.length + 1) as ScriptTarget;
    if (!id.startsWith(`${MENU_PARENT}-`) || !MENU_TARGETS.includes(target) || tab?.id === undefined) return;
    void setTarget({ tabId: tab.id, target });
  });

  // The reader of a remembered site is brought back on every load, so the choice survives reloads
  // even on pages the gate does not treat as plans.
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status !== 'complete' || !tab.url) return;
    void reapplyRemembered(tabId, tab.url);
  });
}

function createMenus(): void {
  const strings = convertStrings(pickUiLanguage(browser.i18n.getUILanguage()));
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

async function loadSettings(): Promise<ConvertSettings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return parseSettings(stored[SETTINGS_KEY]);
}

async function saveSettings(settings: ConvertSettings): Promise<void> {
  await browser.storage.local.set({ [SETTINGS_KEY]: settings });
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
    return await sendTabMessage(tabId, 'convertReadStatus', {});
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
  const settings = await loadSettings();
  if (target === 'twp' && !settings.twpAllowed) {
    throw new Error('Taiwan phrases rewrite vocabulary: opt in first (convertAllowTwp).');
  }
  // Top frame only: its converter walks same-origin frames itself (others are not ours to read).
  if (!(await ensureReader(tabId))) throw new Error('PlanLens cannot run in this tab');
  const hidePinyin = request.hidePinyin ?? (await sendTabMessage(tabId, 'convertReadStatus', {})).hidePinyin;
  const status = await sendTabMessage(tabId, 'convertApply', { target, hidePinyin });
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
  if (changed) await saveSettings(settings);
  return status;
}

async function cycleScript(tabId: number | undefined): Promise<void> {
  if (tabId === undefined) return;
  const status = await readStatus(tabId);
  if (!status) return;
  const { twpAllowed } = await loadSettings();
  await setTarget({ tabId, target: nextTarget(status.target, twpAllowed, status.detected) });
}

async function reapplyRemembered(tabId: number, url: string): Promise<void> {
  const { protocol, hostname } = new URL(url);
  if (protocol !== 'http:' && protocol !== 'https:') return;
  const settings = await loadSettings();
  // Plan pages get the default from the reader the page feature injects; here only remembered sites.
  if (!(hostname in settings.sites) || !choiceForHost(settings, hostname, () => false)) return;
  // The reader applies the remembered choice itself when it starts; only in the page that loaded.
  await ensureReader(tabId, { url });
}
