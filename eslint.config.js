import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** Engine folders must stay pure: no extension APIs, no Dexie, no React. */
const PURE_LIB_RULE = {
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        {
          group: ['wxt', 'wxt/*', '#imports', 'dexie', 'react', 'react-dom', 'react/*'],
          message: 'lib/ engine code stays pure.',
        },
      ],
    },
  ],
  'no-restricted-globals': ['error', 'browser', 'chrome'],
};

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
    files: ['lib/detect/**', 'lib/targets/**', 'lib/text/**', 'lib/convert/**', 'lib/anchor/**'],
    rules: PURE_LIB_RULE,
  },
  ...[...READER_FEATURES, 'core'].map(featureIsolation),
);
