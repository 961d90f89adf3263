import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (pure lib code in Node, DOM helpers in happy-dom via a per-file pragma) and
 * `browser` (the built extension in Debian Chromium through playwright-core, one file at a time so
 * two cores are not oversubscribed).
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
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/corpus/**'],
          environment: 'node',
          globalSetup: ['tests/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 90_000,
        },
      },
    ],
  },
});
