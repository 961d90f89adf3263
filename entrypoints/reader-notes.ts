import { defineUnlistedScript } from '#imports';
import { startNotes } from './reader.content/notes';
import { provideFeature } from './reader.content/core/lazy-features';

/**
 * The reader's notes (anchoring, marks, toolbar, card, editor frame), a file of its own: the
 * background injects it into a page whose reader asks for it (see
 * reader.content/core/lazy-features), and it hands its start function to that reader.
 */
export default defineUnlistedScript(() => provideFeature('notes', startNotes));
