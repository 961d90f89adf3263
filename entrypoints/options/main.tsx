import { createRoot } from 'react-dom/client';
import { PlanLensDb } from '@/lib/db/schema';
import { parseUiLanguageChoice, resolveUiLocale } from '@/lib/i18n/locale';
import { ledgerStrings, optionsStrings } from '@/lib/i18n/strings';
import { browserLanguageTag, SETTINGS_KEYS } from '@/lib/settings/items';
import { ColorsSection } from './colors-section';
import { DataSection } from './data-section';
import { LanguageSection } from './language-section';
import { LibrarySection } from './library-section';
import { PdfSitesSection } from './pdf-sites-section';
import { ShortcutsSection } from './shortcuts-section';
import { SitesSection } from './sites-section';
import { useStorageEntries } from './use-storage-entries';
import './style.css';

/** The options page: sites, colours, shortcuts, data, library, language — all read live from storage. */
function OptionsPage({ db }: { db: PlanLensDb }) {
  const entries = useStorageEntries();
  if (!entries) return null;
  const locale = resolveUiLocale(
    parseUiLanguageChoice(entries[SETTINGS_KEYS.uiLanguage]),
    browserLanguageTag(),
  );
  const strings = optionsStrings(locale);
  document.documentElement.lang = locale;
  document.title = strings.t('title');
  return (
    <main className="mx-auto max-w-3xl space-y-8 p-6 text-sm text-slate-900 dark:text-slate-100">
      <h1 className="text-xl font-semibold">{strings.t('title')}</h1>
      <LanguageSection entries={entries} strings={strings} />
      <SitesSection entries={entries} strings={strings} />
      <PdfSitesSection entries={entries} locale={locale} />
      <ColorsSection entries={entries} strings={strings} />
      <ShortcutsSection strings={strings} />
      <DataSection db={db} entries={entries} strings={strings} />
      <LibrarySection db={db} entries={entries} strings={ledgerStrings(locale)} />
    </main>
  );
}

const element = document.getElementById('root');
if (element) {
  document.body.className = 'bg-white dark:bg-slate-900';
  createRoot(element).render(<OptionsPage db={new PlanLensDb()} />);
}
