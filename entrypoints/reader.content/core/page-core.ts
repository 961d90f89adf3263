/**
 * What every reader feature gets from the core: one per page, made by the composition root
 * (reader.ts) and shared — the content-script context, the reader's lifetime signal, the idle
 * scheduler, the page watcher, the text model and the request bus between features.
 *
 * @module
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { idleSchedulerUntil, type IdleScheduler } from './idle-slices';
import { createPageText, type PageText } from './page-text';
import { createPageWatcher, type PageWatcher } from './page-watch';
import { createReaderBus, type ReaderBus } from './reader-bus';
import { createPageRecords, type PageRecords } from './page-records';

/** The shared core of one reader in one page. */
export interface PageCore {
  ctx: ContentScriptContext;
  /** Aborts when this reader stops (its context is invalidated or a newer reader took the page). */
  signal: AbortSignal;
  /** Idle callbacks bound to the reader's lifetime (never fire after it stops). */
  idle: IdleScheduler;
  watcher: PageWatcher;
  text: PageText;
  /** Requests between features (see reader-bus). */
  bus: ReaderBus;
  /**
   * Storage values read once when the reader started, with its settings (one read for all
   * features: see core/reader-settings). A key missing here was not stored; later changes are not
   * in it, so only a feature's first pass may use it.
   */
  startup: Readonly<Record<string, unknown>>;
  /** The features' first reads of stored records, in one request (see page-records). */
  records: PageRecords;
}

/** Builds the core; nothing observes the page until a feature subscribes. */
export function createPageCore(
  ctx: ContentScriptContext,
  signal: AbortSignal,
  startup: Readonly<Record<string, unknown>> = {},
): PageCore {
  // Not ctx.requestIdleCallback: WXT adds an abort listener per call and never removes it, which kept
  // every pass's text model alive (tests/browser/memory.test.ts).
  const idle = idleSchedulerUntil(signal);
  const watcher = createPageWatcher(signal);
  return {
    ctx,
    signal,
    idle,
    watcher,
    text: createPageText(watcher, idle),
    bus: createReaderBus(),
    startup,
    records: createPageRecords(),
  };
}
