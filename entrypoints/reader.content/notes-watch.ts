/**
 * Tells the notes feature when to re-anchor: after page mutations settle (debounced) and on
 * `planlens:text-changed` from the conversion feature. Our own UI's mutations are ignored.
 *
 * @module
 */

/** Delay after the first change of a burst, so the burst costs one pass. */
const SETTLE_MS = 300;

function isOwn(record: MutationRecord): boolean {
  const target = record.target instanceof Element ? record.target : record.target.parentElement;
  if (target?.closest('[data-planlens-ui]')) return true;
  const nodes = [...record.addedNodes, ...record.removedNodes];
  return nodes.length > 0 && nodes.every((n) => n instanceof Element && n.hasAttribute('data-planlens-ui'));
}

/**
 * Calls `onChange` once per burst of changes (at most one pass per delay, however often the page
 * changes); never re-enters (changes during a pass
 * schedule one more), and waits at least four times the last pass's cost between passes. Stops on
 * `signal`.
 */
export function watchForReanchor(signal: AbortSignal, onChange: () => Promise<void>): void {
  let timer = 0;
  let running = false;
  let again = false;
  let lastCost = 0;
  const run = async () => {
    timer = 0;
    if (signal.aborted) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    const started = performance.now();
    try {
      await onChange();
    } finally {
      running = false;
      lastCost = performance.now() - started;
    }
    if (again) {
      again = false;
      schedule();
    }
  };
  const schedule = () => {
    // Throttle, not debounce: a page that changes every few hundred ms (a view counter) would
    // otherwise postpone re-anchoring for ever.
    if (signal.aborted || timer) return;
    // A page that never stops changing (a ticking clock) costs at most ~20 % of the main thread.
    timer = window.setTimeout(() => void run(), Math.max(SETTLE_MS, 4 * lastCost));
  };
  const observer = new MutationObserver((records) => {
    if (records.some((r) => !isOwn(r))) schedule();
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  document.addEventListener('planlens:text-changed', schedule, { signal });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      clearTimeout(timer);
    },
    { once: true },
  );
}
