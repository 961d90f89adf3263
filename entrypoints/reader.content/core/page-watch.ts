/**
 * The one page watcher of a reader: ONE MutationObserver on the body for every feature, and a
 * typed change bus. Features subscribe with their own relevance test and settle time and get one
 * re-derivation per burst; the page text model listens synchronously to know when its cached text
 * is stale. Text rewritten by our conversion (or anything dispatching `planlens:text-changed`,
 * which the converter documents) arrives as a `text-changed` change.
 *
 * @module
 */
import { PLANLENS_UI_ATTR, PLANLENS_UI_SELECTOR } from './markers';

/** The event the converter dispatches after writing text, so ranges over that text are re-derived. */
export const TEXT_CHANGED_EVENT = 'planlens:text-changed';

/** Attributes the text models read ({@link isHiddenByAttributes}): a change to one makes cached text stale. */
const TEXT_ATTRIBUTES = ['hidden', 'aria-hidden', 'style', PLANLENS_UI_ATTR];

/** What changed in the page. */
export type PageChange = { kind: 'mutations'; records: readonly MutationRecord[] } | { kind: 'text-changed' };

/** A feature's subscription: see {@link PageWatcher.subscribe}. */
export interface WatchOptions {
  /** Ends the subscription (pending timer cleared). */
  signal: AbortSignal;
  /** Whether a change at this node matters (e.g. it is inside the article being read). */
  isRelevant?: (node: Node) => boolean;
  /** Quiet time after the first change of a burst, so the burst costs one pass. */
  settleMs: number;
  /** Re-derives; resolves when done. */
  onChange: () => Promise<void>;
}

/** The page's one watcher. */
export interface PageWatcher {
  /**
   * Calls `onChange` after relevant text changes settle (see {@link throttlePasses}). Attribute
   * changes only make cached text stale; they never start a pass (as before the watcher was shared).
   */
  subscribe(options: WatchOptions): void;
  /** Listens to every change, synchronously as it is delivered; returns the unsubscribe function. */
  listen(listener: (change: PageChange) => void): () => void;
  /** Delivers records the observer holds but has not reported yet (before reading the DOM). */
  flush(): void;
  /**
   * Watches one more tree with the same observer: an open shadow root or a same-origin frame's
   * document the text model read (a frame that loads a new document is seen as a `text-changed`
   * change). Watching a tree twice is harmless.
   */
  observe(tree: Node): void;
}

/** True when a mutation touched only PlanLens's own UI (our card or toolbar hosts, our styles). */
export function isOwnMutation(record: MutationRecord): boolean {
  const target = record.target instanceof Element ? record.target : record.target.parentElement;
  if (target?.closest(PLANLENS_UI_SELECTOR)) return true;
  if (record.type !== 'childList') return false;
  const nodes = [...record.addedNodes, ...record.removedNodes];
  return nodes.length > 0 && nodes.every((n) => n instanceof Element && n.hasAttribute(PLANLENS_UI_ATTR));
}

/** What the observer reports, for the top document and every tree added with `observe`. */
const OBSERVE_OPTIONS: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributeFilter: TEXT_ATTRIBUTES,
};

/** Whether an event target is a page frame (not one of ours) whose document just loaded. */
function isPageFrame(target: EventTarget | null): boolean {
  // nodeType, not instanceof: a frame inside a frame belongs to another realm.
  const element = target as Element | null;
  if (element?.nodeType !== 1 || (element.localName !== 'iframe' && element.localName !== 'frame'))
    return false;
  return !element.closest(PLANLENS_UI_SELECTOR);
}

/**
 * Starts the watcher on `root` until `signal` aborts (observer disconnected, listeners dropped).
 * Nothing is observed before the first subscriber or listener. The root is the Document, not its
 * body: a page that replaces itself (`document.open()`/`write()`, a new `<body>`) leaves a body
 * observer watching nodes that are gone.
 */
export function createPageWatcher(signal: AbortSignal, root: Node = document): PageWatcher {
  const listeners = new Set<(change: PageChange) => void>();
  let observer: MutationObserver | null = null;
  const observed = new WeakSet<Node>();
  const onFrameLoad = (event: Event) => {
    if (isPageFrame(event.target)) emit({ kind: 'text-changed' });
  };
  const watchTree = (tree: Node) => {
    if (!observer || observed.has(tree)) return;
    observed.add(tree);
    observer.observe(tree, OBSERVE_OPTIONS);
    // `load` does not bubble, but a capturing listener on the document sees its frames' loads.
    if (tree.nodeType === 9) tree.addEventListener('load', onFrameLoad, { capture: true, signal });
  };
  const emit = (change: PageChange) => {
    for (const listener of listeners) listener(change);
  };
  const onRecords = (records: MutationRecord[]) => {
    if (records.length > 0) emit({ kind: 'mutations', records });
  };
  const start = () => {
    if (observer || signal.aborted) return;
    observer = new MutationObserver(onRecords);
    watchTree(root);
    document.addEventListener(TEXT_CHANGED_EVENT, () => emit({ kind: 'text-changed' }), { signal });
    signal.addEventListener('abort', () => observer?.disconnect(), { once: true });
  };
  const listen = (listener: (change: PageChange) => void) => {
    start();
    listeners.add(listener);
    return () => void listeners.delete(listener);
  };
  return {
    listen,
    flush: () => {
      if (observer) onRecords(observer.takeRecords());
    },
    observe: (tree) => {
      start();
      watchTree(tree);
    },
    subscribe({ signal: until, isRelevant = () => true, settleMs, onChange }) {
      const schedule = throttlePasses(until, settleMs, onChange);
      const remove = listen((change) => {
        // Counters and clocks outside the article tick all day: they must not cost a pass each.
        if (
          change.kind === 'text-changed' ||
          change.records.some((r) => r.type !== 'attributes' && !isOwnMutation(r) && isRelevant(r.target))
        )
          schedule();
      });
      until.addEventListener('abort', remove, { once: true });
    },
  };
}

/**
 * Returns a `schedule()` that runs `pass` after `settleMs`. Throttles rather than debounces, so a
 * page that changes every few hundred ms (a view counter) cannot postpone the pass for ever; never
 * re-enters (changes during a pass schedule one more after it); and waits at least four times the
 * last pass's cost, so a page that never stops changing (a ticking clock) costs at most ~20 % of
 * the main thread.
 */
function throttlePasses(signal: AbortSignal, settleMs: number, pass: () => Promise<void>): () => void {
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
      await pass();
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
  signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  return schedule;
}
