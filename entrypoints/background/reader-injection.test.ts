import { beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * A fake tab: `executeScript` with a file "injects" a reader whose features start one after
 * another (each a macrotask apart, as they would if one awaited something); the tab answers a
 * message only once the feature owning it has started, and `readerReady` only once the core has
 * (after every feature). Names of what the tab was asked are kept in `asked`.
 */
const tab = vi.hoisted(() => {
  const state = {
    answering: new Set<string>(),
    asked: [] as string[],
    injections: 0,
    /** The arguments of each admission stamp. */
    stamps: [] as unknown[][],
    reset() {
      state.answering.clear();
      state.asked.length = 0;
      state.injections = 0;
      state.stamps.length = 0;
    },
  };
  return state;
});

const FEATURES = [
  ['getHighlighting', 'setHighlighting'],
  ['convertReadStatus', 'convertApply'],
  ['notesPageState'],
];

vi.mock('wxt/browser', () => ({
  browser: {
    tabs: {
      sendMessage: async (_tabId: number, envelope: { planlens: string }) => {
        tab.asked.push(envelope.planlens);
        if (!tab.answering.has(envelope.planlens)) throw new Error('Receiving end does not exist.');
        return { ok: true, value: envelope.planlens === 'readerReady' ? true : null };
      },
    },
    storage: {
      local: {
        get: async (keys: string[]) =>
          Object.fromEntries(keys.filter((k) => k === 'settings:uiLanguage').map((k) => [k, 'zh-Hant'])),
      },
    },
    scripting: {
      executeScript: async (injection: { func?: unknown; files?: string[]; args?: unknown[] }) => {
        if (injection.func) {
          tab.stamps.push(injection.args ?? []);
          return [{ result: true }];
        }
        tab.injections++;
        void (async () => {
          for (const names of FEATURES) {
            await new Promise((resolve) => setTimeout(resolve, 5));
            for (const name of names) tab.answering.add(name);
          }
          tab.answering.add('readerReady');
        })();
        return [{ result: undefined }];
      },
    },
  },
}));

const { ensureReader } = await import('./reader-injection');

describe('ensureReader', () => {
  beforeEach(() => tab.reset());

  it('resolves only once the core answers that every feature has started', async () => {
    expect(await ensureReader(1)).toBe(true);
    // The features that start after the first one are answering too: the caller can ask any of them.
    for (const names of FEATURES) for (const name of names) expect(tab.answering.has(name)).toBe(true);
    expect(tab.asked.every((name) => name === 'readerReady')).toBe(true);
    expect(tab.injections).toBe(1);
    // The stamp hands the reader its start-up settings, read here: its start asks storage nothing.
    expect(tab.stamps).toEqual([[null, null, false, { 'settings:uiLanguage': 'zh-Hant' }]]);
  });

  it('does not inject again into a tab whose reader is ready', async () => {
    expect(await ensureReader(2)).toBe(true);
    expect(await ensureReader(2, { url: 'https://www.gov.cn/a.html' })).toBe(true);
    expect(tab.injections).toBe(1);
  });

  it('injects once when the gate and the popup ask for the same tab at the same moment', async () => {
    const [gate, popup] = await Promise.all([
      ensureReader(3, { documentToken: 't-3', url: 'https://www.gov.cn/a.html' }),
      ensureReader(3),
    ]);
    expect([gate, popup]).toEqual([true, true]);
    expect(tab.injections).toBe(1);
  });
});
