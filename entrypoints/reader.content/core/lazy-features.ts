/**
 * Features built as files of their own (`entrypoints/reader-<feature>.ts`) and injected only when
 * a page first needs them: a plan page that never converts never parses the converter. The
 * background injects the file into the asking reader's document (`readerLoadFeature`); the file
 * hands its start function over through a slot on the isolated world's global object
 * ({@link provideFeature}), and the reader starts it on its own core ({@link loadFeature}). The
 * file brings its own copies of the libraries it uses: shared state goes through the core object
 * and world slots, never through module variables.
 *
 * Each start is marked `planlens:feature:<feature>` in User Timing.
 *
 * A file injected once stays provided in the world, so a reader injected again (it is, whenever a
 * feature is asked for) starts the feature without another round trip.
 *
 * @module
 */
import { browser } from 'wxt/browser';
import type { ReaderFeatureFile } from '../../../lib/messaging/protocol-page';
import { sendMessage } from '../../../lib/messaging/runtime';
import { worldSlot } from './injection';
import type { PageCore } from './page-core';

/** A feature file's start function: starts the feature on `core` and returns what the core drives. */
export type FeatureStart<T> = (core: PageCore) => T;

/** A feature file's start function, with the extension runtime the file was injected by. */
interface Provided {
  start: FeatureStart<unknown>;
  runtime: object;
}

const PROVIDED = worldSlot<Partial<Record<ReaderFeatureFile, Provided>>>('__planlensFeatures');

/** Called by a feature file as it runs: makes `start` the start function of `feature` in this world. */
export function provideFeature<T>(feature: ReaderFeatureFile, start: FeatureStart<T>): void {
  PROVIDED.set({ ...PROVIDED.get(), [feature]: { start, runtime: browser.runtime } });
}

/**
 * The start function of `feature` a file provided in this world, unless that file came from an
 * extension that has since been reloaded or updated (its code would talk to a runtime that is gone).
 */
function providedStart<T>(feature: ReaderFeatureFile): FeatureStart<T> | undefined {
  const provided = PROVIDED.get()?.[feature];
  return provided?.runtime === browser.runtime ? (provided.start as FeatureStart<T>) : undefined;
}

/**
 * Starts `feature` on `core`, asking the background to inject its file first unless a file
 * injected earlier in this world provided it already.
 *
 * @throws when the file cannot be injected (the document is going away, the extension was
 *   updated) or the reader stopped meanwhile (a feature started then would outlive it)
 */
export async function loadFeature<T>(core: PageCore, feature: ReaderFeatureFile): Promise<T> {
  if (!providedStart(feature)) await sendMessage('readerLoadFeature', { feature });
  const start = providedStart<T>(feature);
  if (!start) throw new Error(`PlanLens: the ${feature} file did not run`);
  if (core.signal.aborted) throw new Error('PlanLens: the reader stopped');
  const started = start(core);
  // In User Timing, as the reader's other marks: tests and benchmarks see which features a page loaded.
  performance.mark(`planlens:feature:${feature}`);
  return started;
}
