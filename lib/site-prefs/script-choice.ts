/**
 * The 简/繁 side of a site's preferences: the conversion settings as stored (read tolerating
 * missing or malformed values) and what a page gets when the reader starts. Pure; the highlight
 * side (always / automatic / never) is `site-choice.ts`, both together `site-prefs.ts`.
 *
 * @module
 */
import { isScriptTarget, type ScriptTarget } from '../convert/targets';

/**
 * The script remembered for one site: what it is shown in and whether inline pinyin is hidden.
 * (Not the per-site highlight choice of `site-choice.ts`, which is always/auto/never.)
 */
export interface ScriptChoice {
  target: ScriptTarget;
  hidePinyin: boolean;
}

/** Everything the conversion feature keeps in `browser.storage.local` (key {@link SETTINGS_KEY}). */
export interface ConvertSettings {
  /** Remembered choice per host name. */
  sites: Record<string, ScriptChoice>;
  /** Applied on plan pages of sites without a remembered choice; `null` = leave pages alone. */
  defaultTarget: ScriptTarget | null;
  /** The reader opted in to the Taiwan-phrase variant. */
  twpAllowed: boolean;
}

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
      const c = choice as Partial<ScriptChoice> | null;
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
): ScriptChoice | null {
  const choice =
    settings.sites[host] ??
    (settings.defaultTarget && isPlanPage() ? { target: settings.defaultTarget, hidePinyin: false } : null);
  if (!choice) return null;
  const target: ScriptTarget = choice.target === 'twp' && !settings.twpAllowed ? 'tw' : choice.target;
  if (target === 'original' && !choice.hidePinyin) return null;
  return { target, hidePinyin: choice.hidePinyin };
}
