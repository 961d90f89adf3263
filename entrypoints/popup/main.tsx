import { createRoot, type Root } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { NotesEntry } from '@/components/notes-entry';
import { ScriptSwitcher } from '@/components/script-switcher';
import type { UiLocale } from '@/lib/i18n/locale';
import { uiStrings } from '@/lib/i18n/strings';
import { loadUiLocale, watchUiLocale } from '@/lib/settings/items';
import { PageStatusPanel } from './page-status-panel';
import { PdfOffer } from './pdf-offer';
import { resolvePopupTabId } from './popup-tab';
import './style.css';

/** Draws the popup in `locale`: page status and switches, then the conversion and notes sections. */
function renderPopup(root: Root, locale: UiLocale, tabId: number | null): void {
  const strings = uiStrings(locale);
  document.documentElement.lang = locale;
  document.title = strings.t('popupTitle');
  root.render(
    <main className="w-80 space-y-3 p-3 text-sm text-slate-900 dark:bg-slate-900 dark:text-slate-100">
      <header className="flex items-baseline justify-between gap-2">
        <h1 className="text-base font-semibold">{strings.t('popupTitle')}</h1>
        <button
          type="button"
          className="text-xs underline"
          onClick={() => void browser.runtime.openOptionsPage()}
        >
          {strings.t('openOptions')}
        </button>
      </header>
      {tabId === null ? (
        <p>{strings.t('unsupported')}</p>
      ) : (
        <>
          <PdfOffer tabId={tabId} strings={strings} />
          <PageStatusPanel tabId={tabId} strings={strings} />
          <ScriptSwitcher tabId={tabId} locale={locale} />
          <NotesEntry tabId={tabId} locale={locale} />
        </>
      )}
    </main>,
  );
}

/** The popup, in the language chosen on the options page and redrawn when that choice changes. */
async function startPopup(): Promise<void> {
  const element = document.getElementById('root');
  if (!element) return;
  const [locale, tabId] = await Promise.all([loadUiLocale(), resolvePopupTabId()]);
  const root = createRoot(element);
  renderPopup(root, locale, tabId);
  watchUiLocale((next) => renderPopup(root, next, tabId));
}

void startPopup();
