/**
 * Giving the reader's event loop a turn between pieces of work, so input and painting run and no
 * single task grows long.
 *
 * @module
 */

interface Scheduler {
  yield(): Promise<void>;
}

let channel: MessageChannel | undefined;
const waiting: Array<() => void> = [];

/**
 * Resolves in a new task. `scheduler.yield()` where the browser has it (it resumes ahead of other
 * queued work); else a MessageChannel message — not `setTimeout(0)`, which browsers clamp to 4 ms
 * once nested, a third of an 8 ms slice lost at every yield.
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<Scheduler> }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
  }
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel!.port2.postMessage(null);
  });
}
