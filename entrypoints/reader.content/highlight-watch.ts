/**
 * Notices when the page's text changes — content added later, text rewritten by the page or by
 * our conversion feature (`planlens:text-changed`) — and asks for one re-derivation per burst.
 *
 * @module
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** Quiet time before re-deriving, so a burst of mutations costs one pass. */
const SETTLE_MS = 200;

/** What to watch and whom to tell. */
export interface WatchOptions {
  ctx: ContentScriptContext;
  signal: AbortSignal;
  root: Node;
  /** Whether a change at this node matters (e.g. it is inside the article being read). */
  isRelevant: (node: Node) => boolean;
  /** Re-derives the highlights; resolves when done. */
  onChange: () => Promise<void>;
}

/** True when a mutation touched only PlanLens's own UI (our card host, our style fallback). */
function isOwnMutation(record: MutationRecord): boolean {
  const target = record.target instanceof Element ? record.target : record.target.parentElement;
  if (target?.closest('[data-planlens-ui]')) return true;
  if (record.type !== 'childList') return false;
  const nodes = [...record.addedNodes, ...record.removedNodes];
  return nodes.length > 0 && nodes.every((n) => n instanceof Element && n.hasAttribute('data-planlens-ui'));
}

/**
 * Calls `onChange` after page mutations settle and on `planlens:text-changed`. Never re-enters:
 * changes that arrive during a pass schedule one more pass after it. A page that mutates
 * constantly (a ticking clock) is re-read at most every few multiples of the last pass's cost.
 */
export function watchPageChanges({ ctx, signal, root, isRelevant, onChange }: WatchOptions): void {
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
    timer = ctx.setTimeout(() => void run(), Math.max(SETTLE_MS, 4 * lastCost));
  };
  const observer = new MutationObserver((records) => {
    // Counters and clocks outside the article tick all day: they must not cost a pass each.
    if (records.some((r) => !isOwnMutation(r) && isRelevant(r.target))) schedule();
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  document.addEventListener('planlens:text-changed', schedule, { signal });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(timer);
  });
}
