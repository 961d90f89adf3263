import { analyzeInChunks } from '../../lib/targets/analyze-in-chunks';
import type { Target } from '../../lib/targets/target';
import { encodeTargets } from '../../lib/targets/wire';
import { onMessage } from '../../lib/messaging/runtime';

/** Longest stretch of extraction before the background lets other messages through. */
const SLICE_MS = 30;

/**
 * Registers target extraction for readers: the text a reader sends is analysed here, off the
 * page's main thread, in chunks with a turn of the event loop every {@link SLICE_MS} ms so other
 * tabs' messages are not held up behind a long page.
 */
export function registerTargetsHandlers(): void {
  onMessage('analyzeTargets', async ({ text }) => {
    if (typeof text !== 'string') throw new Error('analyzeTargets: bad request');
    const targets: Target[] = [];
    let busyMs = 0;
    let sliceStart = performance.now();
    for (const _ of analyzeInChunks(text, targets)) {
      const now = performance.now();
      if (now - sliceStart < SLICE_MS) continue;
      busyMs += now - sliceStart;
      await new Promise((resolve) => setTimeout(resolve, 0));
      sliceStart = performance.now();
    }
    const encoded = encodeTargets(targets);
    busyMs += performance.now() - sliceStart;
    return { targets: encoded, busyMs };
  });
}
