/**
 * The PDF reader in Firefox ESR: seed 001 laid out as its source PDF (printed by Chromium in the
 * run, tests/browser/plan-pdf.ts) opened in the add-on's viewer.html; the highlighted quantities are
 * compared with the labels, as in Chromium.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startFixtureServer, type FixtureServer } from '../browser/harness';
import { alignByLcs, MIN_PRECISION, MIN_RECALL, readGold } from '../browser/fixture-gold';
import { readPdfHighlightsInPage } from '../browser/pdf-helpers';
import { buildSeed001PdfHtml } from '../browser/plan-pdf';
import { launchFirefox, type FirefoxBrowser } from './firefox-harness';
import { openPdfReader } from './firefox-helpers';

describe('the PDF reader in Firefox', () => {
  let ff: FirefoxBrowser;
  let server: FixtureServer;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'planlens-ff-pdf-'));
    const chromium = await launchBrowser({ extension: false });
    try {
      const printer = await chromium.context.newPage();
      await printer.setContent(buildSeed001PdfHtml().html);
      await printer.emulateMedia({ media: 'print' });
      await writeFile(
        path.join(dir, 'seed-001-layout.pdf'),
        await printer.pdf({ format: 'A4', preferCSSPageSize: true }),
      );
    } finally {
      await chromium.close();
    }
    server = await startFixtureServer(dir);
    ff = await launchFirefox();
  });
  afterAll(async () => {
    await ff?.close();
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('opens a plan PDF and highlights the quantities the labels name', async () => {
    await openPdfReader(ff, server.url('seed-001-layout.pdf'));
    const got = await ff.evaluate(readPdfHighlightsInPage);
    const gold = readGold('001_3671b968aed7ce7c.jsonl');
    const pairs = alignByLcs(gold, got);
    console.log(
      `Firefox, seed-001-layout.pdf: ${got.length} highlighted, ${gold.length} gold, ${pairs.length} matched`,
    );
    expect(pairs.length / Math.max(1, got.length)).toBeGreaterThanOrEqual(MIN_PRECISION);
    expect(pairs.length / Math.max(1, gold.length)).toBeGreaterThanOrEqual(MIN_RECALL);
    expect(pairs.every(([g, h]) => g.kind === h.kind)).toBe(true);
  });
});
