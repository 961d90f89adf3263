import { defineBackground } from '#imports';
import { serveMessages } from '@/lib/messaging/runtime';
import { CONTENT_SCHEMAS } from '@/lib/messaging/schemas';
import { convertRoutes, registerConvertUi } from './convert';
import { notesRoutes, registerNotesUi } from './notes';
import { pageRoutes, registerPageUi } from './page';
import { libraryRoutes } from './library';
import { targetsRoutes } from './targets';
import { registerMenuLanguage } from './menu-language';
import { pdfSitesRoutes, registerPdfSites } from './pdf-sites';
import { pdfResponsesRoutes, registerPdfResponses } from './pdf-responses';

/**
 * The background: ONE message listener over one dispatch table (every message it serves, each
 * with its sender policy and, for content scripts, its schema — see lib/messaging), plus the
 * menus and shortcuts of each feature. No listener here fires for pages PlanLens does not serve.
 */
export default defineBackground(() => {
  const notes = notesRoutes();
  const targets = targetsRoutes();
  serveMessages({
    ...pageRoutes(),
    ...convertRoutes(),
    ...notes,
    ...targets,
    ...libraryRoutes(),
    ...pdfSitesRoutes(),
    ...pdfResponsesRoutes(),
    // A starting reader's first reads of both features in one round trip (same checks as each).
    readerPageRecords: {
      from: 'content',
      schema: CONTENT_SCHEMAS.readerPageRecords,
      handle: async (request, sender) => {
        const [forNotes, corrections] = await Promise.all([
          notes.notesForPage.handle(request, sender),
          targets.correctionsForPage.handle({ title: request.title, head: request.head }, sender),
        ]);
        return { notes: forNotes, corrections };
      },
    },
  });
  registerPageUi();
  registerConvertUi();
  registerNotesUi();
  registerMenuLanguage();
  registerPdfSites();
  registerPdfResponses();
});
