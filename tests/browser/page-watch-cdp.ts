/**
 * What a page's renderer did, seen through the Chrome DevTools Protocol rather than from inside a
 * world a page could tamper with: uncaught errors and unhandled rejections in every world of the
 * page (its own, the extension's isolated worlds, every frame), and long tasks on the main thread
 * with the share of each that ran extension script.
 *
 * @module
 */
import type { CDPSession, Page } from 'playwright-core';

/** An uncaught error or unhandled rejection, with the world's origin (`chrome-extension://…` for ours). */
export interface WorldError {
  text: string;
  url: string;
  world: string;
}

/** Records uncaught errors in every world of `page` (and its same-process frames) from now on. */
export async function recordErrors(session: CDPSession): Promise<WorldError[]> {
  const errors: WorldError[] = [];
  const worlds = new Map<number, string>();
  session.on('Runtime.executionContextCreated', ({ context }) => {
    worlds.set(context.id, `${context.origin} ${context.name}`.trim());
  });
  session.on('Runtime.exceptionThrown', ({ exceptionDetails: d }) => {
    errors.push({
      text: d.exception?.description ?? d.text,
      url: d.url ?? '',
      world: worlds.get(d.executionContextId ?? -1) ?? String(d.executionContextId),
    });
  });
  await session.send('Runtime.enable');
  return errors;
}

/**
 * A main-thread task longer than the long-task threshold, and how much of it was extension script
 * (thread time of the calls into extension scripts, which no other process on the machine inflates).
 */
export interface LongTask {
  ms: number;
  /** Time inside calls into extension scripts (`chrome-extension://` URLs) during the task. */
  extensionMs: number;
  /** The extension entry points seen (event name and script). */
  extensionCalls: string[];
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of the event: what the event cost, whatever else ran on the machine. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; scriptName?: string; frame?: string } };
}

/** Events that run script, and where their script came from. */
const SCRIPT_EVENTS = new Set([
  'FunctionCall',
  'EvaluateScript',
  'v8.callFunction',
  'TimerFire',
  'FireIdleCallback',
]);
const TASK_EVENTS = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

/** A trace of the renderer's main threads, started now; `stop()` ends it and returns the long tasks. */
export async function traceLongTasks(
  session: CDPSession,
  extensionOrigin: string,
  thresholdMs = 50,
): Promise<{ stop(): Promise<LongTask[]> }> {
  const events: TraceEvent[] = [];
  session.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  await session.send('Tracing.start', {
    traceConfig: {
      includedCategories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'v8.execute',
        'toplevel',
      ],
    },
    transferMode: 'ReportEvents',
  });
  return {
    async stop() {
      const done = new Promise<void>((resolve) => session.once('Tracing.tracingComplete', () => resolve()));
      await session.send('Tracing.end');
      await done;
      return longTasksOf(events, extensionOrigin, thresholdMs);
    },
  };
}

/** The long tasks of every renderer main thread in `events` (see {@link LongTask}). */
export function longTasksOf(events: TraceEvent[], extensionOrigin: string, thresholdMs: number): LongTask[] {
  const mainThreads = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (!mainThreads.has(key) || e.ph !== 'X') continue;
    let list = byThread.get(key);
    if (!list) byThread.set(key, (list = []));
    list.push(e);
  }
  const tasks: LongTask[] = [];
  for (const list of byThread.values()) {
    list.sort((a, b) => a.ts - b.ts);
    let taskUntil = -1;
    for (const task of list) {
      if (!TASK_EVENTS.has(task.name) || (task.dur ?? 0) < thresholdMs * 1000) continue;
      // A task nested in one already counted (the scheduler's and the thread's view of one task).
      if (task.ts < taskUntil) continue;
      const end = task.ts + task.dur!;
      taskUntil = end;
      let extensionUs = 0;
      let coveredUntil = -1;
      const calls: string[] = [];
      for (const e of list) {
        if (e.ts < task.ts || e.ts > end || !SCRIPT_EVENTS.has(e.name)) continue;
        const url = e.args?.data?.url ?? e.args?.data?.scriptName ?? '';
        if (!url.startsWith(extensionOrigin)) continue;
        // Nested script events (a timer calling a function) count once.
        if (e.ts < coveredUntil) continue;
        coveredUntil = e.ts + (e.dur ?? 0);
        // CPU time, not wall time: on a loaded machine (CI, two cores) a descheduled thread makes
        // wall-clock durations long without any more work done.
        extensionUs += e.tdur ?? e.dur ?? 0;
        calls.push(`${e.name} ${url.slice(extensionOrigin.length)}`);
      }
      tasks.push({
        ms: task.dur! / 1000,
        extensionMs: extensionUs / 1000,
        extensionCalls: [...new Set(calls)],
      });
    }
  }
  return tasks;
}

/** A CDP session on `page` (one per page; errors and tracing share it). */
export function cdpOf(page: Page): Promise<CDPSession> {
  return page.context().newCDPSession(page);
}
