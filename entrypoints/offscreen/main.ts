/**
 * Chrome's offscreen document: holds the 简/繁 converters for the whole browser session, so the
 * 1 MB dictionaries are loaded and their tries built once, not per tab or frame. The background
 * forwards batches here; nothing else runs in this page.
 */
import { ConversionEngine } from '../../lib/convert/engine';
import { isEnginePreset, siblingPresets } from '../../lib/convert/targets';
import { onMessage } from '../../lib/messaging/runtime';

const engine = new ConversionEngine();

onMessage('convertTextsOffscreen', async ({ preset, texts }) => {
  if (!isEnginePreset(preset)) throw new Error(`Unknown conversion preset: ${String(preset)}`);
  const converted = await engine.convertAll(preset, texts);
  // The reader may switch variant next: build those converters after answering.
  setTimeout(() => engine.warm(siblingPresets(preset)), 0);
  return { texts: converted };
});
