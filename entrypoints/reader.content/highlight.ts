import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** Starts the highlight feature in the page. STUB: filled in by the highlight feature. */
export function startHighlighting(_ctx: ContentScriptContext): void {}
