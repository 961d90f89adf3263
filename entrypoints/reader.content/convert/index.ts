import { browser } from 'wxt/browser';
import { SETTINGS_KEY } from '../../../lib/site-prefs/script-choice';
import { sendMessage } from '../../../lib/messaging/runtime';
import { worldSlot } from '../core/injection';
import type { PageCore } from '../core/page-core';
import { PageConverter } from './page-converter';
import { CONVERTER_SLOT, rememberedChoice, type ConvertFeature } from './launch';

/**
 * The reader's conversion state lives on the isolated world's global object, so a second injection
 * of the reader (the background injects it whenever a feature needs it) adopts the same converter
 * and its originals instead of taking our output for the page's text.
 */
const CONVERTER = worldSlot<{ converter: PageConverter; owner: PageCore }>(CONVERTER_SLOT);

/**
 * Starts the convert feature in the page (the top frame: it walks same-origin frames itself, so
 * every frame shows the same script) and applies the remembered choice for the site, or adopts the
 * converter of a previous reader. Built into its own file (`entrypoints/reader-convert.ts`) and
 * started by ./launch when the page first needs it; the core answers its messages.
 */
export function startConverting(core: PageCore): ConvertFeature {
  const adopted = CONVERTER.get() !== undefined;
  const state = CONVERTER.get() ?? {
    converter: new PageConverter(document, async (preset, texts) => {
      return (await sendMessage('convertTexts', { preset, texts })).texts;
    }),
    owner: core,
  };
  CONVERTER.set(state);
  state.owner = core;
  const { converter } = state;
  const stop = () => {
    // A re-injected reader takes over synchronously; if none did, the extension is gone: stop
    // observing. The originals stay on the global so a later reader can still restore them.
    setTimeout(() => {
      if (state.owner === core) converter.dispose();
    }, 0);
  };
  // Back/forward cache: a conversion abandoned when the page left is finished as a fresh load would.
  window.addEventListener(
    'pageshow',
    (event) => {
      if (!event.persisted || state.owner !== core) return;
      const { target, hidePinyin } = converter.status();
      const redo =
        target !== 'original' || hidePinyin
          ? converter.apply(target, hidePinyin)
          : applyRememberedChoice(converter);
      void redo.catch(() => undefined);
    },
    { signal: core.signal },
  );
  const feature: ConvertFeature = {
    apply: (target, hidePinyin) => converter.apply(target, hidePinyin),
    status: () => converter.status(),
    stop,
  };
  if (!adopted) {
    // The choice as read with the reader's settings at start-up: no storage read of its own.
    void applyRememberedChoice(converter, core.startup).catch(() => undefined);
    return feature;
  }
  // Adopted after the previous reader stopped: pick the shown script up again (writes nothing that
  // is already right, and observes the page again).
  const { target, hidePinyin } = converter.status();
  if (target !== 'original' || hidePinyin) void converter.apply(target, hidePinyin).catch(() => undefined);
  return feature;
}

/**
 * Applies the site's remembered choice (or the default for plan pages). `stored` holds the
 * settings when the caller has them already (read at the reader's start), else storage is read.
 */
async function applyRememberedChoice(
  converter: PageConverter,
  stored?: Readonly<Record<string, unknown>>,
): Promise<void> {
  const settings: Readonly<Record<string, unknown>> =
    stored ?? (await browser.storage.local.get(SETTINGS_KEY));
  const choice = rememberedChoice(settings);
  if (choice) await converter.apply(choice.target, choice.hidePinyin);
}
