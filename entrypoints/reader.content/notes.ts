import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** Starts the notes feature in the page. STUB: filled in by the notes feature. */
export function startNotes(_ctx: ContentScriptContext): void {}
