import { defineContentScript } from '#imports';
import { startReader } from './reader';

/**
 * The reader: injected by the background (never listed in the manifest) into pages the gate found
 * to be plans, or where the user asked for PlanLens. Features start in reader.ts and stop on
 * `ctx.signal`.
 */
export default defineContentScript({
  registration: 'runtime',
  matches: ['http://*/*', 'https://*/*'],
  main: startReader,
});
