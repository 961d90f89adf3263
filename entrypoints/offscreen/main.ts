/**
 * Chrome's offscreen document: holds the 简/繁 converters for the whole browser session, so the
 * 1 MB dictionaries are loaded and their tries built once, not per tab or frame. The background
 * forwards batches here; nothing else runs in this page.
 */
import { ConversionEngine } from '../../lib/convert/engine';
import { isEnginePreset } from '../../lib/convert/targets';
import { onMessage } from '../../lib/messaging/runtime';

const engine = new ConversionEngine();

onMessage('convertTextsOffscreen', async ({ preset, texts }) => {
  if (!isEnginePreset(preset)) throw new Error(`Unknown conversion preset: ${String(preset)}`);
  return { texts: await engine.convertAll(preset, texts) };
});
