import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from './harness';

/**
 * Every content script is parsed and compiled on the page's thread of every page it enters (the
 * reader on every plan page): none may carry a framework runtime or dictionaries it does not need
 * at start (issue #9: no content script over 150 kB).
 */
const CONTENT_SCRIPT_BUDGET_BYTES = 150 * 1024;

const dir = path.join(EXTENSION_DIR, 'content-scripts');
/** The reader's on-demand feature files (core/lazy-features), injected into pages as well. */
const featureFiles = readdirSync(EXTENSION_DIR)
  .filter((file) => /^reader-[\w-]+\.js$/.test(file))
  .map((file) => path.join('..', file));
const scripts = [...readdirSync(dir).filter((file) => file.endsWith('.js')), ...featureFiles];

describe('content script bundles', () => {
  it('include the reader and the gate', () => {
    expect(scripts).toEqual(
      expect.arrayContaining(['reader.js', 'gate.js', '../reader-notes.js', '../reader-convert.js']),
    );
  });

  it.each(scripts)(`%s stays within ${CONTENT_SCRIPT_BUDGET_BYTES / 1024} kB`, (file) => {
    const size = statSync(path.join(dir, file)).size;
    console.log(`${file}: ${(size / 1024).toFixed(2)} kB (budget ${CONTENT_SCRIPT_BUDGET_BYTES / 1024} kB)`);
    expect(size).toBeLessThanOrEqual(CONTENT_SCRIPT_BUDGET_BYTES);
  });
});
