/**
 * The convert feature's part in the reader's core file: it answers the feature's messages and
 * starts the feature (built into its own file, `entrypoints/reader-convert.ts`, see
 * core/lazy-features) only when the page needs it — a 简/繁 choice to apply as the page loads, a
 * converter a previous reader left in the page, or the first `convertApply` / `convertReadStatus`.
 * Most plan pages are read as they are and never load the converter.
 *
 * @module
 */
import type { ScriptTarget } from '../../../lib/convert/targets';
import { readPageVerdict } from '../../../lib/content-script/page-verdict';
import type { ConvertStatus } from '../../../lib/messaging/protocol-convert';
import { onMessage } from '../../../lib/messaging/runtime';
import {
  choiceForHost,
  parseSettings,
  SETTINGS_KEY,
  type ScriptChoice,
} from '../../../lib/site-prefs/script-choice';
import { worldSlot } from '../core/injection';
import { loadFeature } from '../core/lazy-features';
import type { PageCore } from '../core/page-core';

/**
 * The world slot that keeps the page's converter and its originals across reader injections
 * (a string key: older readers wrote it under this name).
 */
export const CONVERTER_SLOT = '__planlensConverter';

/** What the core drives of a started convert feature (./index). */
export interface ConvertFeature {
  /** Answers `convertApply`. */
  apply(target: ScriptTarget, hidePinyin: boolean): Promise<ConvertStatus>;
  /** Answers `convertReadStatus`. */
  status(): ConvertStatus;
  stop(): void;
}

/**
 * What this page should show as the reader starts, from the stored script-choice settings in
 * `settings` (the site's choice, else the default for plan pages); null for "as it is".
 */
export function rememberedChoice(settings: Readonly<Record<string, unknown>>): ScriptChoice | null {
  // The reader also runs on pages that are not plans (the popup asked for it): the default for
  // plan pages must not reach those. The gate's verdict is the one the background acted on.
  const isPlanPage = () => readPageVerdict()?.match ?? false;
  return choiceForHost(parseSettings(settings[SETTINGS_KEY]), location.hostname, isPlanPage);
}

/**
 * Answers the convert feature's messages in the top frame and starts the feature when the page
 * needs it (at once when a choice is remembered for the site or a converter is already in the
 * page). Returns the function that stops it.
 */
export function launchConverting(core: PageCore): () => void {
  if (window !== window.top) return () => undefined;
  let feature: Promise<ConvertFeature> | null = null;
  const load = () => {
    if (!feature) {
      const loading = loadFeature<ConvertFeature>(core, 'convert').catch((error: unknown) => {
        // Not kept: the next message asks for the file again.
        if (feature === loading) feature = null;
        throw error;
      });
      feature = loading;
    }
    return feature;
  };
  const removers = [
    onMessage('convertApply', async ({ target, hidePinyin }) => (await load()).apply(target, hidePinyin)),
    onMessage('convertReadStatus', async () => (await load()).status()),
  ];
  const inPage = worldSlot(CONVERTER_SLOT).get() !== undefined;
  if (inPage || rememberedChoice(core.startup)) void load().catch(() => undefined);
  return () => {
    for (const remove of removers) remove();
    void feature?.then((started) => started.stop()).catch(() => undefined);
  };
}
