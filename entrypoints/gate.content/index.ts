import { defineContentScript } from '#imports';
import { browser } from 'wxt/browser';
import { guardContext } from '@/lib/content-script/guard-context';
import { detectPlanPage } from '@/lib/detect/detect';
import { onMessage, sendMessage } from '@/lib/messaging/runtime';
import { parseSiteChoice, siteChoiceKey } from '@/lib/site-prefs/site-choice';
import { samplePage } from '@/lib/text/page-sample';

/** How much page text the detector may read. */
const SAMPLE_LIMIT = 6000;

/**
 * The gate: on every web page, one bounded detection, timed as `planlens:detect`. Plan pages (and
 * pages of sites the user set to "always") are reported to the background, which decides whether
 * to inject the reader; on other pages nothing else happens — the gate only answers if the popup
 * asks what it found. The bundle stays small (no React, no dictionaries, no Dexie).
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // The announcement carries our id to every page; guardContext does the handover instead.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    guardContext(ctx, 'gate');
    const start = performance.now();
    const detection = detectPlanPage(samplePage(document, SAMPLE_LIMIT));
    performance.measure('planlens:detect', { start, end: performance.now() });
    const url = location.href;
    ctx.onInvalidated(onMessage('getDetection', () => ({ url, detection })));
    if (!detection.match && !(await isAlwaysOnSite(location.hostname))) return;
    // A background that is restarting or an extension being reloaded must not break the page.
    sendMessage('pageDetected', { url, detection }).catch(() => undefined);
  },
});

/** Whether the user chose "always on" for this site (read locally: no background wake-up). */
async function isAlwaysOnSite(hostname: string): Promise<boolean> {
  const key = siteChoiceKey(hostname);
  try {
    return parseSiteChoice((await browser.storage.local.get(key))[key]) === 'always';
  } catch {
    return false;
  }
}
