/**
 * Options → Open PDFs in the PlanLens reader: the hosts whose PDFs skip the browser's viewer.
 *
 * @module
 */
import { useEffect, useId, useState } from 'react';
import type { UiLocale } from '@/lib/i18n/locale';
import { pdfStrings } from '@/lib/i18n/strings';
import { parsePdfReaderSites, parsePdfSite } from '@/lib/pdf/pdf-sites';
import { pdfReaderSitesItem, SETTINGS_KEYS } from '@/lib/settings/items';

/** The section over the raw storage `entries`. */
export function PdfSitesSection({ entries, locale }: { entries: Record<string, unknown>; locale: UiLocale }) {
  const { t } = pdfStrings(locale);
  const id = useId();
  const stored = parsePdfReaderSites(entries[SETTINGS_KEYS.pdfReaderSites]);
  const [text, setText] = useState(stored.join('\n'));
  const [saved, setSaved] = useState(false);
  const storedText = stored.join('\n');
  useEffect(() => setText(storedText), [storedText]);
  const save = () => {
    const sites = parsePdfReaderSites(text.split('\n').map(parsePdfSite));
    void pdfReaderSitesItem.setValue(sites).then(() => {
      setText(sites.join('\n'));
      setSaved(true);
    });
  };
  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-2">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {t('readerPdfSites')}
      </h2>
      <p id={`${id}-help`} className="text-slate-600 dark:text-slate-300">
        {t('readerPdfSitesHelp')}
      </p>
      <textarea
        aria-labelledby={`${id}-heading`}
        aria-describedby={`${id}-help`}
        data-testid="pdf-sites"
        rows={4}
        className="w-full rounded border border-slate-300 p-2 font-mono dark:bg-slate-800"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setSaved(false);
        }}
      />
      <div className="flex items-center gap-3">
        <button type="button" className="rounded border border-slate-400 px-3 py-1" onClick={save}>
          {t('readerPdfSitesSave')}
        </button>
        {saved && <span role="status">{t('readerPdfSitesSaved')}</span>}
      </div>
    </section>
  );
}
