/** Registers the background's page message handlers. STUB: filled in by the page feature. */
export function registerPageHandlers(): void {}
