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

/**
 * Watches tab addresses and redirects PDFs of the chosen sites to the reader. The tab listener is
 * there only while at least one site is chosen: without it no tab update in any tab wakes the
 * background (tests/browser/background-wake.test.ts). Known limit: a listener added after the
 * worker's first turn does not wake a stopped worker in Chrome, so the first PDF after a long idle
 * may open in the browser's viewer (the popup still offers the reader).
 */
export function registerPdfSites(): void {
  let sites: string[] = [];
  const onUpdated = (tabId: number, change: { url?: string }) => {
    const address = change.url;
    if (!address || !isPdfAddress(address) || !isPdfReaderSite(sites, address)) return;
    const viewer = buildViewerAddress(browser.runtime.getURL('/viewer.html'), address);
    void browser.tabs.update(tabId, { url: viewer });
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
