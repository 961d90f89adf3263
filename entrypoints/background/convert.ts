/** Registers the background's convert message handlers. STUB: filled in by the convert feature. */
export function registerConvertHandlers(): void {}
