/**
 * The reader's one re-injection policy. The background injects the reader whenever a feature needs
 * it, so a page can receive it several times; content scripts of one extension share an isolated
 * world, so state on its global object outlives one injection:
 * - the newest reader owns the page: starting one stops the previous one's features at once
 *   (instead of two sessions painting and listening side by side);
 * - state that must survive (the converter's originals) lives in a {@link worldSlot} and is adopted.
 *
 * @module
 */

/** A value on the isolated world's global object under `key`. */
export interface WorldSlot<T> {
  get(): T | undefined;
  set(value: T | undefined): void;
}

/**
 * The slot `key` of this isolated world (page scripts cannot see it). String keys are kept for
 * state older readers wrote (`__planlensConverter`), so an updated reader adopts it.
 */
export function worldSlot<T>(key: string | symbol): WorldSlot<T> {
  const scope = globalThis as unknown as Record<string | symbol, T | undefined>;
  return {
    get: () => scope[key],
    set: (value) => {
      scope[key] = value;
    },
  };
}

const ACTIVE_READER = worldSlot<() => void>(Symbol.for('planlens.reader.active'));

/**
 * Makes `stop` the page's active reader, stopping the previous one first. Returns `release`, to
 * call when this reader stops on its own (it then stops being the active one).
 */
export function claimPage(stop: () => void): () => void {
  ACTIVE_READER.get()?.();
  ACTIVE_READER.set(stop);
  return () => {
    if (ACTIVE_READER.get() === stop) ACTIVE_READER.set(undefined);
  };
}
