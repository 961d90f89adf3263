/**
 * Opens PDFs from the sites the user chose (options → "Open PDFs in the PlanLens reader") in the
 * reader: a tab whose address becomes a PDF address (`.pdf` path) on one of those hosts is sent to
 * `viewer.html?file=…` before the browser's own viewer shows it.
 *
 * @module
 */
import { browser } from 'wxt/browser';
import { buildViewerAddress, isPdfAddress } from '@/lib/pdf/pdf-address';
import { isPdfReaderSite, parsePdfReaderSites } from '@/lib/pdf/pdf-sites';
import { pdfReaderSitesItem } from '@/lib/settings/items';

/** Watches tab addresses and redirects PDFs of the chosen sites to the reader. */
export function registerPdfSites(): void {
  let sites: string[] = [];
  const ready = pdfReaderSitesItem.getValue().then((value) => (sites = parsePdfReaderSites(value)));
  pdfReaderSitesItem.watch((value) => (sites = parsePdfReaderSites(value)));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    const address = change.url;
    if (!address || !isPdfAddress(address)) return;
    void ready.then(() => {
      if (!isPdfReaderSite(sites, address)) return;
      const viewer = buildViewerAddress(browser.runtime.getURL('/viewer.html'), address);
      return browser.tabs.update(tabId, { url: viewer });
    });
  });
}
