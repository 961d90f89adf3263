import { defineConfig } from 'wxt';
import tailwindcss from '@tailwindcss/vite';
import { manifestMessageFiles } from './lib/i18n/strings';
import { iconManifestPaths, writeIconFiles } from './scripts/icon/planlens-icon';
import { readdirSync } from 'node:fs';
import path from 'node:path';

/** pdf.js character maps for Chinese fonts (GB, CNS, Big5, HK): the Japanese and Korean ones are left out. */
const CHINESE_CMAP = /^(?:Adobe-(?:GB1|CNS1)|UniGB|UniCNS|GB|B5|CNS|ETen|ETHK|HK)[\w-]*\.bcmap$/;

/**
 * Build configuration. Auto-imports are off so that every `browser`/`#imports` use is an explicit
 * import line that lint can police (lib/ must stay DOM- and extension-free).
 */
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  imports: false,
  vite: () => ({
    plugins: [tailwindcss()],
    build: {
      // The opencc-js phrase dictionary (STPhrases, ~1 MB) is one chunk by design: it loads only in
      // the offscreen converter (Firefox: the background page), never in a content script. Every
      // other chunk stays far below this limit, so a warning still means something new.
      chunkSizeWarningLimit: 1100,
      // `PLANLENS_NO_MINIFY=1 npx wxt build`: readable function names in CPU profiles of the reader.
      minify: process.env.PLANLENS_NO_MINIFY ? false : undefined,
      rolldownOptions: {
        // Rolldown's "JavaScript callbacks ran for N s" report is about plugin speed, not our code.
        checks: { bundlerTimings: false },
      },
    },
  }),
  hooks: {
    // The manifest's name, description and command texts come from the same table as the UI
    // (lib/i18n), written as _locales/<lang>/messages.json instead of hand-kept copies. The PDF
    // reader's character maps (Chinese CID fonts need them to give text) are copied from the
    // pdfjs-dist package: data files fetched from the extension itself, never from a CDN.
    // The icons are drawn from shapes at build time (scripts/icon): no binary files in the repo.
    'build:publicAssets': (wxt, files) => {
      files.push(...manifestMessageFiles());
      files.push(...writeIconFiles(path.join(wxt.config.wxtDir, 'icons')));
      const dir = path.resolve('node_modules/pdfjs-dist/cmaps');
      for (const file of readdirSync(dir)) {
        if (CHINESE_CMAP.test(file))
          files.push({ absoluteSrc: path.join(dir, file), relativeDest: `pdfjs/cmaps/${file}` });
      }
    },
  },
  manifest: ({ browser }) => ({
    // Name and description in the browser's language (_locales, generated from lib/i18n).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    icons: iconManifestPaths(),
    // The toolbar button's icon; WXT adds the popup to it (MV2's key is browser_action).
    ...(browser === 'firefox'
      ? { browser_action: { default_icon: iconManifestPaths() } }
      : { action: { default_icon: iconManifestPaths() } }),
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
      // Firefox runs no content script in its own PDF viewer: the background reads top-level
      // responses' headers to know a PDF served at any address (entrypoints/background/
      // pdf-responses.ts). No prompt in Firefox; it reaches only the hosts below.
      ...(browser === 'firefox' ? ['webRequest'] : ['offscreen', 'sidePanel']),
    ],
    host_permissions: ['http://*/*', 'https://*/*'],
    // The note editor is framed in web pages (typing there never reaches the page's listeners):
    // that one page is reachable from http(s) pages, nothing else of the extension.
    web_accessible_resources:
      browser === 'firefox'
        ? ['note-editor.html']
        : [
            {
              resources: ['note-editor.html'],
              matches: ['http://*/*', 'https://*/*'],
              use_dynamic_url: true,
            },
          ],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'planlens@planlens.dev',
              // The CSS Custom Highlight API, which draws every highlight, shipped in Firefox 140.
              strict_min_version: '140.0',
              // PlanLens sends nothing anywhere: notes and settings stay in the browser.
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {
          // runtime.getContexts (finding the offscreen converter host) is the newest API we call.
          // Messages are answered with sendResponse, not a returned promise (that needs Chrome 144).
          minimum_chrome_version: '116',
        }),
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
