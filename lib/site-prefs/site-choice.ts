/**
 * The per-site choice (always on / automatic / never) and the decision it drives. Pure: the
 * background stores the choice in `browser.storage.local` under {@link siteChoiceKey}.
 *
 * @module
 */
import type { Detection } from '../detect/detect';

/** `always`: read every page of the site; `auto`: only detected plan pages; `never`: not even those. */
export type SiteChoice = 'always' | 'auto' | 'never';

/** Every choice, in the order the popup lists them. */
export const SITE_CHOICES: readonly SiteChoice[] = ['auto', 'always', 'never'];

/** The choice for a site nobody has configured. */
export const DEFAULT_SITE_CHOICE: SiteChoice = 'auto';

/**
 * The storage key for a hostname's choice. Hostnames are lower-cased and a leading `www.` is kept
 * (www.gov.cn and gov.cn can be different sites); an empty hostname still gets a key of its own.
 */
export function siteChoiceKey(hostname: string): string {
  return `site-choice:${hostname.toLowerCase()}`;
}

/** Narrows an unknown stored value to a choice, falling back to the default for anything else. */
export function parseSiteChoice(value: unknown): SiteChoice {
  return value === 'always' || value === 'auto' || value === 'never' ? value : DEFAULT_SITE_CHOICE;
}

/**
 * Should the reader start on its own for this page? `always` → yes, `never` → no, `auto` → only when
 * the gate detected a plan page (a missing detection counts as no).
 */
export function shouldAutoStart(choice: SiteChoice, detection: Detection | null): boolean {
  if (choice === 'always') return true;
  if (choice === 'never') return false;
  return detection?.match === true;
}

/**
 * The hostname of an http(s) URL, or '' for anything else (chrome://, file:, about:blank, junk) —
 * PlanLens only runs on web pages.
 */
export function hostnameOf(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.hostname.toLowerCase() : '';
  } catch {
    return '';
  }
}
