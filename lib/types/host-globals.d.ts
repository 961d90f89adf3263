/**
 * The host globals the pure tier may use, declared by hand because `lib/tsconfig.pure.json`
 * compiles without the DOM library and without Node's types. Each exists in pages, workers,
 * service workers, the Firefox background page and Node 20 alike, so pure code that uses them runs
 * everywhere the engine runs (content scripts, background, offscreen document, `scripts/`, tests).
 *
 * Only this tsconfig includes this file: the root tsconfig gets the real declarations from the DOM
 * library. Add a global here only when it exists in every one of those hosts.
 */

/** A parsed URL (WHATWG URL Standard); only the members pure code reads. */
declare class URL {
  constructor(url: string, base?: string);
  readonly hostname: string;
  readonly protocol: string;
  readonly href: string;
  readonly pathname: string;
  readonly searchParams: { get(name: string): string | null };
  hash: string;
}

/** An abort signal, read-only: pure code may stop when asked, never abort anyone. */
interface AbortSignal {
  readonly aborted: boolean;
  readonly reason: unknown;
  throwIfAborted(): void;
}

/** Schedules `handler` after at least `ms` milliseconds (used to yield between slices of work). */
declare function setTimeout(handler: (...args: never[]) => void, ms?: number): unknown;

/** The high-resolution clock; only `now()`, for slicing work by elapsed time. */
declare const performance: { now(): number };
