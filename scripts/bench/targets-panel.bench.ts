/**
 * The side panel stays responsive with 3,000 rows: the real Targets table
 * (components/targets-panel.tsx, React, with the built panel's stylesheet when there is a build)
 * rendered in Chromium in a plain page, with a fake `chrome` that only routes runtime messages.
 * Times the first render, a sort (a column header click), a filter (typing in the text filter,
 * 简/繁 folding included) and a hover message from the page (its row marked and scrolled into
 * view), each until the DOM shows it and layout is done; 3,000 rows against 300 rows in the same
 * run (linear cost is 10×), and a bare DOM table of 3,000 rows built without React as the floor.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { analyzeText } from '../../lib/targets/analyze';
import type { Target } from '../../lib/targets/target';
import { EXTENSION_DIR, launchBrowser, ROOT, startFixtureServer } from '../../tests/browser/harness';
import type { PanelTimes } from './targets-panel-page';

const RUNS = 5;
const EXTENSION_ID = 'benchextensionid';

/** `count` targets from the seed plans, repeated with shifted offsets as one long page would give. */
function makeTargets(count: number): Target[] {
  const dir = path.join(ROOT, 'tests/fixtures/seeds');
  const seed: Target[] = [];
  let shift = 0;
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    const text = readFileSync(path.join(dir, file), 'utf8');
    for (const t of analyzeText(text)) seed.push({ ...t, start: t.start + shift, end: t.end + shift });
    shift += text.length;
  }
  const out: Target[] = [];
  for (let k = 0; out.length < count; k++) {
    const t = seed[k % seed.length]!;
    const lap = Math.floor(k / seed.length) * shift;
    out.push({ ...t, start: t.start + lap, end: t.end + lap });
  }
  return out;
}

/** A `chrome` with runtime messaging only, so the panel's listeners can be handed messages. */
const FAKE_CHROME = `
window.__listeners = new Set();
window.chrome = {
  runtime: {
    id: '${EXTENSION_ID}',
    getURL: (p) => 'chrome-extension://${EXTENSION_ID}' + p,
    onMessage: { addListener: (l) => window.__listeners.add(l), removeListener: (l) => window.__listeners.delete(l) },
    sendMessage: async () => undefined,
  },
  tabs: { onUpdated: { addListener() {}, removeListener() {} }, sendMessage: async () => ({ ok: true, value: false }) },
};
window.__deliver = (message) => {
  const sender = { id: '${EXTENSION_ID}', url: 'https://www.nmg.gov.cn/plan.html', tab: { id: 7 }, frameId: 0 };
  for (const l of window.__listeners) l(message, sender, () => undefined);
};`;

/** The built side panel's stylesheets, when the extension was built ('' otherwise). */
function panelCss(): string {
  const html = path.join(EXTENSION_DIR, 'sidepanel.html');
  if (!existsSync(html)) return '';
  const links = [...readFileSync(html, 'utf8').matchAll(/href="\/([^"]+\.css)"/gu)].map((m) => m[1]!);
  return links.map((file) => readFileSync(path.join(EXTENSION_DIR, file), 'utf8')).join('\n');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export async function run(): Promise<void> {
  const bundle = await build({
    entryPoints: [path.join(ROOT, 'scripts/bench/targets-panel-page.tsx')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2022',
    jsx: 'automatic',
    tsconfig: path.join(ROOT, 'tsconfig.json'),
    define: { 'process.env.NODE_ENV': '"production"', 'import.meta.env': '{}' },
  });
  const css = panelCss();
  const server = await startFixtureServer(undefined, {
    '/panel-bench.html': `<!doctype html><meta charset="utf-8"><title>bench</title><style>${css}</style><body class="p-3 text-sm"><script>${FAKE_CHROME}</script></body>`,
  });
  const browser = await launchBrowser({ extension: false });
  try {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 420, height: 900 });
    await page.goto(server.url('panel-bench.html'));
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
    const measure = async (count: number) => {
      const targets = makeTargets(count);
      const runs: PanelTimes[] = [];
      for (let k = 0; k < RUNS; k++) {
        runs.push(
          await page.evaluate(
            (t) =>
              window.panelBench(t, (m) =>
                (window as unknown as { __deliver(m: unknown): void }).__deliver(m),
              ),
            targets,
          ),
        );
      }
      return {
        render: median(runs.map((r) => r.render)),
        sort: median(runs.map((r) => r.sort)),
        filter: median(runs.map((r) => r.filter)),
        hover: median(runs.map((r) => r.hover)),
      };
    };
    const bare = async (count: number) => {
      const targets = makeTargets(count);
      const runs: number[] = [];
      for (let k = 0; k < RUNS; k++) {
        runs.push(
          await page.evaluate((list) => {
            const t = performance.now();
            const table = document.createElement('table');
            const body = document.createElement('tbody');
            for (const target of list) {
              const tr = document.createElement('tr');
              for (const text of [
                target.indicator,
                target.quote,
                String(target.value),
                target.unit,
                target.qualifier,
                target.direction ?? '',
                target.kind,
                String(target.year ?? ''),
                target.section,
                '✎',
              ]) {
                const td = document.createElement('td');
                td.textContent = text;
                tr.appendChild(td);
              }
              body.appendChild(tr);
            }
            table.appendChild(body);
            document.body.appendChild(table);
            void table.getBoundingClientRect();
            const ms = performance.now() - t;
            table.remove();
            return ms;
          }, targets),
        );
      }
      return median(runs);
    };
    const small = await measure(300);
    const large = await measure(3000);
    const floor = await bare(3000);
    console.log(
      `median of ${RUNS} runs in Chromium, until the DOM shows it and layout is done${css ? '' : ' (no build: unstyled)'}`,
    );
    console.log('                      300 rows    3000 rows   3000/300');
    for (const key of ['render', 'sort', 'filter', 'hover'] as const) {
      console.log(
        `${key.padEnd(20)} ${small[key].toFixed(1).padStart(8)} ms ${large[key].toFixed(1).padStart(9)} ms ${(large[key] / small[key]).toFixed(1).padStart(8)}×`,
      );
    }
    console.log(
      `bare DOM table, 3000 rows (floor)  ${floor.toFixed(1)} ms; the panel's first render is ${(large.render / floor).toFixed(1)}× it`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
}
