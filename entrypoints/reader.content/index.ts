import { defineContentScript } from '#imports';
import { protectContext, takeOverFrom } from '@/lib/content-script/guard-context';
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
  // The announcement carries our id to every page; takeOverFrom does the handover instead.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    // Only in the document the background meant: never in a page the user moved on to. Checked
    // before the guard, so a refused copy never supersedes the reader already running here.
    const admission = takeReaderAdmission();
    if (!admission) return;
    protectContext(ctx);
    const startup = await startReaderSettings(ctx, admission.stored);
    if (ctx.isInvalid) return;
    // A copy already running keeps answering while this one reads its settings, and hands over in
    // the task in which this one starts answering: the background may be talking to it meanwhile.
    takeOverFrom(ctx, 'reader');
    startReader(ctx, admission.mode, startup);
  },
});
