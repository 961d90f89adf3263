/**
 * Options → Highlight colours: one colour each for targets, achieved figures and the notes'
 * underline, previewed on a light and a dark page, with a reset. Open pages follow at once (the
 * reader watches the stored value). A colour that could be taken for another kind's (a note line
 * that looks like a target's yellow) is refused with a message and never stored.
 *
 * @module
 */
import { useState, type CSSProperties } from 'react';
import type { OptionsStrings } from '@/lib/i18n/strings';
import {
  collidingColor,
  DEFAULT_HIGHLIGHT_COLORS,
  parseHighlightColors,
  type HighlightColors,
} from '@/lib/settings/highlight-colors';
import { highlightColorsItem, SETTINGS_KEYS } from '@/lib/settings/items';

const KEYS: (keyof HighlightColors)[] = ['target', 'achieved', 'note'];

/** Inline styles that mirror the page's `::highlight()` look for one colour. */
function previewStyle(kind: keyof HighlightColors, hex: string): CSSProperties {
  if (kind === 'note')
    return {
      textDecoration: `underline double 3px ${hex}`,
      textUnderlineOffset: '3px',
      backgroundColor: 'rgb(167 139 250 / 0.32)',
    };
  return {
    backgroundColor: `color-mix(in srgb, ${hex} ${kind === 'target' ? 35 : 30}%, transparent)`,
    textDecoration: `underline ${kind === 'target' ? 'solid' : 'dotted'} color-mix(in srgb, ${hex} 75%, black) 2px`,
  };
}

/** One preview sentence with the three highlights. */
function Preview({
  colors,
  strings,
  dark,
}: {
  colors: HighlightColors;
  strings: OptionsStrings;
  dark: boolean;
}) {
  const { t } = strings;
  const [before, rest = ''] = t('previewSample').split('{target}');
  const [middle, rest2 = ''] = rest.split('{achieved}');
  const [between, after] = rest2.split('{note}');
  return (
    <figure
      className={`rounded border p-3 ${dark ? 'border-slate-700 bg-slate-900 text-slate-100' : 'border-slate-300 bg-white text-slate-900'}`}
    >
      <figcaption className="mb-1 text-xs opacity-70">{t(dark ? 'previewDark' : 'previewLight')}</figcaption>
      <p>
        {before}
        <span style={previewStyle('target', colors.target)}>{t('previewTarget')}</span>
        {middle}
        <span style={previewStyle('achieved', colors.achieved)}>{t('previewAchieved')}</span>
        {between}
        <span style={previewStyle('note', colors.note)}>{t('previewNote')}</span>
        {after}
      </p>
    </figure>
  );
}

/** The colours section over the raw storage `entries`. */
export function ColorsSection({
  entries,
  strings,
}: {
  entries: Record<string, unknown>;
  strings: OptionsStrings;
}) {
  const { t, format } = strings;
  const colors = parseHighlightColors(entries[SETTINGS_KEYS.highlightColors]);
  const [refused, setRefused] = useState<string | null>(null);
  const change = (key: keyof HighlightColors, hex: string) => {
    const next = parseHighlightColors({ ...colors, [key]: hex });
    const other = collidingColor(next, key);
    if (other) {
      setRefused(format('colorCollides', { kind: t(`color_${key}`), other: t(`color_${other}`) }));
      return;
    }
    setRefused(null);
    void highlightColorsItem.setValue(next);
  };
  return (
    <section aria-labelledby="colors-heading" className="space-y-3">
      <h2 id="colors-heading" className="text-lg font-semibold">
        {t('colorsHeading')}
      </h2>
      <p className="text-slate-600 dark:text-slate-300">{t('colorsIntro')}</p>
      <div className="flex flex-wrap gap-4">
        {KEYS.map((key) => (
          <label key={key} className="flex items-center gap-2">
            <input
              type="color"
              data-color={key}
              value={colors[key]}
              onChange={(e) => change(key, e.target.value)}
            />
            {t(`color_${key}`)}
          </label>
        ))}
        <button
          type="button"
          className="rounded border px-2 py-0.5"
          disabled={KEYS.every((k) => colors[k] === DEFAULT_HIGHLIGHT_COLORS[k])}
          onClick={() => {
            setRefused(null);
            void highlightColorsItem.removeValue();
          }}
        >
          {t('resetColors')}
        </button>
      </div>
      {refused && (
        <p role="alert" className="text-red-700 dark:text-red-300">
          {refused}
        </p>
      )}
      <div className="grid gap-2 sm:grid-cols-2" aria-hidden="true">
        <Preview colors={colors} strings={strings} dark={false} />
        <Preview colors={colors} strings={strings} dark />
      </div>
    </section>
  );
}
