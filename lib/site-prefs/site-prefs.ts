/**
 * Everything remembered about one site, from raw `browser.storage.local` entries: the highlight
 * choice (`site-choice.ts`) and the 简/繁 choice (`script-choice.ts`). Pure: the caller reads the
 * keys {@link sitePrefKeys} names (the gate does it with one `storage.local.get` on every page).
 *
 * @module
 */
import { choiceForHost, parseSettings, SETTINGS_KEY } from './script-choice';
import { parseSiteChoice, siteChoiceKey, type SiteChoice } from './site-choice';

/** What a page of a site needs to know before the reader starts. */
export interface SitePrefs {
  /** always / auto / never; `auto` when nothing (or something malformed) is stored. */
  highlight: SiteChoice;
  /** A 简/繁 choice is remembered for this very host (the reader must start to apply it). */
  scriptRemembered: boolean;
}

/** The storage keys {@link sitePrefsOf} reads for `hostname`. */
export function sitePrefKeys(hostname: string): string[] {
  return [siteChoiceKey(hostname), SETTINGS_KEY];
}

/**
 * The preferences of `hostname` from the entries stored under {@link sitePrefKeys}. Edge cases:
 * missing or malformed entries read as nothing remembered; a remembered "original, pinyin kept"
 * changes nothing on the page and does not count as remembered.
 */
export function sitePrefsOf(entries: Record<string, unknown>, hostname: string): SitePrefs {
  const settings = parseSettings(entries[SETTINGS_KEY]);
  return {
    highlight: parseSiteChoice(entries[siteChoiceKey(hostname)]),
    scriptRemembered: hostname in settings.sites && choiceForHost(settings, hostname, () => false) !== null,
  };
}
