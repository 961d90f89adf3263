import { defineContentScript } from '#imports';
import { detectPlanPage } from '@/lib/detect/detect';
import { sendMessage } from '@/lib/messaging/runtime';
import { samplePage } from '@/lib/text/page-sample';

/** How much page text the detector may read. */
const SAMPLE_LIMIT = 6000;

/**
 * The gate: on every web page, one bounded detection, timed as `planlens:detect`, reported to the
 * background, which decides whether to inject the reader. Nothing else runs here, so the bundle
 * stays small (no React, no dictionaries, no Dexie).
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main() {
    const start = performance.now();
    const detection = detectPlanPage(samplePage(document, SAMPLE_LIMIT));
    performance.measure('planlens:detect', { start, end: performance.now() });
    // A background that is restarting or an extension being reloaded must not break the page.
    sendMessage('pageDetected', { url: location.href, detection }).catch(() => undefined);
  },
});
