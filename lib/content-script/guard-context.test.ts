import { describe, expect, it } from 'vitest';
import { guardContext, protectContext, takeOverFrom, type GuardableContext } from './guard-context';

/** A stand-in for WXT's ContentScriptContext: `notifyInvalidated` aborts, as WXT's does. */
function fakeContext(): GuardableContext & { invalidations: number } {
  const controller = new AbortController();
  const ctx = {
    invalidations: 0,
    signal: controller.signal,
    abort: (reason?: unknown) => controller.abort(reason),
    notifyInvalidated() {
      ctx.invalidations++;
      controller.abort('invalidated');
    },
    onInvalidated(callback: () => void) {
      controller.signal.addEventListener('abort', callback);
      return () => controller.signal.removeEventListener('abort', callback);
    },
  };
  return ctx;
}

describe('guardContext', () => {
  it('ignores an invalidation request while the extension is there (a forged start event)', () => {
    const ctx = fakeContext();
    guardContext(ctx, 'reader', () => false, {});
    ctx.notifyInvalidated();
    expect(ctx.signal.aborted).toBe(false);
  });

  it('invalidates when the extension is gone', () => {
    const ctx = fakeContext();
    let gone = false;
    guardContext(ctx, 'reader', () => gone, {});
    gone = true;
    ctx.notifyInvalidated();
    expect(ctx.signal.aborted).toBe(true);
  });

  it('stops the previous copy of the same script when a newer one starts, and only that one', () => {
    const world = {};
    const oldReader = fakeContext();
    const gate = fakeContext();
    guardContext(oldReader, 'reader', () => false, world);
    guardContext(gate, 'gate', () => false, world);
    let cleaned = false;
    oldReader.onInvalidated(() => (cleaned = true));
    const newReader = fakeContext();
    guardContext(newReader, 'reader', () => false, world);
    expect(cleaned).toBe(true);
    expect(oldReader.signal.aborted).toBe(true);
    expect(newReader.signal.aborted).toBe(false);
    expect(gate.signal.aborted).toBe(false);
    // Another world (another frame, or the page's own) holds no registry of ours.
    guardContext(fakeContext(), 'reader', () => false, {});
    expect(newReader.signal.aborted).toBe(false);
  });

  it('keeps the running copy until the new one takes over (protected meanwhile)', () => {
    const world = {};
    const running = fakeContext();
    guardContext(running, 'reader', () => false, world);
    const starting = fakeContext();
    protectContext(starting, () => false);
    starting.notifyInvalidated(); // a page's forged start event while the new copy reads its settings
    expect(starting.signal.aborted).toBe(false);
    expect(running.signal.aborted).toBe(false);
    takeOverFrom(starting, 'reader', world);
    expect(running.signal.aborted).toBe(true);
    expect(starting.signal.aborted).toBe(false);
  });
});
