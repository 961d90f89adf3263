import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PageCore } from './page-core';
import { loadFeature, provideFeature } from './lazy-features';

const runtime = vi.hoisted(() => ({ id: 'planlens' }));
/** What the fake background was asked for, and what injecting a feature's file does. */
interface Asked {
  features: string[];
  runFile(feature: string): void;
}
const asked = vi.hoisted((): Asked => ({ features: [], runFile: () => undefined }));

vi.mock('wxt/browser', () => ({ browser: { runtime } }));
vi.mock('../../../lib/messaging/runtime', () => ({
  // The background injects the feature's file, which provides its start function as it runs.
  sendMessage: async (name: string, data: { feature: string }) => {
    if (name !== 'readerLoadFeature') throw new Error(`unexpected ${name}`);
    asked.features.push(data.feature);
    asked.runFile(data.feature);
    return true;
  },
}));

/** A core as far as the loader reads it. */
function coreWith(signal = new AbortController().signal): PageCore {
  return { signal } as PageCore;
}

describe('loadFeature', () => {
  afterEach(() => {
    asked.features.length = 0;
    asked.runFile = () => undefined;
    delete (globalThis as Record<string, unknown>).__planlensFeatures;
  });

  it('asks the background for the file once, then starts the feature on the asking core', async () => {
    const start = vi.fn((core: PageCore) => ({ core }));
    asked.runFile = (feature) => provideFeature(feature as 'notes', start);
    const core = coreWith();
    expect(await loadFeature(core, 'notes')).toEqual({ core });
    // A reader injected again into the same page finds the file already provided: no round trip.
    const next = coreWith();
    expect(await loadFeature(next, 'notes')).toEqual({ core: next });
    expect(asked.features).toEqual(['notes']);
    expect(start).toHaveBeenCalledTimes(2);
  });

  it('fails when the file did not run (the document went away), and starts nothing', async () => {
    await expect(loadFeature(coreWith(), 'convert')).rejects.toThrow(/did not run/);
  });

  it('does not start a feature for a reader that stopped while its file was injected', async () => {
    const stopped = new AbortController();
    const start = vi.fn(() => ({}));
    asked.runFile = (feature) => {
      provideFeature(feature as 'convert', start);
      stopped.abort();
    };
    await expect(loadFeature(coreWith(stopped.signal), 'convert')).rejects.toThrow(/stopped/);
    expect(start).not.toHaveBeenCalled();
  });

  it('injects the file again when the one in the page came from an extension since reloaded', async () => {
    provideFeature('notes', () => 'old');
    // What a reload leaves: the world keeps the old file's function, bound to the old runtime.
    const slot = (globalThis as unknown as Record<string, { notes: { runtime: object } }>)
      .__planlensFeatures!;
    slot.notes.runtime = { id: 'planlens (before the reload)' };
    asked.runFile = (feature) => provideFeature(feature as 'notes', () => 'new');
    expect(await loadFeature(coreWith(), 'notes')).toBe('new');
    expect(asked.features).toEqual(['notes']);
  });
});
