/**
 * The reader's composition root: one core per page (text model, watcher, idle slices), then each
 * feature on it. Features use the core and never each other (lint enforces it). This is also where
 * the one re-injection policy is applied: the newest reader owns the page (see core/injection).
 *
 * @module
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { onMessage } from '@/lib/messaging/runtime';
import { launchConverting } from './convert/launch';
import { claimPage } from './core/injection';
import { createPageCore } from './core/page-core';
import type { ReaderMode } from './core/reader-admission';
import { startHighlighting } from './highlight';
import { launchNotes } from './notes/launch';

/**
 * Starts every feature in this page; they stop when `ctx` is invalidated or a newer reader starts.
 * In `notes` mode (a page with notes that is not a plan) highlighting starts off. `startup` holds
 * the storage values read with the settings (see core/reader-settings), for the features' start.
 */
export function startReader(
  ctx: ContentScriptContext,
  mode: ReaderMode = 'full',
  startup: Readonly<Record<string, unknown>> = {},
): void {
  const lifetime = new AbortController();
  const stops: Array<() => void> = [];
  const stop = () => {
    if (lifetime.signal.aborted) return;
    lifetime.abort();
    for (const stopFeature of stops.splice(0)) stopFeature();
    release();
  };
  const release = claimPage(stop);
  ctx.onInvalidated(stop);
  const core = createPageCore(ctx, lifetime.signal, startup);
  stops.push(startHighlighting(core, mode === 'full'), launchConverting(core), launchNotes(core));
  // Last: the background's `ensureReader` waits for this answer, after which every feature's
  // messages are answered (a reader that answered one feature's message while the next one was
  // still starting made the background retry).
  stops.push(answerReady());
}

/**
 * Answers the core's readiness message (`readerReady`) from now on. Call only after every feature
 * has started (registered its messages); returns the remover.
 */
function answerReady(): () => void {
  return onMessage('readerReady', () => true);
}
