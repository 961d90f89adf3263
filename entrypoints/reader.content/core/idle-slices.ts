/**
 * Runs a generator of small work units in idle time, so a long page never blocks the main thread
 * with one long task. Each `yield` marks a point where the work may pause; the value yielded names
 * the phase the next unit belongs to, so busy time can be measured per phase (idle gaps excluded).
 *
 * @module
 */

/** Busy milliseconds per phase, when the first unit ran, and the longest slice. */
export interface SliceTimings {
  start: number;
  busy: Record<string, number>;
  /** Longest stretch of main-thread time one idle callback took, in ms. */
  longestSlice: number;
}

/** Schedules a callback in idle time; {@link idleSchedulerUntil} in the page. */
export type IdleScheduler = (
  callback: (deadline: IdleDeadline) => void,
  options?: IdleRequestOptions,
) => void;

/**
 * An idle scheduler whose pending callback is cancelled when `signal` aborts. Unlike WXT's
 * `ctx.requestIdleCallback`, which adds an `abort` listener to the context's signal per call and
 * never removes it (each one keeping its callback, and through it a whole pass's text model, alive
 * for the life of the page), the listener here goes when the callback runs.
 */
export function idleSchedulerUntil(
  signal: AbortSignal,
  request: (cb: IdleRequestCallback, options?: IdleRequestOptions) => number = (cb, options) =>
    requestIdleCallback(cb, options),
  cancel: (id: number) => void = (id) => cancelIdleCallback(id),
): IdleScheduler {
  return (callback, options) => {
    if (signal.aborted) return;
    const onAbort = () => cancel(id);
    const id = request((deadline) => {
      signal.removeEventListener('abort', onAbort);
      if (!signal.aborted) callback(deadline);
    }, options);
    signal.addEventListener('abort', onAbort, { once: true });
  };
}

/** Stop a slice when less than this many ms of the idle period are left. */
const MIN_REMAINING_MS = 1;
/** Even a busy page gets the work done eventually. */
const IDLE_TIMEOUT_MS = 300;
/** A slice never runs longer than this, even if the idle deadline allows more. */
const MAX_SLICE_MS = 12;

/**
 * Drives `work` to completion in idle slices. Resolves with the timings, or with null when
 * `signal` aborts first (the generator is closed, so its `finally` blocks run). `now` is the clock
 * (injectable so tests can give work units an exact cost instead of busy-waiting).
 */
export function runInSlices(
  work: Generator<string, void, void>,
  schedule: IdleScheduler,
  signal: AbortSignal,
  firstPhase: string,
  now: () => number = () => performance.now(),
): Promise<SliceTimings | null> {
  const timings: SliceTimings = { start: -1, busy: {}, longestSlice: 0 };
  let phase = firstPhase;
  return new Promise((outerResolve, outerReject) => {
    // The signal lives as long as the session: a listener left on it would keep this pass's work
    // (its text model and ranges) alive for ever, one pass per page change. Removed on settling.
    const onAbort = () => {
      try {
        work.return();
      } catch {
        // Aborted from inside a unit: the running generator closes when that unit returns.
      }
      resolve(null);
    };
    const resolve = (value: SliceTimings | null) => {
      signal.removeEventListener('abort', onAbort);
      outerResolve(value);
    };
    const reject = (error: Error) => {
      signal.removeEventListener('abort', onAbort);
      outerReject(error);
    };
    // An aborted idle callback never fires: settle here instead.
    signal.addEventListener('abort', onAbort, { once: true });
    const slice = (deadline: IdleDeadline) => {
      if (signal.aborted) {
        work.return();
        resolve(null);
        return;
      }
      const sliceStart = now();
      if (timings.start < 0) timings.start = sliceStart;
      try {
        for (;;) {
          const unitStart = now();
          const step = work.next();
          timings.busy[phase] = (timings.busy[phase] ?? 0) + now() - unitStart;
          const elapsed = now() - sliceStart;
          timings.longestSlice = Math.max(timings.longestSlice, elapsed);
          if (step.done) {
            resolve(timings);
            return;
          }
          phase = step.value;
          if (
            elapsed >= MAX_SLICE_MS ||
            (!deadline.didTimeout && deadline.timeRemaining() < MIN_REMAINING_MS)
          )
            break;
          if (deadline.didTimeout && elapsed >= MAX_SLICE_MS / 2) break;
        }
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      schedule(slice, { timeout: IDLE_TIMEOUT_MS });
    };
    schedule(slice, { timeout: IDLE_TIMEOUT_MS });
  });
}
