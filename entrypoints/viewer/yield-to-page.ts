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

/** How long {@link yieldAfterFrame} waits for a frame: a window that is covered may draw none while "visible". */
const FRAME_WAIT_MS = 50;

/**
 * Resolves in a new task after the next frame is drawn, or after {@link FRAME_WAIT_MS} (a hidden or
 * covered window draws none). Not in the frame's own callback: work done there lands in the same
 * task as the frame's style, layout and paint, and the two add up to a long task.
 */
export function yieldAfterFrame(): Promise<void> {
  if (document.visibilityState !== 'visible') return yieldToPage();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      cancelAnimationFrame(frame);
      void yieldToPage().then(resolve);
    };
    const timer = setTimeout(done, FRAME_WAIT_MS);
    const frame = requestAnimationFrame(done);
  });
}
