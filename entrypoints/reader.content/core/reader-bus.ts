/**
 * Requests one reader feature makes of another, through the core: features never import each
 * other (lint enforces it), so the highlight card's "Add note" asks whoever handles
 * `note:start-on-range` (the notes feature) instead of calling it. Typed by {@link ReaderEvents}.
 *
 * @module
 */

/** Every request on the bus and its payload. */
export interface ReaderEvents {
  /** Start a note on this range of the page (the target card's "Add note" on its sentence). */
  'note:start-on-range': { range: StaticRange };
}

/** The reader's request bus. */
export interface ReaderBus {
  /** Handles `type` until `signal` aborts. */
  on<K extends keyof ReaderEvents>(
    type: K,
    handler: (detail: ReaderEvents[K]) => void,
    signal: AbortSignal,
  ): void;
  /** Hands `detail` to every handler of `type`; false when no feature handles it (it is off). */
  emit<K extends keyof ReaderEvents>(type: K, detail: ReaderEvents[K]): boolean;
}

/** Creates an empty bus. */
export function createReaderBus(): ReaderBus {
  const handlers = new Map<keyof ReaderEvents, Set<(detail: never) => void>>();
  return {
    on(type, handler, signal) {
      if (signal.aborted) return;
      const set = handlers.get(type) ?? new Set();
      handlers.set(type, set);
      set.add(handler);
      signal.addEventListener('abort', () => set.delete(handler), { once: true });
    },
    emit(type, detail) {
      const set = handlers.get(type);
      for (const handler of set ?? []) (handler as (d: typeof detail) => void)(detail);
      return (set?.size ?? 0) > 0;
    },
  };
}
