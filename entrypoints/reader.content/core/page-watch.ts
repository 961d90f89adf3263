/**
 * Notices when the page's text changes — content added later, text rewritten by the page or by our
 * conversion feature (`planlens:text-changed`) — and asks for one re-derivation per burst. Shared by
 * the highlighting and notes features.
 *
 * @module
 */

/** What to watch and whom to tell. */
export interface WatchOptions {
  /** Stops watching (observer disconnected, pending timer cleared). */
  signal: AbortSignal;
  root: Node;
  /** Whether a change at this node matters (e.g. it is inside the article being read). */
  isRelevant?: (node: Node) => boolean;
  /** Quiet time after the first change of a burst, so the burst costs one pass. */
  settleMs: number;
  /** Re-derives; resolves when done. */
  onChange: () => Promise<void>;
}

/** True when a mutation touched only PlanLens's own UI (our card or toolbar hosts, our styles). */
export function isOwnMutation(record: MutationRecord): boolean {
  const target = record.target instanceof Element ? record.target : record.target.parentElement;
  if (target?.closest('[data-planlens-ui]')) return true;
  if (record.type !== 'childList') return false;
  const nodes = [...record.addedNodes, ...record.removedNodes];
  return nodes.length > 0 && nodes.every((n) => n instanceof Element && n.hasAttribute('data-planlens-ui'));
}

/**
 * Calls `onChange` after page mutations settle and on `planlens:text-changed`. Throttles rather than
 * debounces, so a page that changes every few hundred ms (a view counter) cannot postpone the pass
 * for ever; never re-enters (changes during a pass schedule one more after it); and waits at least
 * four times the last pass's cost, so a page that never stops changing (a ticking clock) costs at
 * most ~20 % of the main thread.
 */
export function watchPageChanges({
  signal,
  root,
  isRelevant = () => true,
  settleMs,
  onChange,
}: WatchOptions): void {
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
    if (timer || signal.aborted) return;
    timer = window.setTimeout(() => void run(), Math.max(settleMs, 4 * lastCost));
  };
  const observer = new MutationObserver((records) => {
    // Counters and clocks outside the article tick all day: they must not cost a pass each.
    if (records.some((r) => !isOwnMutation(r) && isRelevant(r.target))) schedule();
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
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
