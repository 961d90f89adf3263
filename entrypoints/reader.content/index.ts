import { defineContentScript } from '#imports';
import { startConverting } from './convert';
import { startHighlighting } from './highlight';
import { startNotes } from './notes';
import { takeReaderAdmission } from './reader-admission';

/**
 * The reader: injected by the background (never listed in the manifest) into pages the gate found
 * to be plans, or where the user asked for PlanLens. Each feature starts here and stops on
 * `ctx.signal`.
 */
export default defineContentScript({
  registration: 'runtime',
  matches: ['http://*/*', 'https://*/*'],
  // Imported CSS (Tailwind for the card) goes into our shadow roots, never into the page.
  cssInjectionMode: 'ui',
  main(ctx) {
    // Only in the document the background meant: never in a page the user moved on to.
    if (!takeReaderAdmission()) return;
    startHighlighting(ctx);
    startConverting(ctx);
    startNotes(ctx);
  },
});
