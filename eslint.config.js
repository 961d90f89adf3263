import path from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

/**
 * The tiers of lib/ (lib/README.md): pure engine folders, the DOM seam, and the platform folders
 * (extension APIs, Dexie). Each list is the folders of one tier.
 */
const PURE = [
  'lib/anchor',
  'lib/convert',
  'lib/detect',
  'lib/document',
  'lib/i18n',
  'lib/ledger',
  'lib/pdf',
  'lib/site-prefs',
  'lib/targets',
  'lib/text',
];
/**
 * Pure files inside a platform folder: the note model, the exports and the annotation-file parser
 * of lib/db (the database itself is platform). Held to the pure tier's rules one by one.
 */
const PURE_FILES = ['lib/db/annotation-file.ts', 'lib/db/export.ts', 'lib/db/note.ts'];
const DOM = ['lib/dom'];
const PLATFORM = [
  'lib/backup',
  'lib/content-script',
  'lib/db',
  'lib/messaging',
  'lib/settings',
  'lib/storage',
];
const APP = ['entrypoints', 'components'];

/** Host globals every engine host has (page, worker, service worker, Node); see lib/types/host-globals.d.ts. */
const HOST_GLOBALS = new Set([
  'URL',
  'AbortSignal',
  'setTimeout',
  'clearTimeout',
  'performance',
  'console',
  'queueMicrotask',
  'structuredClone',
]);
/** Everything a browser page has beyond the language, minus the host globals above. */
const DOM_GLOBALS = Object.keys(globals.browser).filter(
  (name) => !(name in globals.es2021) && !HOST_GLOBALS.has(name),
);

/** Pure and DOM tiers: no extension APIs, no Dexie, no React. */
const NO_PLATFORM_PACKAGES = {
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        {
          group: ['wxt', 'wxt/*', '#imports', 'dexie', 'dexie-*', 'react', 'react-dom', 'react/*'],
          message: 'lib/ pure and DOM tiers use no extension API, Dexie or React (lib/README.md).',
        },
      ],
    },
  ],
};

/** Who may import whom, on resolved paths (relative and `@/` imports alike, type imports included). */
const TIER_ZONES = [
  ...[...PURE, ...PURE_FILES].map((target) => ({
    target: `./${target}`,
    from: [...DOM, ...PLATFORM, ...APP].map((from) => `./${from}`),
    // A pure file in a platform folder may import the other pure files there.
    except: PURE_FILES.map((file) => `./${path.basename(file)}`),
    message: 'The pure tier imports only pure folders and files (lib/README.md).',
  })),
  {
    target: './lib/dom',
    from: [...PLATFORM, ...APP].map((from) => `./${from}`),
    message: 'The DOM tier imports only pure folders (lib/README.md).',
  },
  ...PLATFORM.map((target) => ({
    target: `./${target}`,
    from: APP.map((from) => `./${from}`),
    message: 'lib/ never imports the app (lib/README.md).',
  })),
];
/** The reader's feature folders: each uses `core/` and `lib/`, never another feature. */
const READER_FEATURES = ['highlight', 'notes', 'convert'];

/**
 * Forbids a reader folder (a feature, or `core`) from importing the feature folders other than
 * itself (by relative or `@/` path): features share only through core/, and core knows no feature.
 */
function featureIsolation(folder) {
  const others = READER_FEATURES.filter((f) => f !== folder);
  return {
    files: [`entrypoints/reader.content/${folder}/**`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: others.flatMap((f) => [`../${f}`, `../${f}/*`, `@/entrypoints/reader.content/${f}/*`]),
              message:
                'Reader features never import each other: share through core/ (composed in reader.ts).',
            },
          ],
        },
      ],
    },
  };
}

/**
 * WXT's context timers (`ctx.setTimeout`, `ctx.setInterval`, `ctx.requestAnimationFrame`,
 * `ctx.requestIdleCallback`) add an `abort` listener to the context's signal per call and never
 * remove it: on a long-lived page each call leaks a closure (see reader.content/core/idle-slices.ts).
 * Matched by name (`ctx`, `context`, `something.ctx`): lint has no types here.
 */
const LEAKY_CONTEXT_TIMERS = {
  selector:
    'MemberExpression[property.name=/^(setTimeout|setInterval|requestAnimationFrame|requestIdleCallback)$/]' +
    ':matches([object.name=/^(ctx|context)$/], [object.property.name=/^(ctx|context)$/])',
  message:
    'WXT context timers leak an abort listener per call: use core/idle-slices.ts or a plain timer cleared on ctx.signal.',
};

export default tseslint.config(
  { ignores: ['node_modules', '.output', '.wxt', 'demo-output', 'bench-output', 'tests/fixtures'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      // noUncheckedIndexedAccess makes every index a maybe; asserting after a bounds check is clearer than a branch.
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-restricted-properties': [
        'error',
        {
          property: 'innerHTML',
          message: 'Build DOM with createElement/textContent; never parse page-derived strings.',
        },
        { property: 'outerHTML', message: 'Build DOM with createElement/textContent.' },
        { property: 'insertAdjacentHTML', message: 'Build DOM with createElement/textContent.' },
      ],
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })] },
    rules: { 'import-x/no-restricted-paths': ['error', { zones: TIER_ZONES }] },
  },
  {
    files: [...[...PURE, ...DOM].map((dir) => `${dir}/**`), ...PURE_FILES],
    rules: { ...NO_PLATFORM_PACKAGES, 'no-restricted-globals': ['error', 'browser', 'chrome'] },
  },
  {
    // Shipped pure code only: tests may build documents with happy-dom.
    files: [...PURE.map((dir) => `${dir}/**`), ...PURE_FILES],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-globals': ['error', 'browser', 'chrome', ...DOM_GLOBALS] },
  },
  ...[...READER_FEATURES, 'core'].map(featureIsolation),
  {
    files: ['entrypoints/**/*.{ts,tsx}'],
    rules: { 'no-restricted-syntax': ['error', LEAKY_CONTEXT_TIMERS] },
  },
);
