import { defineConfig } from 'vitest/config';

/**
 * Three projects: `unit` (pure lib code in Node, DOM helpers in happy-dom via a per-file pragma),
 * `browser` (the built extension in Debian Chromium through playwright-core) and `firefox` (the
 * built add-on in Debian firefox-esr through Marionette), each one file at a time so two cores are
 * not oversubscribed.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'lib/**/*.test.ts',
            'components/**/*.test.{ts,tsx}',
            'entrypoints/**/*.test.ts',
            'scripts/**/*.test.ts',
            'tests/corpus/**/*.test.ts',
          ],
          environment: 'node',
          // Whole-seed conversions and normalisations take 2–3 s alone and hit vitest's 5 s default
          // when the browser projects share the two cores; speed goals live in `npm run bench`.
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 90_000,
        },
      },
      {
        test: {
          name: 'firefox',
          include: ['tests/firefox/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/firefox/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 90_000,
        },
      },
    ],
  },
});
