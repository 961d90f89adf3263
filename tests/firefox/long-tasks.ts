/**
 * Long tasks in Firefox with the share of each that ran PlanLens's content scripts, from the Gecko
 * profiler (Firefox has no Long Tasks API for pages, and no page could be trusted with it): the
 * profiler's `LongTask` markers on the tabs' main threads give the tasks over 50 ms, and its
 * samples inside each, with their thread CPU time, give how much of the task was spent with one of
 * our content scripts on the stack. CPU time, as in the Chromium suite's trace
 * (tests/browser/page-watch-cdp.ts): a descheduled thread on a loaded machine adds wall time only.
 *
 * @module
 */
import { EXTENSION_ORIGIN, type FirefoxBrowser } from './firefox-harness';

/** A main-thread task over 50 ms in a tab's process, and the CPU time our content scripts took in it. */
export interface FirefoxLongTask {
  ms: number;
  extensionMs: number;
}

/** Starts the Gecko profiler on every process's main thread (1 ms samples, JS stacks, CPU time). */
export async function startProfiler(ff: FirefoxBrowser): Promise<void> {
  await ff.evaluateChrome(() => {
    const services = (globalThis as unknown as { Services: { profiler: GeckoProfiler } }).Services;
    services.profiler.StartProfiler(1 << 24, 1, ['js', 'cpu', 'stackwalk'], ['GeckoMain']);
    interface GeckoProfiler {
      StartProfiler(entries: number, interval: number, features: string[], threads: string[]): void;
    }
  });
}

/**
 * Stops the profiler and returns the long tasks of the tabs' main threads (the web content
 * processes), each with the CPU time of samples whose stack holds a frame of `scripts` (our
 * content scripts' address prefix).
 */
export async function stopProfiler(
  ff: FirefoxBrowser,
  scripts = `${EXTENSION_ORIGIN}/content-scripts/`,
): Promise<FirefoxLongTask[]> {
  return ff.evaluateChrome(async (prefix: string) => {
    const services = (globalThis as unknown as { Services: { profiler: GeckoProfiler } }).Services;
    const profile = await services.profiler.getProfileDataAsync();
    services.profiler.StopProfiler();
    const tasks: Array<{ ms: number; extensionMs: number }> = [];
    // Thread CPU time per sample, in µs (or ns); any other unit (CPU cycles) is not time: then the
    // wall time between samples is counted instead.
    const unit = profile.meta.sampleUnits?.threadCPUDelta;
    const cpuScale = unit === 'µs' ? 1 : unit === 'ns' ? 1 / 1000 : null;
    const threads = [...profile.threads, ...profile.processes.flatMap((p) => p.threads)];
    for (const thread of threads) {
      if (thread.processType !== 'tab' || thread.name !== 'GeckoMain') continue;
      const strings = thread.stringTable;
      const frames = thread.frameTable;
      const ours = frames.data.map((f) =>
        (strings[f[frames.schema.location] as number] ?? '').includes(prefix),
      );
      const stacks = thread.stackTable;
      const hasOurs: boolean[] = [];
      // A stack's prefix always comes before it in the table.
      stacks.data.forEach((s, i) => {
        const parent = s[stacks.schema.prefix] as number | null;
        hasOurs[i] = ours[s[stacks.schema.frame] as number]! || (parent !== null && hasOurs[parent]!);
      });
      const samples = thread.samples;
      const time = samples.schema.time;
      const cpu = samples.schema.threadCPUDelta;
      const stack = samples.schema.stack;
      const markers = thread.markers;
      for (const m of markers.data) {
        if (strings[m[markers.schema.name] as number] !== 'LongTask') continue;
        const start = m[markers.schema.startTime] as number;
        const end = m[markers.schema.endTime] as number;
        let extensionUs = 0;
        let previous: number | null = null;
        for (const s of samples.data) {
          const at = s[time] as number;
          if (at < start || at > end) {
            previous = at;
            continue;
          }
          const index = s[stack] as number | null;
          if (index !== null && hasOurs[index]) {
            // CPU time since the previous sample (µs), else the wall time between samples.
            const delta = cpu !== undefined && cpuScale !== null ? (s[cpu] as number | null) : null;
            extensionUs +=
              delta !== null ? delta * cpuScale! : (previous === null ? 1 : at - previous) * 1000;
          }
          previous = at;
        }
        tasks.push({ ms: end - start, extensionMs: extensionUs / 1000 });
      }
    }
    return tasks;

    interface Table<S> {
      schema: S;
      data: unknown[][];
    }
    interface Thread {
      processType: string;
      name: string;
      stringTable: string[];
      frameTable: Table<{ location: number }>;
      stackTable: Table<{ prefix: number; frame: number }>;
      samples: Table<{ stack: number; time: number; threadCPUDelta?: number }>;
      markers: Table<{ name: number; startTime: number; endTime: number }>;
    }
    interface GeckoProfiler {
      getProfileDataAsync(): Promise<{
        meta: { sampleUnits?: { threadCPUDelta?: string } };
        threads: Thread[];
        processes: Array<{ threads: Thread[] }>;
      }>;
      StopProfiler(): void;
    }
  }, scripts);
}
