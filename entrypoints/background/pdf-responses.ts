/**
 * Firefox: tabs showing a PDF known only by its content type (`/download?id=3` served as
 * `application/pdf`). Firefox runs no content script in its own PDF viewer, so neither the gate
 * (which reports such PDFs in Chromium) nor the popup (which reads `document.contentType` there)
 * can see the document; the background reads the top-level response's headers instead
 * (`webRequest.onHeadersReceived`, non-blocking, `main_frame` of http(s) only), remembers per tab
 * which addresses were PDFs (for the popup's offer, `tabShowsPdf`), and opens those from the
 * user's chosen sites in the reader ({@link openChosenSitePdf}, as for the gate's report).
 *
 * Permission: `webRequest`, declared for the Firefox build only (wxt.config.ts). Firefox shows
 * no prompt for it (it only works on hosts the add-on may already reach: http/https here), and
 * the popup's offer needs it whatever the sites list holds, so an optional permission asked for
 * when a site is added would leave the offer out for everyone else. Firefox's MV2 background
 * page is persistent, so the listener wakes nothing; it runs once per top-level http(s) response.
 * The listener is added in the background's first turn all the same, as an event page needs.
 *
 * @module
 */
import { browser } from 'wxt/browser';
import type { BackgroundRoutes } from '@/lib/messaging/runtime';
import { isPdfResponse, type ResponseHeader } from '@/lib/pdf/pdf-response';
import { openChosenSitePdf } from './pdf-sites';

/** PDF addresses kept per tab (the latest ones: going back to a PDF in the tab still finds it). */
const ADDRESSES_PER_TAB = 8;
/** Tabs kept (the least recently updated is forgotten first; a closed tab is forgotten at once). */
const MAX_TABS = 500;

/** Tab id → the PDF addresses it was shown, oldest first. */
const pdfTabs = new Map<number, string[]>();

/** Notes that tab `tabId` got a response for `address` that is (or is not) a PDF. */
function rememberResponse(tabId: number, address: string, pdf: boolean): void {
  const kept = (pdfTabs.get(tabId) ?? []).filter((a) => a !== address);
  pdfTabs.delete(tabId); // re-inserted below as the most recently updated
  if (pdf) kept.push(address);
  if (kept.length > 0) pdfTabs.set(tabId, kept.slice(-ADDRESSES_PER_TAB));
  if (pdfTabs.size > MAX_TABS) pdfTabs.delete(pdfTabs.keys().next().value!);
}

/** What the listener reads of `webRequest.onHeadersReceived`'s details. */
interface ResponseDetails {
  tabId: number;
  url: string;
  statusCode: number;
  responseHeaders?: ResponseHeader[];
}

/** Handles one top-level response: the chosen sites' PDFs open in the reader, then it is noted. */
async function onResponse({ tabId, url, statusCode, responseHeaders }: ResponseDetails): Promise<void> {
  if (tabId < 0 || statusCode < 200 || statusCode >= 300) return; // no tab, or not the document
  const pdf = isPdfResponse(responseHeaders ?? []);
  // Noted after the decision, so an answer of `tabShowsPdf` means the response was handled.
  if (pdf) await openChosenSitePdf(tabId, url).catch(() => false);
  rememberResponse(tabId, url, pdf);
}

/** `tabShowsPdf`: whether a PDF response for that address was seen in that tab. */
export function pdfResponsesRoutes(): Pick<BackgroundRoutes, 'tabShowsPdf'> {
  return {
    tabShowsPdf: {
      from: 'extension',
      handle: ({ tabId, url }) => pdfTabs.get(tabId)?.includes(url) ?? false,
    },
  };
}

/**
 * Watches top-level http(s) responses where the browser lets the add-on read them (Firefox: the
 * `webRequest` permission is in its manifest only; Chromium has no such API here and needs none,
 * see `pdf-sites.ts`). Call in the background's first turn.
 */
export function registerPdfResponses(): void {
  const webRequest = (browser as { webRequest?: typeof browser.webRequest }).webRequest;
  if (!webRequest?.onHeadersReceived) return;
  webRequest.onHeadersReceived.addListener(
    (details) => {
      void onResponse(details as ResponseDetails);
      return undefined;
    },
    { urls: ['http://*/*', 'https://*/*'], types: ['main_frame'] },
    ['responseHeaders'],
  );
  browser.tabs.onRemoved.addListener((tabId) => pdfTabs.delete(tabId));
}
