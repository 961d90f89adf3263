import { defineContentScript } from '#imports';
import { browser } from 'wxt/browser';
import { guardContext } from '@/lib/content-script/guard-context';
import { publishPageVerdict } from '@/lib/content-script/page-verdict';
import type { Detection } from '@/lib/detect/detect';
import { hasChineseText, noChineseTextVerdict } from '@/lib/detect/prefilter';
import { SAMPLE_CHARS, SAMPLE_TITLE_CHARS } from '@/lib/detect/sample';
import { onMessage, sendMessage, sendMessageNow } from '@/lib/messaging/runtime';
import type { GateSample } from '@/lib/messaging/protocol-page';
import { sitePrefKeys, sitePrefsOf } from '@/lib/site-prefs/site-prefs';
import { isNotedSite, NOTED_SITES_KEY } from '@/lib/site-prefs/noted-sites';
import { samplePage } from '@/lib/dom/page-sample';
import { isPdfReaderSite } from '@/lib/pdf/pdf-sites';
import { SETTINGS_KEYS } from '@/lib/settings/keys';

/**
 * The gate: on every web page, one bounded sample of the page, timed as `planlens:detect`. A page
 * whose sample has no Chinese text is judged here (not a plan); any other page's sample goes to
 * the background, which scores it (`scorePageSample`: the detector never runs on the page's
 * thread) and answers the verdict. Plan pages (and pages of sites the user set to "always",
 * remembered a 简/繁 choice for, or has notes on) are then reported to the background, which
 * decides whether to inject the reader; on other pages nothing else happens — the gate only
 * answers if the popup asks what it found. The bundle stays small (no detector, no React, no
 * dictionaries, no Dexie).
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
    // Detection starts here: the frameset check is the sample's first read of the page, and the
    // first `document.body` from this isolated world is its costliest DOM call (≈ 0.3 ms cold).
    let start = performance.now();
    // A frameset page's text is in its frames, which may still be loading at document_idle.
    if (document.body?.localName === 'frameset' && document.readyState !== 'complete') {
      await new Promise((resolve) => ctx.addEventListener(window, 'load', resolve, { once: true }));
      // The wait is not the page's work (the check before it is then left out with it).
      start = performance.now();
    }
    const url = location.href;
    const judging = judgePage(start);
    // Back/forward cache: Firefox drops an answer to a page kept in the cache, so a verdict still
    // awaited is asked for again; and a reader injection (or its answers) may have been lost while
    // the page was away, so a reported page reports again and the background makes sure a reader
    // runs here, as on a fresh load.
    let report: (() => Promise<unknown>) | null = null;
    let watching = false;
    const watchPageshow = () => {
      if (watching) return;
      watching = true;
      ctx.addEventListener(window, 'pageshow', (event) => {
        if (!event.persisted) return;
        if (report) void report();
        else judging.askAgain();
      });
    };
    if (judging.asked) watchPageshow();
    ctx.onInvalidated(
      onMessage('getDetection', async () => {
        const detection = await judging.verdict;
        if (!detection) throw new Error('PlanLens: no verdict for this page');
        return { url, detection };
      }),
    );
    // Read while the background scores the sample.
    const prefs = readSitePrefs(location.hostname);
    const detection = await judging.verdict;
    // The background did not answer twice (restarting, or the extension is being reloaded): the
    // page has no verdict, and the popup shows none. Nothing else to do without one.
    if (!detection) return markSettled(false);
    // Names this document, so the background injects the reader into it and no later one.
    // (crypto.randomUUID exists only in secure contexts: many gov portals are still plain http.)
    const documentToken = [...crypto.getRandomValues(new Uint32Array(4))].map((n) => n.toString(36)).join('');
    (globalThis as GateWorld).__planlensDocumentToken = documentToken;
    const site = await prefs;
    if (!detection.match && !site.alwaysOn && !site.scriptRemembered && !site.noted)
      return markSettled(false);
    // A background that is restarting or an extension being reloaded must not break the page.
    report = () =>
      sendMessage('pageDetected', {
        url,
        detection,
        documentToken,
        scriptRemembered: site.scriptRemembered,
        notedSite: site.noted,
      }).catch(() => undefined);
    // Settled once the background has answered: it answers after injecting the reader, or not.
    void report().then(() => markSettled(true));
    watchPageshow();
  },
});

/**
 * Marks `planlens:gate-settled` once the gate has done all it does on a load (`detail.reported`:
 * whether it reported the page to the background, the only message it sends after the sample; if
 * so, the mark follows the background's answer, which comes after any reader injection).
 * Tests wait for it before asserting that nothing else happened; DevTools shows it beside
 * `planlens:detect`.
 */
function markSettled(reported: boolean): void {
  performance.mark('planlens:gate-settled', { detail: { reported } });
}

/** What the gate measures as `planlens:detect`, and where the verdict was reached. */
interface DetectTiming {
  /**
   * Reading the page (from its first `document.body`), sampling it, the Chinese-text check and
   * posting the sample (synchronous, one task).
   */
  sampleMs: number;
  /** Taking the background's answer in: keeping the verdict for the reader and the popup. */
  answerMs: number;
  /** `page`: no Chinese text, judged here; `background`: scored off the page's thread. */
  scoredIn: 'page' | 'background';
}

/** A page being judged: its verdict once reached, and a way to ask the background again. */
interface Judging {
  /** The verdict; null when the background answered neither request nor a later one. */
  verdict: Promise<Detection | null>;
  /** Whether the sample went to the background (a page with Chinese text). */
  asked: boolean;
  /** Asks the background again (a page back from the back/forward cache); no-op once judged. */
  askAgain(): void;
}

/**
 * Samples the page and reaches its verdict: here for a page without Chinese text, else from the
 * background (asked once more if the first request fails: a service worker restarting). Records
 * `planlens:detect` once the verdict is in, as the page-thread time of both synchronous parts
 * (their sum, from `start`, when the gate first read the page; `detail` holds each, see
 * {@link DetectTiming}); the time the background spent and the wait between are not the page's.
 */
function judgePage(start: number): Judging {
  const sample = samplePage(document, SAMPLE_CHARS);
  const sent: GateSample = {
    title: sample.title.slice(0, SAMPLE_TITLE_CHARS),
    headings: sample.headings,
    text: sample.text,
    linkText: sample.linkText,
  };
  if (!hasChineseText(sent.title, sent.text)) {
    const detection = noChineseTextVerdict();
    publishPageVerdict(detection);
    const timing: DetectTiming = { sampleMs: performance.now() - start, answerMs: 0, scoredIn: 'page' };
    performance.measure('planlens:detect', { start, duration: timing.sampleMs, detail: timing });
    return { verdict: Promise.resolve(detection), asked: false, askAgain: () => undefined };
  }
  const asked = sendMessageNow('scorePageSample', sent);
  const sampleMs = performance.now() - start;
  let judged = false;
  let settle: (detection: Detection | null) => void = () => undefined;
  const verdict = new Promise<Detection | null>((resolve) => (settle = resolve)).then((detection) => {
    const answered = performance.now();
    if (detection) publishPageVerdict(detection);
    const timing: DetectTiming = { sampleMs, answerMs: performance.now() - answered, scoredIn: 'background' };
    performance.measure('planlens:detect', { start, duration: sampleMs + timing.answerMs, detail: timing });
    return detection;
  });
  const take = (detection: Detection) => {
    if (judged) return;
    judged = true;
    settle(detection);
  };
  asked.then(take, () =>
    sendMessageNow('scorePageSample', sent).then(take, () => {
      if (!judged) settle(null);
    }),
  );
  return {
    verdict,
    asked: true,
    askAgain: () => {
      if (!judged) sendMessageNow('scorePageSample', sent).then(take, () => undefined);
    },
  };
}

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
