import { describe, expect, it } from 'vitest';
import { isContextGone, writeWithRetry } from './write';

const noWait = () => Promise.resolve();

describe('writeWithRetry', () => {
  it('sends again when the background died after storing, and the note is stored once', async () => {
    const store = new Map<string, string>();
    let calls = 0;
    const note = { id: 'urn:uuid:0b7e', body: '粮食产量稳定在840亿斤以上' };
    const saved = await writeWithRetry(
      async () => {
        calls++;
        store.set(note.id, note.body); // the write lands...
        if (calls === 1) throw new Error('The message port closed before a response was received.');
        return note; // ...and the answer to the retry arrives
      },
      [1, 1, 1],
      noWait,
    );
    expect(saved).toBe(note);
    expect(calls).toBe(2);
    expect([...store.values()]).toEqual([note.body]);
  });

  it.each([
    ['a refusal', 'A page can only change its own notes.'],
    ['a cut-off context', 'Extension context invalidated.'],
  ])('does not send again after %s', async (_, message) => {
    let calls = 0;
    await expect(
      writeWithRetry(
        async () => {
          calls++;
          throw new Error(message);
        },
        [1, 1],
        noWait,
      ),
    ).rejects.toThrow(message);
    expect(calls).toBe(1);
  });

  it('gives up after the last delay with the background still away', async () => {
    let calls = 0;
    const away = () => {
      calls++;
      return Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
    };
    await expect(writeWithRetry(away, [1, 1, 1], noWait)).rejects.toThrow('Receiving end');
    expect(calls).toBe(4);
  });
});

describe('isContextGone', () => {
  it.each([
    [undefined, undefined, true],
    ['abcdef', new Error('Extension context invalidated.'), true],
    ['abcdef', new Error('Receiving end does not exist.'), false],
    ['abcdef', undefined, false],
  ])('runtime id %s, error %s → %s', (id, error, gone) => {
    expect(isContextGone(id, error)).toBe(gone);
  });
});
