/**
 * The one choice of UI language for every PlanLens surface (popup, side panel, options page, in-page
 * card and notes UI, context menus): the reader's stored choice, or the browser's language when the
 * choice is "auto". Pure: callers pass the stored choice and the browser's tag.
 *
 * @module
 */

/** The three UI languages. */
export type UiLocale = 'zh-Hans' | 'zh-Hant' | 'en';

/** What the reader chose on the options page: follow the browser, or one language. */
export type UiLanguageChoice = 'auto' | UiLocale;

/** Every choice, in the order the options page lists them. */
export const UI_LANGUAGE_CHOICES: readonly UiLanguageChoice[] = ['auto', 'zh-Hans', 'zh-Hant', 'en'];

/**
 * Picks the UI language for a BCP 47 tag. An explicit script subtag wins (`zh-Hans-HK` → 简体,
 * `zh-Hant-CN` → 繁體); without one, the regions TW, HK and MO and Cantonese (`yue`, `zh-yue`) mean
 * 繁體 and any other `zh` means 简体; every other language, `undefined` and '' mean English. Case
 * and `_` separators are tolerated.
 */
export function pickUiLocale(tag: string | undefined): UiLocale {
  const subtags = (tag ?? '').toLowerCase().replaceAll('_', '-').split('-');
  const [language] = subtags;
  if (language !== 'zh' && language !== 'yue') return 'en';
  if (subtags.includes('hans')) return 'zh-Hans';
  if (subtags.includes('hant')) return 'zh-Hant';
  if (language === 'yue' || subtags.includes('yue')) return 'zh-Hant';
  return subtags.some((s) => s === 'tw' || s === 'hk' || s === 'mo') ? 'zh-Hant' : 'zh-Hans';
}

/** Narrows a stored value to a choice; anything unknown (missing, corrupt, from a newer version) is "auto". */
export function parseUiLanguageChoice(value: unknown): UiLanguageChoice {
  return UI_LANGUAGE_CHOICES.includes(value as UiLanguageChoice) ? (value as UiLanguageChoice) : 'auto';
}

/** The language to show: the reader's choice, or with "auto" the browser's tag through {@link pickUiLocale}. */
export function resolveUiLocale(choice: UiLanguageChoice, browserTag: string | undefined): UiLocale {
  return choice === 'auto' ? pickUiLocale(browserTag) : choice;
}
