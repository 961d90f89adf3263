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
  manifest: {
    name: 'PlanLens',
    description:
      'Reads Chinese government plans: highlights numeric targets, switches 简/繁, keeps notes on clauses.',
    default_locale: 'en',
    permissions: [
      'storage',
      'scripting',
      'activeTab',
      'contextMenus',
      'offscreen',
      'unlimitedStorage',
      'sidePanel',
    ],
    host_permissions: ['http://*/*', 'https://*/*'],
    commands: {
      'toggle-highlights': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: '__MSG_commandToggleHighlights__',
      },
      'add-note': {
        // Not Alt+Shift+N: Chromium leaves that suggestion unassigned (checked with commands.getAll()).
        suggested_key: { default: 'Alt+Shift+M' },
        description: 'Add a note on the selected text',
      },
      'cycle-script': {
        // Not Alt+Shift+T: Chromium reserves it (focus toolbar) and silently drops the suggestion.
        suggested_key: { default: 'Alt+Shift+Y' },
        description: 'Cycle the page script: 简体 → 繁體（臺灣）→ 繁體（香港）→ 原文',
      },
    },
  },
});
