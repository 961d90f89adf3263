/**
 * The PDF reader on a long plan: seed 001 laid out as its source PDF (tests/browser/plan-pdf.ts)
 * and repeated to 40 pages, printed to PDF by Chromium in the same run, opened in viewer.html.
 * Figures: time from navigation to the first highlight (`planlens:pdf-first-highlight`), to the
 * whole document read and highlighted (`data-planlens-reader`), and the long tasks on the reader's
 * thread (recorded from the document's start until its notes are placed, the last of its start-up
 * work).
 *
 * Long tasks are read twice. As wall time (the `longtask` PerformanceObserver), which on a shared,
 * overloaded machine mostly measures the OS taking the CPU away mid-task: the control page, which
 * only runs 8 ms slices, shows that floor. And as the reader's own CPU time: a Chrome trace of each
 * run gives every task on the reader's main thread with its thread time (`tdur`), which preemption
 * does not inflate. The budget is judged on both, and each wall-clock long task is printed with its
 * CPU time, so a long task that is really work is told from one that is the machine.
 *
 * Goal (issue #14): a 40-page plan shows its first highlights in ≤ 2 s with no long task over
 * 50 ms. Baseline in the same run: the same layout at 10 pages; the ratio shows whether the first
 * highlight waits for the whole document (it should not: ≈ 1×).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { launchBrowser, startFixtureServer, type FixtureServer } from '../../tests/browser/harness';
import { buildSeed001PdfHtml } from '../../tests/browser/plan-pdf';

const RUNS = 3;
/** As a string: tsx wraps named functions with a helper the page does not have. */
const RECORD_LONG_TASKS = `(() => {
  const store = [];
  window.__longTasks = store;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) store.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
})();`;

interface Figures {
  firstHighlight: number;
  ready: number;
  longTasks: number[];
  highlights: number;
  /** Tasks on the reader's main thread (from the trace): wall and CPU ms. */
  tasks: TaskTime[];
}

/** One task of a renderer's main thread, from a Chrome trace. */
interface TaskTime {
  wall: number;
  cpu: number;
}

/** The fields of a Chrome trace event this bench reads. */
interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { url?: string } };
}

/** Trace categories: the main thread's tasks (`RunTask`, with thread time) and script events that name their address. */
const TRACE_CATEGORIES = 'devtools.timeline,disabled-by-default-devtools.timeline';

/** Starts a trace on `cdp`; the returned function ends it and resolves the events. */
async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  const collect = ({ value }: { value: unknown[] }) => events.push(...(value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', { categories: TRACE_CATEGORIES, transferMode: 'ReportEvents' });
  return async () => {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
    return events;
  };
}

/**
 * The top-level tasks of the main thread of the renderer whose scripts come from `origin` (the
 * process that ran a script from that address), with their wall and thread (CPU) time.
 */
function readMainThreadTasks(events: TraceEvent[], origin: string): TaskTime[] {
  const pid = events.find(
    (e) =>
      (e.name === 'EvaluateScript' || e.name === 'FunctionCall') && e.args?.data?.url?.startsWith(origin),
  )?.pid;
  const main = new Set(
    events
      .filter(
        (e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid && e.args?.name === 'CrRendererMain',
      )
      .map((e) => e.tid),
  );
  return events
    .filter((e) => e.pid === pid && main.has(e.tid) && e.ph === 'X' && e.name === 'RunTask')
    .map((e) => ({ wall: (e.dur ?? 0) / 1000, cpu: (e.tdur ?? e.dur ?? 0) / 1000 }));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function measure(page: Page, cdp: CDPSession, url: string, origin: string): Promise<Figures> {
  const endTrace = await startTrace(cdp);
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.planlensReader !== undefined, undefined, {
    timeout: 120_000,
  });
  const ready = await page.evaluate(() => performance.now());
  // Notes are placed last (a PDF with text always gets there): the start-up work ends there.
  await page.waitForFunction(() => document.documentElement.dataset.planlensNotes !== undefined, undefined, {
    timeout: 120_000,
  });
  const figures = await page.evaluate(() => ({
    firstHighlight: performance.getEntriesByName('planlens:pdf-first-highlight')[0]?.duration ?? -1,
    longTasks: (window as unknown as { __longTasks: number[] }).__longTasks,
    highlights:
      (CSS.highlights.get('planlens-target')?.size ?? 0) +
      (CSS.highlights.get('planlens-achieved')?.size ?? 0),
  }));
  return { ...figures, ready, tasks: readMainThreadTasks(await endTrace(), origin) };
}

/**
 * The control page: 8 ms slices of busy work for `?ms=`, yielding between them, as the reader
 * does; its long tasks in `window.__controlLongTasks` once done. A page of its own (not an
 * evaluated script) so the trace finds its thread by its address.
 */
const CONTROL_HTML = `<!doctype html><meta charset="utf-8"><title>control</title><script>
  const store = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) store.push(e.duration);
  }).observe({ type: 'longtask' });
  const end = performance.now() + Number(new URLSearchParams(location.search).get('ms'));
  const slice = () => {
    const stop = performance.now() + 8;
    while (performance.now() < stop);
    if (performance.now() < end) setTimeout(slice, 0);
    else setTimeout(() => (window.__controlLongTasks = store), 100);
  };
  slice();
</script>`;

/**
 * The noise floor on a shared machine: {@link CONTROL_HTML} run for `ms`. Long tasks it records
 * come from the OS taking the CPU away mid-slice, not from the work; its tasks' CPU time stays
 * near 8 ms.
 */
async function measureControl(
  page: Page,
  cdp: CDPSession,
  server: FixtureServer,
  ms: number,
): Promise<{ longTasks: number[]; tasks: TaskTime[] }> {
  const endTrace = await startTrace(cdp);
  const url = server.url(`control.html?ms=${Math.round(ms)}`);
  await page.goto(url);
  const handle = await page.waitForFunction(
    () => (window as unknown as { __controlLongTasks?: number[] }).__controlLongTasks,
    undefined,
    { timeout: ms + 60_000 },
  );
  const longTasks = (await handle.jsonValue()) as number[];
  return { longTasks, tasks: readMainThreadTasks(await endTrace(), new URL(url).origin) };
}

/** `values` as `n (a, b, …)`. */
function listOver(values: number[]): string {
  return `${values.length}${values.length ? ` (${values.map((d) => d.toFixed(0)).join(', ')})` : ''}`;
}

/** Runs the benchmark and prints the figures. */
export async function run(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'planlens-pdf-bench-'));
  const browser = await launchBrowser();
  try {
    const printer = await browser.context.newPage();
    const sizes = [10, 40];
    const made: Record<number, number> = {};
    for (const pages of sizes) {
      const { html, pages: count } = buildSeed001PdfHtml(pages);
      made[pages] = count;
      await printer.setContent(html);
      await printer.emulateMedia({ media: 'print' });
      await writeFile(
        path.join(dir, `plan-${pages}.pdf`),
        await printer.pdf({ format: 'A4', preferCSSPageSize: true }),
      );
    }
    await printer.close();
    await writeFile(path.join(dir, 'control.html'), CONTROL_HTML);
    const server = await startFixtureServer(dir);
    await browser.context.addInitScript({ content: RECORD_LONG_TASKS });
    const origin = `chrome-extension://${browser.extensionId}/`;
    const rows: Array<[number, Figures]> = [];
    for (const pages of sizes) {
      const runs: Figures[] = [];
      for (let k = 0; k < RUNS; k++) {
        // A tab per run: leaving the previous reader (its pages, workers and database) would put
        // that teardown into this reader's first task.
        const tab = await browser.context.newPage();
        const file = encodeURIComponent(server.url(`plan-${pages}.pdf?run=${k}`));
        runs.push(
          await measure(
            tab,
            await browser.context.newCDPSession(tab),
            `${origin}viewer.html?file=${file}`,
            origin,
          ),
        );
        await tab.close();
      }
      rows.push([
        pages,
        {
          firstHighlight: median(runs.map((r) => r.firstHighlight)),
          ready: median(runs.map((r) => r.ready)),
          longTasks: runs.flatMap((r) => r.longTasks),
          highlights: runs[0]!.highlights,
          tasks: runs.flatMap((r) => r.tasks),
        },
      ]);
    }
    const [, longest] = rows[rows.length - 1]!;
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    const control = await measureControl(page, cdp, server, longest.ready);
    await server.close();
    console.log(
      `PDF (median of ${RUNS})   first highlight ms   all read ms   highlights   longest task ms (wall / CPU)   long tasks > 50 ms, wall (all runs)`,
    );
    const longestOf = (tasks: TaskTime[], key: keyof TaskTime) => Math.max(0, ...tasks.map((t) => t[key]));
    for (const [pages, f] of rows) {
      console.log(
        [
          `${made[pages]} pages`.padEnd(20),
          f.firstHighlight.toFixed(0).padStart(18),
          f.ready.toFixed(0).padStart(13),
          String(f.highlights).padStart(12),
          `${Math.max(0, ...f.longTasks).toFixed(0)} / ${longestOf(f.tasks, 'cpu').toFixed(0)}`.padStart(30),
          `  ${listOver(f.longTasks.filter((d) => d > 50))}`,
        ].join(' '),
      );
    }
    console.log(
      [
        'control: 8 ms slices'.padEnd(20),
        '-'.padStart(18),
        longest.ready.toFixed(0).padStart(13),
        '-'.padStart(12),
        `${Math.max(0, ...control.longTasks).toFixed(0)} / ${longestOf(control.tasks, 'cpu').toFixed(0)}`.padStart(
          30,
        ),
        `  ${listOver(control.longTasks.filter((d) => d > 50))} (the machine's noise floor, one run)`,
      ].join(' '),
    );
    const [, base] = rows[0]!;
    const [, long] = rows[1]!;
    // Each task the trace saw run over 50 ms of wall time, with the CPU time it really took.
    const traced = (tasks: TaskTime[]) =>
      tasks
        .filter((t) => t.wall > 50)
        .map((t) => `${t.wall.toFixed(0)}/${t.cpu.toFixed(0)}`)
        .join(', ') || 'none';
    console.log(`40 pages, tasks over 50 ms of wall time, wall/CPU ms: ${traced(long.tasks)}`);
    console.log(`control,  tasks over 50 ms of wall time, wall/CPU ms: ${traced(control.tasks)}`);
    console.log(
      `first highlight, 40 pages / 10 pages: ${(long.firstHighlight / base.firstHighlight).toFixed(2)}×`,
    );
    const worst = Math.max(0, ...long.longTasks);
    const worstCpu = longestOf(long.tasks, 'cpu');
    console.log('budgets:');
    console.log(
      `  ${long.firstHighlight <= 2000 ? 'pass' : 'FAIL'}  40-page PDF, first highlight ≤ 2000 ms: ${long.firstHighlight.toFixed(0)} ms`,
    );
    console.log(
      `  ${worstCpu <= 50 ? 'pass' : 'FAIL'}  40-page PDF, no task over 50 ms of the reader's CPU time: longest ${worstCpu.toFixed(0)} ms`,
    );
    console.log(
      `  ${worst <= 50 ? 'pass' : 'FAIL'}  40-page PDF, no long task over 50 ms of wall time: longest ${worst.toFixed(0)} ms (control: ${Math.max(0, ...control.longTasks).toFixed(0)} ms)`,
    );
  } finally {
    await browser.close();
    await rm(dir, { recursive: true, force: true });
  }
}
