/**
 * The toolbar badge: the number of targets highlighted in the tab's page, set per tab when its
 * reader reports counts, and never set on a page without highlights (a page that is no plan shows
 * no badge at all). The reader reports "off" when its document is hidden (pagehide), which clears
 * the badge when the tab moves on: no tab-wide event (tabs.onUpdated) wakes the background for
 * every page of every tab.
 *
 * @module
 */
import { browser } from 'wxt/browser';
import type { HighlightCounts } from '@/lib/messaging/protocol-page';

/** The badge's colour: the reader UI's orange (the focus highlight's). */
const BADGE_COLOR = '#c2410c';

/** The toolbar button's API: `action` (Chrome MV3) or `browserAction` (Firefox MV2). */
interface BadgeApi {
  setBadgeText(details: { tabId: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { tabId: number; color: string }): Promise<void>;
}

function badgeApi(): BadgeApi | null {
  const api = browser as unknown as { action?: BadgeApi; browserAction?: BadgeApi };
  return api.action ?? api.browserAction ?? null;
}

/** The badge text for `counts`: the target count, `999+` past that, '' for none or highlights off. */
export function badgeTextFor(enabled: boolean, counts: HighlightCounts | null): string {
  const n = enabled && counts ? counts.target : 0;
  if (n <= 0) return '';
  return n > 999 ? '999+' : String(n);
}

/** Shows `counts` on tab `tabId`'s toolbar button (see {@link badgeTextFor}); errors (tab gone) are ignored. */
export async function showTargetBadge(
  tabId: number,
  enabled: boolean,
  counts: HighlightCounts | null,
): Promise<void> {
  const api = badgeApi();
  if (!api) return;
  const text = badgeTextFor(enabled, counts);
  try {
    if (text) await api.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR });
    await api.setBadgeText({ tabId, text });
  } catch {
    // The tab closed between the report and the badge.
  }
}
