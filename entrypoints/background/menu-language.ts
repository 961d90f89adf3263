/**
 * Keeps the context menus in the UI language chosen on the options page: the menus are created at
 * install in the language of that moment, and retitled here whenever the choice changes.
 *
 * @module
 */
import { browser } from 'wxt/browser';
import type { UiLocale } from '@/lib/i18n/locale';
import { convertStrings, manifestStrings, notesStrings } from '@/lib/i18n/strings';
import { watchUiLocale } from '@/lib/settings/items';

/**
 * Every menu's id and its title in `locale`. The ids are those created in `page.ts`
 * (`page-toggle-highlights`), `notes.ts` (`notes-add`) and `convert.ts` (`convert`, `convert-<target>`).
 */
export function menuTitles(locale: UiLocale): [id: string, title: string][] {
  const convert = convertStrings(locale);
  return [
    ['page-toggle-highlights', manifestStrings(locale).menuToggleHighlights],
    ['notes-add', notesStrings(locale).menuAddNote],
    ['convert', convert.menuParent],
    ...(['cn', 'tw', 'hk', 'original'] as const).map((t): [string, string] => [
      `convert-${t}`,
      convert.targets[t],
    ]),
  ];
}

/** Retitles the menus on every change of the language choice. */
export function registerMenuLanguage(): void {
  watchUiLocale((locale) => {
    for (const [id, title] of menuTitles(locale)) {
      // A menu missing on this browser (or not created yet) is skipped, not an error.
      browser.contextMenus.update(id, { title }).catch(() => undefined);
    }
  });
}
