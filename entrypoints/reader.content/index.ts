import { defineContentScript } from '#imports';
import { guardContext } from '@/lib/content-script/guard-context';
import { startReaderSettings } from './core/reader-settings';
import { startReader } from './reader';
import { takeReaderAdmission } from './core/reader-admission';

/**
 * The reader: injected by the background (never listed in the manifest) into pages the gate found
 * to be plans, or where the user asked for PlanLens. Features start in reader.ts and stop on
 * `ctx.signal`; the language and colour settings are read first, so the first card is already in
 * the chosen language.
 */
export default defineContentScript({
  registration: 'runtime',
  matches: ['http://*/*', 'https://*/*'],
  // The announcement carries our id to every page; guardContext does the handover instead.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    // Only in the document the background meant: never in a page the user moved on to. Checked
    // before the guard, so a refused copy never supersedes the reader already running here.
    const mode = takeReaderAdmission();
    if (!mode) return;
    guardContext(ctx, 'reader');
    const startup = await startReaderSettings(ctx);
    if (!ctx.isInvalid) startReader(ctx, mode, startup);
  },
});
