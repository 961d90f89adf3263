import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** Starts the convert feature in the page. STUB: filled in by the convert feature. */
export function startConverting(_ctx: ContentScriptContext): void {}
