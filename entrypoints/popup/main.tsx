import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { NotesEntry } from '@/components/notes-entry';
import { ScriptSwitcher } from '@/components/script-switcher';
import { pickUiLocale, uiStrings } from '@/components/ui-strings';
import { PageStatusPanel } from './page-status-panel';
import { PdfOffer } from './pdf-offer';
import { resolvePopupTabId } from './popup-tab';
import './style.css';

/** The popup: page status and switches, then the conversion and notes sections for the same tab. */
async function renderPopup(): Promise<void> {
  const element = document.getElementById('root');
  if (!element) return;
  const strings = uiStrings(pickUiLocale(browser.i18n.getUILanguage() || navigator.language));
  document.documentElement.lang = strings.locale;
  document.title = strings.t('popupTitle');
  const tabId = await resolvePopupTabId();
  createRoot(element).render(
    <main className="w-80 space-y-3 p-3 text-sm text-slate-900 dark:bg-slate-900 dark:text-slate-100">
      <h1 className="text-base font-semibold">{strings.t('popupTitle')}</h1>
      {tabId === null ? (
        <p>{strings.t('unsupported')}</p>
      ) : (
        <>
          <PdfOffer tabId={tabId} strings={strings} />
          <PageStatusPanel tabId={tabId} strings={strings} />
          <ScriptSwitcher tabId={tabId} />
          <NotesEntry tabId={tabId} />
        </>
      )}
    </main>,
  );
}

void renderPopup();
