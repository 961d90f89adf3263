/**
 * @deprecated Re-exports the one string table in `lib/i18n` for files another branch is moving
 * (the reader restructure); import from `@/lib/i18n/strings` and `@/lib/i18n/locale` instead.
 *
 * @module
 */
export { pickUiLocale, type UiLocale } from '@/lib/i18n/locale';
export { uiStrings, type UiStringKey, type UiStrings } from '@/lib/i18n/strings';
