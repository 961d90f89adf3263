import { defineUnlistedScript } from '#imports';
import { startConverting } from './reader.content/convert';
import { provideFeature } from './reader.content/core/lazy-features';

/**
 * The reader's 简/繁 conversion, a file of its own: the background injects it into a page whose
 * reader asks for it (see reader.content/core/lazy-features), and it hands its start function to
 * that reader, which starts it on its own core.
 */
export default defineUnlistedScript(() => provideFeature('convert', startConverting));
