import { defineContentScript } from '#imports';
import { guardContext } from '@/lib/content-script/guard-context';
import { startReader } from './reader';

/**
 * The reader: injected by the background (never listed in the manifest) into pages the gate found
 * to be plans, or where the user asked for PlanLens. Features start in reader.ts and stop on
 * `ctx.signal`.
 */
export default defineContentScript({
  registration: 'runtime',
  matches: ['http://*/*', 'https://*/*'],
  // The announcement carries our id to every page; guardContext does the handover instead.
  noScriptStartedPostMessage: true,
  main(ctx) {
    guardContext(ctx, 'reader');
    startReader(ctx);
  },
});
