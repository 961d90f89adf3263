/**
 * Reading the conversion settings from storage, tolerating missing or malformed values, and
 * deciding what a page gets when the reader starts.
 *
 * @module
 */
import type { ConvertSettings, SiteChoice } from '../messaging/protocol-convert';
import { isScriptTarget, type ScriptTarget } from './targets';

/** The `browser.storage.local` key holding {@link ConvertSettings}. */
export const SETTINGS_KEY = 'convert:settings';

/** Settings from a raw stored value; anything malformed falls back to "nothing remembered". */
export function parseSettings(raw: unknown): ConvertSettings {
  const settings: ConvertSettings = { sites: {}, defaultTarget: null, twpAllowed: false };
  if (typeof raw !== 'object' || raw === null) return settings;
  const value = raw as Partial<Record<keyof ConvertSettings, unknown>>;
  if (isScriptTarget(value.defaultTarget)) settings.defaultTarget = value.defaultTarget;
  settings.twpAllowed = value.twpAllowed === true;
  if (typeof value.sites === 'object' && value.sites !== null) {
    for (const [host, choice] of Object.entries(value.sites as Record<string, unknown>)) {
      const c = choice as Partial<SiteChoice> | null;
      if (c && isScriptTarget(c.target))
        settings.sites[host] = { target: c.target, hidePinyin: c.hidePinyin === true };
    }
  }
  return settings;
}

/**
 * What a page on `host` should show when the reader starts: the site's remembered choice, else the
 * default when `isPlanPage()` says the page is a plan (asked only then, since it reads the page),
 * else nothing. twp is only honoured while the opt-in stands.
 */
export function choiceForHost(
  settings: ConvertSettings,
  host: string,
  isPlanPage: () => boolean,
): SiteChoice | null {
  const choice =
    settings.sites[host] ??
    (settings.defaultTarget && isPlanPage() ? { target: settings.defaultTarget, hidePinyin: false } : null);
  if (!choice) return null;
  const target: ScriptTarget = choice.target === 'twp' && !settings.twpAllowed ? 'tw' : choice.target;
  if (target === 'original' && !choice.hidePinyin) return null;
  return { target, hidePinyin: choice.hidePinyin };
}
