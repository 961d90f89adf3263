/** Registers the background's notes message handlers. STUB: filled in by the notes feature. */
export function registerNotesHandlers(): void {}
