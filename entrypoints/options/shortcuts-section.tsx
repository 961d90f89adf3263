/**
 * Options → Keyboard shortcuts: what each command is bound to now (the browser may have dropped a
 * suggested key), and the way to the browser's own page for changing them.
 *
 * @module
 */
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { manifestStrings, type ManifestStrings, type OptionsStrings } from '@/lib/i18n/strings';

/** Each command's description key in the manifest texts. */
const DESCRIPTIONS: Record<string, keyof ManifestStrings> = {
  'toggle-highlights': 'commandToggleHighlights',
  'add-note': 'commandAddNote',
  'cycle-script': 'commandCycleScript',
};

/** Chromium's page for extension shortcuts; Firefox has none that an extension may open. */
const CHROME_SHORTCUTS = 'chrome://extensions/shortcuts';

/** The shortcuts section. */
export function ShortcutsSection({ strings }: { strings: OptionsStrings }) {
  const { t, locale } = strings;
  const [commands, setCommands] = useState<{ name: string; shortcut: string }[]>([]);
  useEffect(() => {
    void browser.commands
      .getAll()
      .then((all) =>
        setCommands(
          all
            .map((c) => ({ name: c.name ?? '', shortcut: c.shortcut ?? '' }))
            .filter((c) => c.name in DESCRIPTIONS),
        ),
      );
  }, []);
  const texts = manifestStrings(locale);
  return (
    <section aria-labelledby="shortcuts-heading" className="space-y-3">
      <h2 id="shortcuts-heading" className="text-lg font-semibold">
        {t('shortcutsHeading')}
      </h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1" data-testid="shortcuts">
        {commands.map((c) => (
          <div key={c.name} className="contents">
            <dt>
              <kbd className="rounded border px-1 font-mono">{c.shortcut || t('shortcutUnset')}</kbd>
            </dt>
            <dd>{texts[DESCRIPTIONS[c.name]!]}</dd>
          </div>
        ))}
      </dl>
      {import.meta.env.FIREFOX ? (
        <p>{t('shortcutsFirefox')}</p>
      ) : (
        <a
          href={CHROME_SHORTCUTS}
          className="underline"
          // Extension pages cannot navigate to chrome:// by a plain link; tabs.create can.
          onClick={(event) => {
            event.preventDefault();
            void browser.tabs.create({ url: CHROME_SHORTCUTS });
          }}
        >
          {t('shortcutsChange')}
        </a>
      )}
    </section>
  );
}
