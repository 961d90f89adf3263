/**
 * Opens PDFs from the sites the user chose (options → "Open PDFs in the PlanLens reader") in the
 * reader, `viewer.html?file=…`, two ways: a tab whose address becomes a `.pdf` address on one of
 * those hosts (tabs.onUpdated, before the browser's viewer shows it), and a tab whose document the
 * gate found to be a PDF by its content type (`pdfDocumentShown`: `/download?id=3` served as
 * `application/pdf`). The second needs no permission beyond the gate's in Chromium: the gate runs
 * in the PDF viewer's top document, whose `document.contentType` is `application/pdf`. Firefox
 * runs no content script in its own PDF viewer: there the background reads the response's
 * headers instead (`pdf-responses.ts`) and calls {@link openChosenSitePdf} as the gate's report
 * does.
 *
 * @module
 */
import { browser } from 'wxt/browser';
import type { BackgroundRoutes } from '@/lib/messaging/runtime';
import { CONTENT_SCHEMAS } from '@/lib/messaging/schemas';
import { buildViewerAddress, isPdfAddress } from '@/lib/pdf/pdf-address';
import { isPdfReaderSite, parsePdfReaderSites } from '@/lib/pdf/pdf-sites';
import { pdfReaderSitesItem } from '@/lib/settings/items';

/** A tab sent to the reader for the same address this recently is not sent again (both ways fired). */
const REPEAT_MS = 10_000;
const sent = new Map<number, { address: string; at: number }>();

/** Sends tab `tabId` to the reader for the PDF at `address`; false when it was just sent there. */
function openInReader(tabId: number, address: string): boolean {
  const last = sent.get(tabId);
  const now = Date.now();
  if (last?.address === address && now - last.at < REPEAT_MS) return false;
  sent.set(tabId, { address, at: now });
  if (sent.size > 100) sent.delete(sent.keys().next().value!);
  void browser.tabs.update(tabId, {
    url: buildViewerAddress(browser.runtime.getURL('/viewer.html'), address),
  });
  return true;
}

/**
 * Opens the PDF at `address`, which tab `tabId` shows (known to be a PDF by its content type),
 * in the reader when its host is on the user's list, read from storage now (the background may
 * just have started); false when it is not, when the address is not one the reader opens, or
 * when the tab was just sent there for it.
 */
export async function openChosenSitePdf(tabId: number, address: string): Promise<boolean> {
  if (!isPdfAddress(address, 'application/pdf')) return false;
  const sites = parsePdfReaderSites(await pdfReaderSitesItem.getValue());
  return isPdfReaderSite(sites, address) && openInReader(tabId, address);
}

/**
 * The gate's report of a PDF known by its content type: the sender's own top document, its
 * address (as the browser knows it) on a listed host, read from storage now (the worker may just
 * have woken for this message).
 */
export function pdfSitesRoutes(): Pick<BackgroundRoutes, 'pdfDocumentShown'> {
  return {
    pdfDocumentShown: {
      from: 'content',
      schema: CONTENT_SCHEMAS.pdfDocumentShown,
      handle: async (_, sender) =>
        sender.frameId === 0 && (await openChosenSitePdf(sender.tabId, sender.url)),
    },
  };
}

/**
 * Watches tab addresses and redirects `.pdf` addresses of the chosen sites to the reader. The tab
 * listener is there only while at least one site is chosen: without it no tab update in any tab
 * wakes the background (tests/browser/background-wake.test.ts). Known limit: a listener added after
 * the worker's first turn does not wake a stopped worker in Chrome; the gate's `pdfDocumentShown`
 * then opens the reader once the browser's viewer has loaded.
 */
export function registerPdfSites(): void {
  let sites: string[] = [];
  const onUpdated = (tabId: number, change: { url?: string }) => {
    const address = change.url;
    if (!address || !isPdfAddress(address) || !isPdfReaderSite(sites, address)) return;
    openInReader(tabId, address);
  };
  const apply = (value: unknown) => {
    sites = parsePdfReaderSites(value);
    const listening = browser.tabs.onUpdated.hasListener(onUpdated);
    if (sites.length > 0 && !listening) browser.tabs.onUpdated.addListener(onUpdated);
    if (sites.length === 0 && listening) browser.tabs.onUpdated.removeListener(onUpdated);
  };
  void pdfReaderSitesItem.getValue().then(apply);
  pdfReaderSitesItem.watch(apply);
}
