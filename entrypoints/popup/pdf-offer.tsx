/**
 * The popup's offer for a tab that shows a PDF: open it in the PlanLens reader, in the same tab.
 *
 * @module
 */
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { pdfStrings } from '@/lib/i18n/strings';
import type { UiStrings } from '@/lib/i18n/strings';
import { sendMessage } from '@/lib/messaging/runtime';
import { buildViewerAddress, isPdfAddress } from '@/lib/pdf/pdf-address';

/**
 * The tab's address when it shows a PDF (by its path, else by its response's content type as the
 * background saw it — Firefox, whose viewer runs no script of ours — else by the document's
 * content type, read where the extension may run scripts: Chromium's viewer), or null.
 */
async function readPdfTabAddress(tabId: number): Promise<string | null> {
  const tab = await browser.tabs.get(tabId);
  const address = tab.url ?? '';
  if (!address || isPdfAddress(address)) return address || null;
  if (!isPdfAddress(address, 'application/pdf')) return null; // not an address the reader opens
  if (await sendMessage('tabShowsPdf', { tabId, url: address }).catch(() => false)) return address;
  try {
    const [result] = await browser.scripting.executeScript({
      target: { tabId },
      func: () => document.contentType,
    });
    return isPdfAddress(address, String(result?.result ?? '')) ? address : null;
  } catch {
    return null; // a page the extension may not script: no offer
  }
}

/**
 * "Open in PlanLens reader" when tab `tabId` shows a PDF; nothing otherwise. Once the tab is
 * checked, `data-pdf-tab` on the root says `yes` or `no` (the check may run a script in the tab).
 */
export function PdfOffer({ tabId, strings }: { tabId: number; strings: UiStrings }) {
  const [address, setAddress] = useState<string | null>(null);
  useEffect(() => {
    const show = (found: string | null) => {
      setAddress(found);
      document.documentElement.dataset.pdfTab = found ? 'yes' : 'no';
    };
    void readPdfTabAddress(tabId).then(show, () => show(null));
  }, [tabId]);
  if (!address) return null;
  const text = pdfStrings(strings.locale);
  const open = async () => {
    await browser.tabs.update(tabId, {
      url: buildViewerAddress(browser.runtime.getURL('/viewer.html'), address),
    });
    window.close();
  };
  return (
    <section className="space-y-2 rounded border border-amber-500 p-2" data-testid="pdf-offer">
      <p>{text.t('pdfTab')}</p>
      <button
        type="button"
        className="rounded bg-amber-500 px-3 py-1 font-medium text-slate-900 hover:bg-amber-400"
        onClick={() => void open()}
      >
        {text.t('pdfOpenReader')}
      </button>
    </section>
  );
}
