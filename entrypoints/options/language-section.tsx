/**
 * Options → Language: follow the browser, or 简体 / 繁體 / English for every PlanLens surface.
 *
 * @module
 */
import { useId } from 'react';
import { parseUiLanguageChoice, pickUiLocale, UI_LANGUAGE_CHOICES, type UiLocale } from '@/lib/i18n/locale';
import type { OptionsStrings, OptionsStringKey } from '@/lib/i18n/strings';
import { browserLanguageTag, SETTINGS_KEYS, uiLanguageItem } from '@/lib/settings/items';

const NAME_KEYS: Record<UiLocale, OptionsStringKey> = {
  'zh-Hans': 'language_zhHans',
  'zh-Hant': 'language_zhHant',
  en: 'language_en',
};

/** The language section over the raw storage `entries`. */
export function LanguageSection({
  entries,
  strings,
}: {
  entries: Record<string, unknown>;
  strings: OptionsStrings;
}) {
  const { t, format } = strings;
  const group = useId();
  const current = parseUiLanguageChoice(entries[SETTINGS_KEYS.uiLanguage]);
  const browserName = t(NAME_KEYS[pickUiLocale(browserLanguageTag())]);
  return (
    <section aria-labelledby="language-heading" className="space-y-2">
      <h2 id="language-heading" className="text-lg font-semibold">
        {t('languageHeading')}
      </h2>
      <div role="radiogroup" aria-labelledby="language-heading" className="flex flex-wrap gap-4">
        {UI_LANGUAGE_CHOICES.map((choice) => (
          <label key={choice} className="flex items-center gap-1">
            <input
              type="radio"
              name={group}
              value={choice}
              checked={current === choice}
              onChange={() => void uiLanguageItem.setValue(choice)}
            />
            <span lang={choice === 'auto' ? undefined : choice}>
              {choice === 'auto' ? format('language_auto', { name: browserName }) : t(NAME_KEYS[choice])}
            </span>
          </label>
        ))}
      </div>
    </section>
  );
}
