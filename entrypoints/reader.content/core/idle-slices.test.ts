import { describe, expect, it } from 'vitest';
import { idleSchedulerUntil, runInSlices, type IdleScheduler } from './idle-slices';

/** Runs idle callbacks on demand, with a deadline that has `remaining` ms left. */
function manualScheduler(remaining = 50) {
  const queue: Array<(deadline: IdleDeadline) => void> = [];
  const schedule: IdleScheduler = (callback) => void queue.push(callback);
  const deadline = { didTimeout: false, timeRemaining: () => remaining } as IdleDeadline;
  return {
    schedule,
    pending: () => queue.length,
    runNext: () => queue.shift()?.(deadline),
  };
}

/** A fake clock: work units advance it by an exact cost, so slicing is deterministic under load. */
let clock = 0;
const now = () => clock;
/** A unit of work that costs exactly `ms` milliseconds on the fake clock. */
function spin(ms: number): void {
  clock += ms;
}

/**
 * `controller`'s signal, with the set of `abort` listeners currently registered on it: added ones
 * until removed, run (when `once`) or dropped by their own `signal` option.
 */
function countingSignal(controller: AbortController) {
  const live = new Set<EventListener>();
  const signal = controller.signal;
  const add = signal.addEventListener.bind(signal);
  const remove = signal.removeEventListener.bind(signal);
  const wrapped = new Map<EventListener, EventListener>();
  signal.addEventListener = ((type: string, listener: EventListener, options?: AddEventListenerOptions) => {
    const wrapper: EventListener = (event) => {
      if (options?.once) live.delete(listener);
      listener(event);
    };
    wrapped.set(listener, wrapper);
    live.add(listener);
    options?.signal?.addEventListener('abort', () => live.delete(listener), { once: true });
    add(type, wrapper, options);
  }) as typeof signal.addEventListener;
  signal.removeEventListener = ((type: string, listener: EventListener, options?: EventListenerOptions) => {
    live.delete(listener);
    remove(type, wrapped.get(listener) ?? listener, options);
  }) as typeof signal.removeEventListener;
  return { signal, live };
}

describe('runInSlices', () => {
  it('splits long work into several slices and accounts busy time per phase', async () => {
    const idle = manualScheduler();
    function* work(): Generator<string, void, void> {
      for (let k = 0; k < 6; k++) {
        spin(5);
        yield 'analyze';
      }
      spin(5);
      yield 'highlight';
    }
    const done = runInSlices(work(), idle.schedule, new AbortController().signal, 'flatten', now);
    let slices = 0;
    while (idle.pending() > 0) {
      idle.runNext();
      slices++;
    }
    const timings = (await done)!;
    // 35 ms of 5 ms units with a 12 ms cap: each slice stops after the unit that crosses 12 ms (15 ms).
    expect(slices).toBe(3);
    expect(timings.longestSlice).toBe(15);
    expect(timings.busy.flatten).toBe(5);
    // A unit is charged to the phase named by the yield before it; the last spin precedes 'highlight'.
    expect(timings.busy.analyze).toBe(30);
    expect(timings.busy.highlight).toBe(0);
    expect(Object.keys(timings.busy).sort()).toEqual(['analyze', 'flatten', 'highlight']);
  });

  it('stops at an abort: resolves null and closes the generator', async () => {
    const idle = manualScheduler();
    const controller = new AbortController();
    let closed = false;
    let steps = 0;
    function* work(): Generator<string, void, void> {
      try {
        for (;;) {
          steps++;
          spin(13);
          yield 'analyze';
        }
      } finally {
        closed = true;
      }
    }
    const done = runInSlices(work(), idle.schedule, controller.signal, 'analyze', now);
    idle.runNext();
    // The page's ctx cancels pending idle callbacks on abort: the next slice never runs.
    controller.abort();
    expect(await done).toBeNull();
    expect(closed).toBe(true);
    expect(steps).toBe(1);
  });

  it('rejects when the work throws', async () => {
    const idle = manualScheduler();
    // eslint-disable-next-line require-yield
    function* work(): Generator<string, void, void> {
      throw new Error('boom');
    }
    const done = runInSlices(work(), idle.schedule, new AbortController().signal, 'analyze', now);
    idle.runNext();
    await expect(done).rejects.toThrow('boom');
  });

  it('leaves no listener on a long-lived signal after 200 passes, done or failed', async () => {
    // The session's signal lives as long as the page: a listener left per pass would keep that
    // pass's text model and ranges alive (issue #16: 1 → 234 MB in two minutes on a ticking page).
    const { signal, live } = countingSignal(new AbortController());
    const idle = manualScheduler();
    for (let pass = 0; pass < 200; pass++) {
      const fails = pass % 10 === 9;
      // eslint-disable-next-line require-yield
      function* work(): Generator<string, void, void> {
        spin(1);
        if (fails) throw new Error('page changed under us');
      }
      const done = runInSlices(work(), idle.schedule, signal, 'analyze', now);
      while (idle.pending() > 0) idle.runNext();
      if (fails) await expect(done).rejects.toThrow('page changed');
      else expect(await done).not.toBeNull();
    }
    expect(live.size).toBe(0);
  });
});

describe('idleSchedulerUntil', () => {
  /** A fake requestIdleCallback: callbacks wait in `queue` until run. */
  function fakeIdle() {
    const queue = new Map<number, IdleRequestCallback>();
    let next = 1;
    const deadline = { didTimeout: false, timeRemaining: () => 50 } as IdleDeadline;
    return {
      request: (cb: IdleRequestCallback) => {
        queue.set(next, cb);
        return next++;
      },
      cancel: (id: number) => void queue.delete(id),
      runAll: () => {
        const due = [...queue.values()];
        queue.clear();
        due.forEach((cb) => cb(deadline));
      },
      pending: () => queue.size,
    };
  }

  it('leaves no listener behind once each callback has run', () => {
    const { signal, live } = countingSignal(new AbortController());
    const idle = fakeIdle();
    const schedule = idleSchedulerUntil(signal, idle.request, idle.cancel);
    let ran = 0;
    for (let k = 0; k < 500; k++) schedule(() => ran++);
    idle.runAll();
    expect(ran).toBe(500);
    expect(live.size).toBe(0);
  });

  it('cancels what is pending when the signal aborts, and schedules nothing after', () => {
    const controller = new AbortController();
    const idle = fakeIdle();
    const schedule = idleSchedulerUntil(controller.signal, idle.request, idle.cancel);
    let ran = 0;
    schedule(() => ran++);
    schedule(() => ran++);
    controller.abort();
    expect(idle.pending()).toBe(0);
    schedule(() => ran++);
    idle.runAll();
    expect(ran).toBe(0);
  });
});
