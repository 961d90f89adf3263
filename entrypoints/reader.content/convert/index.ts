import { browser } from 'wxt/browser';
import { choiceForHost, parseSettings, SETTINGS_KEY } from '../../../lib/site-prefs/script-choice';
import { readPageVerdict } from '../../../lib/content-script/page-verdict';
import { onMessage, sendMessage } from '../../../lib/messaging/runtime';
import { worldSlot } from '../core/injection';
import type { PageCore } from '../core/page-core';
import { PageConverter } from './page-converter';

/**
 * The reader's conversion state lives on the isolated world's global object, so a second injection
 * of the reader (the background injects it whenever a feature needs it) adopts the same converter
 * and its originals instead of taking our output for the page's text.
 */
const CONVERTER = worldSlot<{ converter: PageConverter; owner: PageCore }>('__planlensConverter');

/**
 * Starts the convert feature in the page: answers the background's `convertApply` /
 * `convertReadStatus` and applies the remembered choice for the site. Only the top frame converts;
 * it walks same-origin frames itself, so every frame shows the same script. Returns the function
 * that stops it.
 */
export function startConverting(core: PageCore): () => void {
  if (window !== window.top) return () => undefined;
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
  const removers = [
    onMessage('convertApply', ({ target, hidePinyin }) => converter.apply(target, hidePinyin)),
    onMessage('convertReadStatus', () => converter.status()),
  ];
  const stop = () => {
    removers.forEach((remove) => remove());
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
  if (!adopted) {
    // The choice as read with the reader's settings at start-up: no storage read of its own.
    void applyRememberedChoice(converter, core.startup).catch(() => undefined);
    return stop;
  }
  // Adopted after the previous reader stopped: pick the shown script up again (writes nothing that
  // is already right, and observes the page again).
  const { target, hidePinyin } = converter.status();
  if (target !== 'original' || hidePinyin) void converter.apply(target, hidePinyin).catch(() => undefined);
  return stop;
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
  // The reader also runs on pages that are not plans (the popup asked for it): the default for
  // plan pages must not reach those. The gate's verdict is the one the background acted on.
  const isPlanPage = () => readPageVerdict()?.match ?? false;
  const choice = choiceForHost(parseSettings(settings[SETTINGS_KEY]), location.hostname, isPlanPage);
  if (choice) await converter.apply(choice.target, choice.hidePinyin);
}
