import { defineConfig } from 'wxt';
import tailwindcss from '@tailwindcss/vite';

/**
 * Build configuration. Auto-imports are off so that every `browser`/`#imports` use is an explicit
 * import line that lint can police (lib/ must stay DOM- and extension-free).
 */
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  imports: false,
  vite: () => ({
    plugins: [tailwindcss()],
  }),
  manifest: ({ browser }) => ({
    name: 'PlanLens',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Chrome-only APIs (the offscreen converter host, the side panel) are not requested from
    // Firefox, where the background page holds the converter and the side panel is a sidebar_action.
    // No `activeTab`: the host permissions below already cover every page the context menu, the
    // shortcuts and the popup act on (http/https), and activeTab grants nothing beyond them there.
    permissions: [
      'storage',
      'scripting',
      'contextMenus',
      // Notes live in IndexedDB and must not be evicted or capped at the origin quota. Safe only
      // because imports are capped (size, count, field lengths: lib/db/import.ts), so no file can
      // make the store grow without bound.
      'unlimitedStorage',
      ...(browser === 'firefox' ? [] : ['offscreen', 'sidePanel']),
    ],
    host_permissions: ['http://*/*', 'https://*/*'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'planlens@planlens.dev',
              // PlanLens sends nothing anywhere: notes and settings stay in the browser.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
    commands: {
      'toggle-highlights': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: '__MSG_commandToggleHighlights__',
      },
      'add-note': {
        // Not Alt+Shift+N: Chromium leaves that suggestion unassigned (checked with commands.getAll()).
        suggested_key: { default: 'Alt+Shift+M' },
        description: '__MSG_commandAddNote__',
      },
      'cycle-script': {
        // Not Alt+Shift+T: Chromium reserves it (focus toolbar) and silently drops the suggestion.
        suggested_key: { default: 'Alt+Shift+Y' },
        description: '__MSG_commandCycleScript__',
      },
    },
  }),
});
