import { defineBackground } from '#imports';
import { serveMessages } from '@/lib/messaging/runtime';
import { convertRoutes, registerConvertUi } from './convert';
import { notesRoutes, registerNotesUi } from './notes';
import { pageRoutes, registerPageUi } from './page';
import { libraryRoutes } from './library';
import { targetsRoutes } from './targets';
import { registerMenuLanguage } from './menu-language';
import { registerPdfSites } from './pdf-sites';

/**
 * The background: ONE message listener over one dispatch table (every message it serves, each
 * with its sender policy and, for content scripts, its schema — see lib/messaging), plus the
 * menus and shortcuts of each feature. No listener here fires for pages PlanLens does not serve.
 */
export default defineBackground(() => {
  serveMessages({
    ...pageRoutes(),
    ...convertRoutes(),
    ...notesRoutes(),
    ...targetsRoutes(),
    ...libraryRoutes(),
  });
  registerPageUi();
  registerConvertUi();
  registerNotesUi();
  registerMenuLanguage();
  registerPdfSites();
});
