import { browser, type Browser } from 'wxt/browser';
import { siblingPresets, type EnginePreset } from '../../lib/convert/targets';
import { sendMessage } from '../../lib/messaging/runtime';

/**
 * Where the converters live. Chrome: an offscreen document created on the first conversion and
 * kept for the session (the service worker may sleep; the document keeps the built tries).
 * Firefox (MV2): the background page itself, which lives as long as the session.
 */
const OFFSCREEN_URL = '/offscreen.html';

let creating: Promise<void> | null = null;

async function hasOffscreenDocument(): Promise<boolean> {
  const contexts = await browser.runtime.getContexts({
    contextTypes: ['OFFSCREEN_DOCUMENT' as Browser.runtime.ContextType],
    documentUrls: [browser.runtime.getURL(OFFSCREEN_URL)],
  });
  return contexts.length > 0;
}

async function ensureOffscreenDocument(): Promise<void> {
  if (await hasOffscreenDocument()) return;
  creating ??= browser.offscreen
    .createDocument({
      url: OFFSCREEN_URL,
      reasons: ['WORKERS' as Browser.offscreen.Reason],
      justification: 'Holds the simplified/traditional Chinese dictionaries once per browser session.',
    })
    .catch((error: unknown) => {
      // Two callers racing across a service-worker restart: the document exists, which is fine.
      if (!String(error).includes('single offscreen')) throw error;
    })
    .finally(() => {
      creating = null;
    });
  await creating;
}

type Engine = {
  convertAll(preset: EnginePreset, texts: readonly string[]): Promise<string[]>;
  warm(presets: readonly EnginePreset[]): void;
};
let firefoxEngine: Promise<Engine> | null = null;

/** Converts `texts` with `preset` wherever this browser keeps the converters. */
export async function convertTexts(preset: EnginePreset, texts: string[]): Promise<string[]> {
  if (import.meta.env.FIREFOX) {
    // Dead code in the Chrome build, so the dictionaries never enter the service worker bundle.
    firefoxEngine ??= import('../../lib/convert/engine').then(
      ({ ConversionEngine }) => new ConversionEngine(),
    );
    const engine = await firefoxEngine;
    const converted = await engine.convertAll(preset, texts);
    setTimeout(() => engine.warm(siblingPresets(preset)), 0);
    return converted;
  }
  await ensureOffscreenDocument();
  return (await sendMessage('convertTextsOffscreen', { preset, texts })).texts;
}
