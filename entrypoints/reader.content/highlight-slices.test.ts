import { describe, expect, it } from 'vitest';
import { runInSlices, type IdleScheduler } from './highlight-slices';

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

/** Busy-waits `ms` milliseconds: a unit of work of known cost. */
function spin(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // busy
  }
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
    const done = runInSlices(work(), idle.schedule, new AbortController().signal, 'flatten');
    let slices = 0;
    while (idle.pending() > 0) {
      idle.runNext();
      slices++;
    }
    const timings = (await done)!;
    // 35 ms of work with a 12 ms cap per slice cannot fit in fewer than three slices.
    expect(slices).toBeGreaterThanOrEqual(3);
    expect(timings.longestSlice).toBeLessThan(30);
    expect(timings.busy.flatten).toBeGreaterThanOrEqual(4.5);
    expect(timings.busy.analyze).toBeGreaterThanOrEqual(25);
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
    const done = runInSlices(work(), idle.schedule, controller.signal, 'analyze');
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
    const done = runInSlices(work(), idle.schedule, new AbortController().signal, 'analyze');
    idle.runNext();
    await expect(done).rejects.toThrow('boom');
  });
});
