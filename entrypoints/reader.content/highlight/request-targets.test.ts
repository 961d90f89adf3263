import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { analyzeText } from '../../../lib/targets/analyze';
import { encodeTargets } from '../../../lib/targets/wire';
import { ANALYZE_PART_CHARS } from '../../../lib/messaging/schemas';
import { extractTargets, splitForSending } from './request-targets';
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

  it('sends a long text in parts of at most one part size each, the last with the request', async () => {
    // About 2.5 parts of real plan text, with an astral character (Extension B) across a cut.
    let long = text;
    while (long.length < ANALYZE_PART_CHARS * 2.5) long += text;
    long = `${long.slice(0, ANALYZE_PART_CHARS - 1)}𠀀${long.slice(ANALYZE_PART_CHARS - 1)}`;
    const targets = analyzeText(long);
    background.answer = () => Promise.resolve({ targets: encodeTargets(targets), busyMs: 40 });
    const result = await extractTargets(long, idle, new AbortController().signal);
    const calls = background.calls as [
      string,
      { text: string; request?: string; index?: number; parts?: number },
    ][];
    expect(calls.map(([name]) => name)).toEqual([
      'analyzeTargetsPart',
      'analyzeTargetsPart',
      'analyzeTargets',
    ]);
    expect(calls.every(([, data]) => data.text.length <= ANALYZE_PART_CHARS)).toBe(true);
    expect(calls.map(([, data]) => data.text).join('')).toBe(long);
    const request = calls[0]![1].request;
    expect(calls.map(([, data]) => [data.request, data.index ?? data.parts])).toEqual([
      [request, 0],
      [request, 1],
      [request, 2],
    ]);
    // The pair is whole in the second part, not cut in two.
    expect(calls[1]![1].text.startsWith('𠀀')).toBe(true);
    expect(result!.targets).toEqual(targets);
  });

  it('sends every part again when the background lost them (it restarted between parts)', async () => {
    let long = text;
    while (long.length < ANALYZE_PART_CHARS * 1.5) long += text;
    let finals = 0;
    const answer = { targets: encodeTargets([]), busyMs: 1 };
    background.answer = () => {
      const [name] = background.calls.at(-1) as [string];
      if (name !== 'analyzeTargets') return Promise.resolve(null);
      return ++finals === 1
        ? Promise.reject(new Error('PlanLens: analysis x lost its parts (0 of 1)'))
        : Promise.resolve(answer);
    };
    await extractTargets(long, idle, new AbortController().signal);
    expect(background.calls.map(([name]) => name)).toEqual([
      'analyzeTargetsPart',
      'analyzeTargets',
      'analyzeTargetsPart',
      'analyzeTargets',
    ]);
  });

  it.each([
    ['short', '增长5%', 10, ['增长5%']],
    ['exact', 'abcdef', 3, ['abc', 'def']],
    ['surrogate pair at the cut', 'ab𠀀cd', 3, ['ab', '𠀀c', 'd']],
    ['empty', '', 3, ['']],
  ])('splitForSending: %s', (_, input, size, parts) => {
    expect(splitForSending(input, size)).toEqual(parts);
    expect(splitForSending(input, size).join('')).toBe(input);
  });

  it('rejects an answer it cannot read instead of showing half of it', async () => {
    background.answer = () => Promise.resolve({ targets: '[2, [], [["broken"]]]', busyMs: 0 });
    await expect(extractTargets(text, idle, new AbortController().signal)).rejects.toThrow(/bad target #0/);
  });
});
