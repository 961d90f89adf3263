/**
 * The options page's list of sites: every host with a highlight choice of its own
 * (`site-choice:<host>`) or a remembered script (`convert:settings` → `sites`), from the raw
 * storage entries. Pure.
 *
 * @module
 */
import { parseSettings, SETTINGS_KEY } from './script-choice';
import type { ScriptTarget } from '../convert/targets';
import { parseSiteChoice, siteChoiceKey, type SiteChoice } from './site-choice';

const PREFIX = 'site-choice:';

/** One host's remembered choices. `highlight` null = no choice of its own (automatic applies). */
export interface SiteRow {
  host: string;
  highlight: SiteChoice | null;
  script: { target: ScriptTarget; hidePinyin: boolean } | null;
}

/** The hosts with any remembered choice, sorted by name; a host in both stores is one row. */
export function listSites(entries: Record<string, unknown>): SiteRow[] {
  const rows = new Map<string, SiteRow>();
  const row = (host: string) => {
    const existing = rows.get(host) ?? { host, highlight: null, script: null };
    rows.set(host, existing);
    return existing;
  };
  for (const [key, value] of Object.entries(entries)) {
    if (key.startsWith(PREFIX)) row(key.slice(PREFIX.length)).highlight = parseSiteChoice(value);
  }
  for (const [host, choice] of Object.entries(parseSettings(entries[SETTINGS_KEY]).sites))
    row(host).script = choice;
  return [...rows.values()].sort((a, b) => a.host.localeCompare(b.host));
}

/**
 * The host name typed by the reader, or null when it is not one: a full address gives its host
 * (`https://www.gov.cn/zhengce/` → `www.gov.cn`); case is folded, surrounding space ignored;
 * IP addresses and `localhost` are hosts too.
 */
export function parseHostInput(input: string): string | null {
  const text = input.trim().toLowerCase();
  if (!text) return null;
  let host: string;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//u.test(text) ? text : `http://${text}`).hostname;
  } catch {
    return null;
  }
  return /^[a-z0-9.-]+$/u.test(host) &&
    !host.startsWith('.') &&
    !host.endsWith('.') &&
    (host.includes('.') || host === 'localhost')
    ? host
    : null;
}

/** The storage keys and new `convert:settings` value that forget every choice for `host`. */
export function forgetSite(
  entries: Record<string, unknown>,
  host: string,
): { remove: string[]; set: Record<string, unknown> } {
  const settings = parseSettings(entries[SETTINGS_KEY]);
  const hadScript = host in settings.sites;
  const sites = Object.fromEntries(Object.entries(settings.sites).filter(([h]) => h !== host));
  return { remove: [siteChoiceKey(host)], set: hadScript ? { [SETTINGS_KEY]: { ...settings, sites } } : {} };
}
