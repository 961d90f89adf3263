/**
 * The extension's `browser.storage` keys as typed WXT storage items, for the background. Every read
 * still goes through the owning module's parser (`parseSettings`, `parseSiteChoice`): storage can
 * hold what an older version, or a hand edit, left there, and a malformed value must fall back to
 * "nothing remembered", never break a handler.
 *
 * The gate reads the same two local keys with one raw `storage.local.get` instead: the storage
 * helper would add its code to a script that runs on every page (see `entrypoints/gate.content`).
 *
 * @module
 */
import { storage } from 'wxt/utils/storage';
import { parseSettings, SETTINGS_KEY, type ConvertSettings } from '../site-prefs/script-choice';
import { parseSiteChoice, siteChoiceKey, type SiteChoice } from '../site-prefs/site-choice';

/** The conversion settings (remembered scripts per site, default for plan pages, twp opt-in). */
const convertSettingsItem = storage.defineItem<ConvertSettings>(`local:${SETTINGS_KEY}`, {
  fallback: parseSettings(undefined),
});

/** Reads the conversion settings; a missing or malformed value reads as "nothing remembered". */
export async function readConvertSettings(): Promise<ConvertSettings> {
  return parseSettings(await convertSettingsItem.getValue());
}

/** Stores the conversion settings. */
export async function writeConvertSettings(settings: ConvertSettings): Promise<void> {
  await convertSettingsItem.setValue(settings);
}

/** The always/auto/never choice of one host name (its own key, so sites never race each other). */
function siteChoiceItem(hostname: string) {
  return storage.defineItem<SiteChoice>(`local:${siteChoiceKey(hostname)}`, { fallback: 'auto' });
}

/** The remembered reader choice for `hostname` (automatic when none, or when malformed). */
export async function readSiteChoice(hostname: string): Promise<SiteChoice> {
  return parseSiteChoice(await siteChoiceItem(hostname).getValue());
}

/** Remembers the reader choice for `hostname`. */
export async function writeSiteChoice(hostname: string, choice: SiteChoice): Promise<void> {
  await siteChoiceItem(hostname).setValue(choice);
}
