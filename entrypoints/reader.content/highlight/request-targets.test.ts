import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { analyzeText } from '../../../lib/targets/analyze';
import { encodeTargets } from '../../../lib/targets/wire';
import { extractTargets } from './request-targets';
import type { IdleScheduler } from '../core/idle-slices';

// A plain function, not a `vi.fn()`: a spy keeps its own handle on a rejected answer, which Node
// then reports as an unhandled rejection although the code under test handles it.
const background = vi.hoisted(() => ({
  calls: [] as unknown[][],
  answer: (): Promise<unknown> => Promise.reject(new Error('no answer set')),
}));
vi.mock('../../../lib/messaging/runtime', () => ({
  sendMessage: (...args: unknown[]) => {
    background.calls.push(args);
    return background.answer();
  },
}));

const text = readFileSync(
  path.resolve(__dirname, '../../../tests/fixtures/seeds/000_2116d4bac5eff305.txt'),
  'utf8',
);
const idle: IdleScheduler = (callback) =>
  void setTimeout(() => callback({ didTimeout: false, timeRemaining: () => 10 } as IdleDeadline), 0);
const view = (t: { start: number; end: number; text: string; kind: string }) => [
  t.start,
  t.end,
  t.text,
  t.kind,
];

describe('extractTargets', () => {
  beforeEach(() => {
    background.calls = [];
  });

  it('takes the targets the background sends', async () => {
    const targets = analyzeText(text);
    background.answer = () => Promise.resolve({ targets: encodeTargets(targets), busyMs: 12 });
    const result = await extractTargets(text, idle, new AbortController().signal);
    expect(background.calls).toEqual([['analyzeTargets', { text }]]);
    expect(result).toMatchObject({ where: 'background', offThreadMs: 12 });
    expect(result!.targets).toEqual(targets);
  });

  it('asks once more when the first request fails (a worker restarting), and takes that answer', async () => {
    const targets = analyzeText(text);
    let calls = 0;
    background.answer = () =>
      ++calls === 1
        ? Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'))
        : Promise.resolve({ targets: encodeTargets(targets), busyMs: 3 });
    const result = await extractTargets(text, idle, new AbortController().signal);
    expect(background.calls).toHaveLength(2);
    expect(result!.targets.map(view)).toEqual(targets.map(view));
  });

  it('fails the pass when the background fails twice, rather than guessing in the page', async () => {
    background.answer = () => Promise.reject(new Error('Extension context invalidated.'));
    await expect(extractTargets(text, idle, new AbortController().signal)).rejects.toThrow(/invalidated/);
    expect(background.calls).toHaveLength(2);
  });

  it('gives up quietly when the pass is cancelled while waiting', async () => {
    const abort = new AbortController();
    background.answer = () => {
      abort.abort();
      return Promise.resolve({ targets: encodeTargets([]), busyMs: 0 });
    };
    expect(await extractTargets(text, idle, abort.signal)).toBeNull();
  });

  it('rejects an answer it cannot read instead of showing half of it', async () => {
    background.answer = () => Promise.resolve({ targets: '[2, [], [["broken"]]]', busyMs: 0 });
    await expect(extractTargets(text, idle, new AbortController().signal)).rejects.toThrow(/bad target #0/);
  });
});
