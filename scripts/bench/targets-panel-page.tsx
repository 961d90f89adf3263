/**
 * The in-page half of targets-panel.bench.ts, bundled by esbuild and run in Chromium: renders the
 * real Targets table (components/targets-panel.tsx) with `count` rows and times the first render,
 * a sort, a filter and a hover message (its row scrolled to and marked), each until the DOM shows
 * it and layout is done. Expects a
 * fake `chrome` (runtime messaging only) installed before it loads; exposes `window.panelBench`.
 *
 * @module
 */
import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { TargetsTable } from '../../components/targets-panel';
import type { PlanLensDb } from '../../lib/db/schema';
import { targetsStrings } from '../../lib/i18n/strings';
import type { Target } from '../../lib/targets/target';

/** Times of one run, in ms. */
export interface PanelTimes {
  render: number;
  sort: number;
  filter: number;
  hover: number;
}

/** Resolves once `done()` holds, checking after each macrotask; then forces layout. */
async function until(done: () => boolean): Promise<void> {
  for (let k = 0; k < 100_000 && !done(); k++) await new Promise((r) => setTimeout(r, 0));
  void document.body.getBoundingClientRect();
}

/** One run with `targets` as the page's highlights; `deliver` hands a message to the panel's listeners. */
async function runOnce(targets: Target[], deliver: (message: unknown) => void): Promise<PanelTimes> {
  const host = document.createElement('div');
  document.body.appendChild(host);
  const root = createRoot(host);
  // The table's row count (a long table draws only the rows near the view).
  const rowsShown = () =>
    host.querySelector('tbody tr[data-index]')
      ? Number(host.querySelector('table')?.getAttribute('aria-rowcount') ?? 1) - 1
      : 0;
  const page = {
    url: 'https://www.nmg.gov.cn/plan.html',
    title: '计划',
    date: '',
    enabled: true,
    targets,
    outline: [],
    corrections: [],
    currentSection: -1,
  };
  let t = performance.now();
  flushSync(() =>
    root.render(
      createElement(TargetsTable, {
        page,
        tabId: 7,
        strings: targetsStrings('zh-Hans'),
        db: null as unknown as PlanLensDb,
      }),
    ),
  );
  await until(() => rowsShown() === targets.length);
  const render = performance.now() - t;

  const first = () => host.querySelector('tbody tr')?.getAttribute('data-index');
  const before = first();
  t = performance.now();
  host.querySelectorAll<HTMLButtonElement>('thead button')[2]!.click();
  await until(() => first() !== before);
  const sort = performance.now() - t;

  const input = host.querySelector<HTMLInputElement>('input[type="search"]')!;
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  const all = rowsShown();
  t = performance.now();
  setValue.call(input, '生产总值');
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await until(() => rowsShown() !== all);
  const filter = performance.now() - t;
  setValue.call(input, '');
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await until(() => rowsShown() === all);

  const index = Math.floor(targets.length * 0.9);
  t = performance.now();
  deliver({ planlens: 'targetsPageHover', data: { index } });
  await until(() => host.querySelector('tr[data-hovered]')?.getAttribute('data-index') === String(index));
  const hover = performance.now() - t;

  root.unmount();
  host.remove();
  return { render, sort, filter, hover };
}

declare global {
  interface Window {
    panelBench: typeof runOnce;
  }
}
window.panelBench = runOnce;
