import { defineContentScript } from '#imports';
import { browser } from 'wxt/browser';
import { guardContext } from '@/lib/content-script/guard-context';
import { publishPageVerdict } from '@/lib/content-script/page-verdict';
import { detectPlanPage } from '@/lib/detect/detect';
import { onMessage, sendMessage } from '@/lib/messaging/runtime';
import { sitePrefKeys, sitePrefsOf } from '@/lib/site-prefs/site-prefs';
import { isNotedSite, NOTED_SITES_KEY } from '@/lib/site-prefs/noted-sites';
import { samplePage } from '@/lib/dom/page-sample';
import { isPdfReaderSite } from '@/lib/pdf/pdf-sites';
import { SETTINGS_KEYS } from '@/lib/settings/keys';

/** How much page text the detector may read. */
const SAMPLE_LIMIT = 6000;

/**
 * The gate: on every web page, one bounded detection, timed as `planlens:detect`. Plan pages (and
 * pages of sites the user set to "always", remembered a 简/繁 choice for, or has notes on) are
 * reported to the background, which decides whether to inject the reader; on other pages nothing else happens —
 * the gate only answers if the popup asks what it found. The bundle stays small (no React, no dictionaries, no Dexie).
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // The announcement carries our id to every page; guardContext does the handover instead.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    guardContext(ctx, 'gate');
    // The browser's PDF viewer (Chromium runs content scripts in its top document): a PDF known by
    // its content type, whatever its address, from a site chosen for the reader opens there.
    if (window === window.top && document.contentType === 'application/pdf' && (await isReaderSite())) {
      sendMessage('pdfDocumentShown', {}).catch(() => undefined);
      return;
    }
    // A frameset page's text is in its frames, which may still be loading at document_idle.
    if (document.body?.localName === 'frameset' && document.readyState !== 'complete')
      await new Promise((resolve) => ctx.addEventListener(window, 'load', resolve, { once: true }));
    const start = performance.now();
    const detection = detectPlanPage(samplePage(document, SAMPLE_LIMIT));
    performance.measure('planlens:detect', { start, end: performance.now() });
    publishPageVerdict(detection);
    const url = location.href;
    // Names this document, so the background injects the reader into it and no later one.
    // (crypto.randomUUID exists only in secure contexts: many gov portals are still plain http.)
    const documentToken = [...crypto.getRandomValues(new Uint32Array(4))].map((n) => n.toString(36)).join('');
    (globalThis as GateWorld).__planlensDocumentToken = documentToken;
    ctx.onInvalidated(onMessage('getDetection', () => ({ url, detection })));
    const site = await readSitePrefs(location.hostname);
    if (!detection.match && !site.alwaysOn && !site.scriptRemembered && !site.noted) return;
    // A background that is restarting or an extension being reloaded must not break the page.
    const report = () =>
      sendMessage('pageDetected', {
        url,
        detection,
        documentToken,
        scriptRemembered: site.scriptRemembered,
        notedSite: site.noted,
      }).catch(() => undefined);
    report();
    // Back/forward cache: a reader injection (or its answers) may have been lost while the page was
    // away; report again so the background makes sure a reader runs here, as on a fresh load.
    ctx.addEventListener(window, 'pageshow', (event) => {
      if (event.persisted) report();
    });
  },
});

/**
 * Whether this page's host is on the options page's list of sites whose PDFs open in the reader
 * (read locally: PDFs of other sites never wake the background, which checks again).
 */
async function isReaderSite(): Promise<boolean> {
  try {
    const sites: unknown = (await browser.storage.local.get(SETTINGS_KEYS.pdfReaderSites))[
      SETTINGS_KEYS.pdfReaderSites
    ];
    return Array.isArray(sites) && isPdfReaderSite(sites.map(String), location.href);
  } catch {
    return false;
  }
}

/** The extension's content-script world of this page (the page cannot see it). */
interface GateWorld {
  __planlensDocumentToken?: string;
}

/**
 * What the user chose for this site, read locally so other pages never wake the background: "always
 * on", whether a 简/繁 choice is remembered for it (the reader must start to apply it), and whether
 * the site has notes (the background then looks for notes of this very page).
 */
async function readSitePrefs(
  hostname: string,
): Promise<{ alwaysOn: boolean; scriptRemembered: boolean; noted: boolean }> {
  try {
    const stored = await browser.storage.local.get([...sitePrefKeys(hostname), NOTED_SITES_KEY]);
    const prefs = sitePrefsOf(stored, hostname);
    return {
      alwaysOn: prefs.highlight === 'always',
      scriptRemembered: prefs.scriptRemembered,
      noted: isNotedSite(stored[NOTED_SITES_KEY], hostname),
    };
  } catch {
    return { alwaysOn: false, scriptRemembered: false, noted: false };
  }
}
