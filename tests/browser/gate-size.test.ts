import { statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from './harness';

/** The gate runs on every page the user opens: it must stay tiny (no React, dictionaries, Dexie). */
const GATE_BUDGET_BYTES = 25 * 1024;

describe('the gate bundle', () => {
  it(`stays within ${GATE_BUDGET_BYTES / 1024} kB`, () => {
    const size = statSync(path.join(EXTENSION_DIR, 'content-scripts/gate.js')).size;
    console.log(`gate.js: ${(size / 1024).toFixed(2)} kB (budget ${GATE_BUDGET_BYTES / 1024} kB)`);
    expect(size).toBeLessThanOrEqual(GATE_BUDGET_BYTES);
  });
});
