import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { launchBrowser } from './harness';

describe('launchBrowser', () => {
  const saved = { TMPDIR: process.env.TMPDIR, PLANLENS_CHROMIUM: process.env.PLANLENS_CHROMIUM };
  afterEach(() => {
    // Assigning undefined would store the string "undefined": unset instead.
    if (saved.TMPDIR === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved.TMPDIR;
    if (saved.PLANLENS_CHROMIUM === undefined) delete process.env.PLANLENS_CHROMIUM;
    else process.env.PLANLENS_CHROMIUM = saved.PLANLENS_CHROMIUM;
  });

  it('leaves no temporary profile behind when the browser fails to start', async () => {
    // Its own temp folder, so profiles of other runs on the machine do not count.
    const temp = await mkdtemp(path.join(tmpdir(), 'planlens-harness-test-'));
    process.env.TMPDIR = temp;
    process.env.PLANLENS_CHROMIUM = '/bin/false'; // exists, but is no browser
    try {
      await expect(launchBrowser()).rejects.toThrow();
      expect(await readdir(temp)).toEqual([]);
    } finally {
      await rm(temp, { recursive: true, force: true });
    }
  });

  it('names the browser it was told to use when that file is missing', async () => {
    process.env.PLANLENS_CHROMIUM = '/nowhere/chromium';
    await expect(launchBrowser()).rejects.toThrow('PLANLENS_CHROMIUM is set to /nowhere/chromium');
  });
});
