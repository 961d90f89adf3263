/**
 * The reader's traditional→simplified folding converter, built from dictionaries the background
 * hands over on first need: most plan pages have no notes and no corrections, so `reader.js` does not
 * carry OpenCC's tables (~46 kB; tests/browser/reader-size.test.ts) and no page pays to parse them.
 *
 * @module
 */
import type { ScriptConverter } from '@/lib/anchor/fold';
import { createT2s } from '@/lib/anchor/t2s-converter';
import { sendMessage } from '@/lib/messaging/runtime';

let loading: Promise<ScriptConverter> | undefined;

/**
 * The converter, once the background answered. Rejects when it cannot (the next call asks again),
 * so a caller leaves its notes or corrections as they were rather than folding with no tables.
 */
export function loadT2s(): Promise<ScriptConverter> {
  loading ??= sendMessage('t2sDictionaries', {}).then(createT2s, (error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
