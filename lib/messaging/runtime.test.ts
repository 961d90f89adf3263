import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { RawSender } from './dispatch';
import type { Result } from './protocol';

type Listener = (message: unknown, sender: RawSender, sendResponse: (r: Result<unknown>) => void) => boolean;

/** A stand-in for `browser.runtime` / `browser.tabs`: records listeners and what was sent. */
const fake = vi.hoisted(() => {
  const listeners = new Set<Listener>();
  return {
    listeners,
    sent: [] as unknown[],
    answer: undefined as unknown,
    browser: {
      runtime: {
        id: 'planlens-id',
        getURL: (path: string) => `chrome-extension://planlens-id${path}`,
        onMessage: {
          addListener: (l: Listener) => listeners.add(l),
          removeListener: (l: Listener) => listeners.delete(l),
        },
        sendMessage: async (message: unknown) => {
          fake.sent.push(message);
          return fake.answer;
        },
      },
      tabs: {
        sendMessage: async (_tabId: number, message: unknown) => {
          fake.sent.push(message);
          return fake.answer;
        },
      },
    },
  };
});
vi.mock('wxt/browser', () => ({ browser: fake.browser }));

const { askTab, onMessage, sendMessage, sendMessageNow, sendTabMessage } = await import('./runtime');
const { CONTENT_SCHEMAS, TAB_ANSWER_SCHEMAS } = await import('./schemas');

const BACKGROUND: RawSender = { id: 'planlens-id', url: 'chrome-extension://planlens-id/background.js' };
const CONTENT: RawSender = {
  id: 'planlens-id',
  url: 'http://www.nmg.gov.cn/zwgk/2026/plan.html',
  tab: { id: 4 },
  frameId: 0,
};

/** Delivers `message` to every root listener, as the browser would; resolves with the answer. */
function deliver(message: unknown, sender: RawSender): Promise<Result<unknown> | undefined> {
  return new Promise((resolve) => {
    let async = false;
    for (const listener of fake.listeners) {
      if (listener(message, sender, resolve)) async = true;
    }
    if (!async) setTimeout(() => resolve(undefined), 0);
  });
}

beforeEach(() => {
  fake.sent.length = 0;
  fake.answer = undefined;
});

describe('onMessage: one root listener per context', () => {
  it('serves several names from one listener and removes it with the last handler', async () => {
    const stopState = onMessage('getHighlighting', () => ({
      enabled: true,
      counts: { target: 3, achieved: 1 },
    }));
    const stopApply = onMessage('setHighlighting', ({ enabled }) => ({
      enabled,
      counts: { target: 0, achieved: 0 },
    }));
    expect(fake.listeners.size).toBe(1);
    expect(await deliver({ planlens: 'getHighlighting', data: {} }, BACKGROUND)).toEqual({
      ok: true,
      value: { enabled: true, counts: { target: 3, achieved: 1 } },
    });
    expect(
      await deliver({ planlens: 'setHighlighting', data: { enabled: false } }, BACKGROUND),
    ).toMatchObject({
      ok: true,
      value: { enabled: false },
    });
    stopState();
    expect(fake.listeners.size).toBe(1);
    expect(await deliver({ planlens: 'getHighlighting', data: {} }, BACKGROUND)).toBeUndefined();
    stopApply();
    expect(fake.listeners.size).toBe(0);
  });

  it('lets a re-injected script take a name over, and the old remover not remove the new handler', async () => {
    const stopOld = onMessage('convertReadStatus', () => {
      throw new Error('old reader');
    });
    const stopNew = onMessage('convertReadStatus', () => ({
      detected: 'simplified' as const,
      target: 'original' as const,
      hidePinyin: false,
      hasPinyin: false,
    }));
    stopOld();
    expect(await deliver({ planlens: 'convertReadStatus', data: {} }, BACKGROUND)).toMatchObject({
      ok: true,
      value: { detected: 'simplified' },
    });
    stopNew();
  });

  it('answers a message meant for content scripts only from extension pages', async () => {
    const stop = onMessage('notesPageState', () => ({ url: '', title: '', fingerprintKey: '', notes: [] }));
    expect(await deliver({ planlens: 'notesPageState', data: {} }, CONTENT)).toMatchObject({ ok: false });
    stop();
  });

  it('answers a content-sent event only from content scripts, after its schema', async () => {
    const seen: number[] = [];
    const stop = onMessage(
      'notesPageUpdated',
      (_, sender) => {
        seen.push(sender.tabId);
        return null;
      },
      CONTENT_SCHEMAS.notesPageUpdated,
    );
    expect(await deliver({ planlens: 'notesPageUpdated', data: {} }, CONTENT)).toEqual({
      ok: true,
      value: null,
    });
    expect(await deliver({ planlens: 'notesPageUpdated', data: {} }, BACKGROUND)).toMatchObject({
      ok: false,
    });
    expect(seen).toEqual([4]);
    stop();
  });
});

describe('sendMessage / sendTabMessage', () => {
  it('wraps the request in an envelope and unwraps the Result', async () => {
    fake.answer = { ok: true, value: { targets: '', busyMs: 2 } };
    expect(await sendMessage('analyzeTargets', { text: '地区生产总值增长5.5%左右' })).toEqual({
      targets: '',
      busyMs: 2,
    });
    expect(fake.sent).toEqual([{ planlens: 'analyzeTargets', data: { text: '地区生产总值增长5.5%左右' } }]);
  });

  it('throws the error a handler answered, and when nobody answered', async () => {
    fake.answer = { ok: false, error: 'A page can only change its own notes.' };
    await expect(sendMessage('notesDelete', { id: 'urn:uuid:1' })).rejects.toThrow('A page can only change');
    fake.answer = undefined;
    await expect(sendTabMessage(4, 'getDetection', {})).rejects.toThrow('no handler answered "getDetection"');
  });

  it('askTab checks a content script’s answer before the background uses it', async () => {
    fake.answer = { ok: true, value: { enabled: true, counts: { target: 12, achieved: 4 }, extra: 'x' } };
    expect(await askTab(4, 'getHighlighting', {}, TAB_ANSWER_SCHEMAS.getHighlighting)).toEqual({
      enabled: true,
      counts: { target: 12, achieved: 4 },
    });
    fake.answer = { ok: true, value: { enabled: 'yes', counts: { target: 12, achieved: 4 } } };
    await expect(askTab(4, 'getHighlighting', {}, TAB_ANSWER_SCHEMAS.getHighlighting)).rejects.toThrow(
      '"getHighlighting" answer.enabled: expected a boolean',
    );
    fake.answer = {
      ok: true,
      value: { detected: 'simplified', target: 'klingon', hidePinyin: false, hasPinyin: false },
    };
    await expect(askTab(4, 'convertReadStatus', {}, TAB_ANSWER_SCHEMAS.convertReadStatus)).rejects.toThrow(
      'answer.target',
    );
  });
});

describe('sendMessageNow: the gate’s one request, posted at once', () => {
  const sample = {
    title: '内蒙古自治区人民政府关于下达2026年自治区国民经济和社会发展计划的通知',
    headings: ['2026年自治区国民经济和社会发展计划'],
    text: '地区生产总值增长5.5%左右。',
    linkText: 0,
  };

  it('posts the envelope in the same task, before anything is awaited', () => {
    void sendMessageNow('scorePageSample', sample).catch(() => undefined);
    expect(fake.sent).toEqual([{ planlens: 'scorePageSample', data: sample }]);
  });

  it('unwraps the verdict, and throws what the background refused or when nobody answered', async () => {
    const verdict = { match: true, kind: 'plan', score: 4.2, signals: ['lead-annual-plan'] };
    fake.answer = { ok: true, value: verdict };
    expect(await sendMessageNow('scorePageSample', sample)).toEqual(verdict);
    fake.answer = { ok: false, error: 'Bad "scorePageSample" request: data.text: expected a string ≤ 6000' };
    await expect(sendMessageNow('scorePageSample', sample)).rejects.toThrow('data.text');
    fake.answer = undefined;
    await expect(sendMessageNow('scorePageSample', sample)).rejects.toThrow(
      'no handler answered "scorePageSample"',
    );
  });

  it('leaves no timer and no page listener behind (the caller asks again on pageshow)', async () => {
    vi.useFakeTimers();
    try {
      fake.answer = { ok: true, value: { match: false, kind: null, score: -3, signals: [] } };
      await sendMessageNow('scorePageSample', sample);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
