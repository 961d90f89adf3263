/**
 * Options → Sites: every host with a choice of its own (highlighting automatic / always / never,
 * and the remembered script), each changeable and removable, and a form to add a site by hand.
 *
 * @module
 */
import { useState, type FormEvent } from 'react';
import { browser } from 'wxt/browser';
import { convertStrings, uiStrings, type OptionsStrings } from '@/lib/i18n/strings';
import { parseSettings, SETTINGS_KEY } from '@/lib/site-prefs/script-choice';
import { listSites, forgetSite, parseHostInput } from '@/lib/site-prefs/site-list';
import { SITE_CHOICES, siteChoiceKey, type SiteChoice } from '@/lib/site-prefs/site-choice';

/** The Sites section over the raw storage `entries`. */
export function SitesSection({
  entries,
  strings,
}: {
  entries: Record<string, unknown>;
  strings: OptionsStrings;
}) {
  const { t, format, locale } = strings;
  const page = uiStrings(locale);
  const scripts = convertStrings(locale);
  const [input, setInput] = useState('');
  const [choice, setChoice] = useState<SiteChoice>('always');
  const [error, setError] = useState('');
  const rows = listSites(entries);
  const convertSettings = parseSettings(entries[SETTINGS_KEY]);
  const forgetDefault = () =>
    void browser.storage.local.set({ [SETTINGS_KEY]: { ...convertSettings, defaultTarget: null } });

  const setHighlight = (host: string, next: SiteChoice) =>
    void browser.storage.local.set({ [siteChoiceKey(host)]: next });
  const remove = async (host: string) => {
    const { remove: keys, set } = forgetSite(entries, host);
    await browser.storage.local.remove(keys);
    if (Object.keys(set).length > 0) await browser.storage.local.set(set);
  };
  const add = (event: FormEvent) => {
    event.preventDefault();
    const host = parseHostInput(input);
    if (!host) {
      setError(t('invalidHost'));
      return;
    }
    setError('');
    setInput('');
    setHighlight(host, choice);
  };

  return (
    <section aria-labelledby="sites-heading" className="space-y-3">
      <h2 id="sites-heading" className="text-lg font-semibold">
        {t('sitesHeading')}
      </h2>
      <p className="text-slate-600 dark:text-slate-300">{t('sitesIntro')}</p>
      {rows.length === 0 ? (
        <p data-testid="no-sites">{t('noSites')}</p>
      ) : (
        <table className="w-full text-left" data-testid="sites">
          <thead>
            <tr className="border-b border-slate-300 dark:border-slate-600">
              <th className="py-1">{t('siteColumn')}</th>
              <th>{t('highlightColumn')}</th>
              <th>{t('scriptColumn')}</th>
              <th>
                <span className="sr-only">{t('remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr
                key={row.host}
                data-host={row.host}
                className="border-b border-slate-200 dark:border-slate-700"
              >
                <td className="py-1 font-mono">{row.host}</td>
                <td>
                  <select
                    aria-label={`${t('highlightColumn')} ${row.host}`}
                    value={row.highlight ?? 'auto'}
                    onChange={(e) => setHighlight(row.host, e.target.value as SiteChoice)}
                    className="rounded border border-slate-300 bg-transparent dark:border-slate-600"
                  >
                    {SITE_CHOICES.map((c) => (
                      <option key={c} value={c}>
                        {page.t(`choice_${c}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  {row.script
                    ? `${scripts.targets[row.script.target]}${row.script.hidePinyin ? ` · ${scripts.hidePinyin}` : ''}`
                    : t('none')}
                </td>
                <td>
                  <button
                    type="button"
                    className="rounded border px-2 py-0.5"
                    aria-label={format('removeSite', { host: row.host })}
                    onClick={() => void remove(row.host)}
                  >
                    {t('remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {convertSettings.defaultTarget && (
        <p data-testid="default-script" className="flex items-center gap-2">
          {`${t('defaultScript')}: ${scripts.targets[convertSettings.defaultTarget]}`}
          <button type="button" className="rounded border px-2 py-0.5" onClick={forgetDefault}>
            {t('remove')}
          </button>
        </p>
      )}
      <form onSubmit={add} className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col">
          <span>{t('addSiteLabel')}</span>
          <input
            type="text"
            value={input}
            onChange={(e) => setInput(e.target.value)}
            placeholder={t('addSitePlaceholder')}
            className="rounded border border-slate-300 bg-transparent px-2 py-1 dark:border-slate-600"
          />
        </label>
        <select
          aria-label={t('highlightColumn')}
          value={choice}
          onChange={(e) => setChoice(e.target.value as SiteChoice)}
          className="rounded border border-slate-300 bg-transparent py-1 dark:border-slate-600"
        >
          {SITE_CHOICES.map((c) => (
            <option key={c} value={c}>
              {page.t(`choice_${c}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="rounded border px-3 py-1">
          {t('add')}
        </button>
      </form>
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
