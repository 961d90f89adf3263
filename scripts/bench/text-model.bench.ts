/**
 * Cost of the page text model in Chromium on a large plan page (seed 002's reprint, repeated to
 * about 800k characters, the top of the range the reader must handle). Ratios are against
 * baselines measured in the same page and run: `body.textContent` (native) and the smallest JS
 * text walk (a SHOW_TEXT TreeWalker joining node data) for flattening; a linear scan over the
 * nodes (the original stub) for offset → DOM mapping.
 *
 * The reader's text model (findArticleRoot, then flattening the root with the reader's skip:
 * `isHiddenInLayout || isPageChrome`) runs once per page load, before the JIT has compiled any
 * of it, so it is also timed as a first run in a fresh page (median over several loads), next to
 * its warm median.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type * as DetectApi from '../../lib/detect/detect';
import type * as DomMapApi from '../../lib/dom/dom-map';
import type * as FlattenApi from '../../lib/dom/flatten';
import type * as MainContentApi from '../../lib/dom/main-content';
import type * as PageSampleApi from '../../lib/dom/page-sample';
import { launchBrowser, PAGES_DIR, startFixtureServer, type TestBrowser } from '../../tests/browser/harness';
import { bundleTextHelpers } from '../../tests/browser/bundle-text-helpers';

type TextApi = typeof FlattenApi &
  typeof DomMapApi &
  typeof MainContentApi &
  typeof PageSampleApi &
  typeof DetectApi;

const COPIES = 20;
const SPLIT_COPIES = 800;
const RUNS = 7;
const LOOKUPS = 5000;
/** Fresh loads for the first-run (cold) timing of the reader's text model. */
const COLD_LOADS = 5;

/** A fixture page with the part between two markers repeated, as one large page. */
function buildLargePage(file: string, from: string, to: string, copies: number): string {
  const html = readFileSync(path.join(PAGES_DIR, file), 'utf8');
  const open = html.indexOf(from);
  const close = html.indexOf(to, open);
  return html.slice(0, open) + html.slice(open, close).repeat(copies) + html.slice(close);
}

/** Long paragraphs (few, large text nodes) and CMS markup (many small nodes). */
const LARGE_PAGES = {
  'large-reprint.html': () =>
    buildLargePage(
      'reprint-traditional-report.html',
      '<div class="news"',
      '<section class="comments"',
      COPIES,
    ),
  'large-split.html': () => buildLargePage('split-quantities.html', '<h2>', '</div>\n</div>', SPLIT_COPIES),
};

export async function run(): Promise<void> {
  const routes = Object.fromEntries(Object.entries(LARGE_PAGES).map(([name, make]) => [`/${name}`, make()]));
  const server = await startFixtureServer(PAGES_DIR, routes);
  const browser = await launchBrowser({ extension: false });
  const helpers = await bundleTextHelpers();
  try {
    for (const name of Object.keys(LARGE_PAGES)) {
      const cold = await measureReaderPathCold(browser, server.url(name), helpers);
      await measure(browser, server.url(name), helpers, cold);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

/**
 * The reader's text model as its first run in a fresh page: median over {@link COLD_LOADS} loads
 * of findArticleRoot plus flattening its result with the reader's skip.
 */
async function measureReaderPathCold(browser: TestBrowser, url: string, helpers: string): Promise<number> {
  const times: number[] = [];
  for (let k = 0; k < COLD_LOADS; k++) {
    const page = await browser.context.newPage();
    try {
      await page.goto(url);
      await page.addScriptTag({ content: helpers });
      await page.evaluate('globalThis.__name = (fn) => fn');
      times.push(
        await page.evaluate(() => {
          const T = (window as unknown as { PlanLensText: TextApi }).PlanLensText;
          const t0 = performance.now();
          const root = T.findArticleRoot(document);
          T.flattenElement(root, { skip: (el) => T.isHiddenInLayout(el) || T.isPageChrome(el) });
          return performance.now() - t0;
        }),
      );
    } finally {
      await page.close();
    }
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1]!;
}

async function measure(
  browser: TestBrowser,
  url: string,
  helpers: string,
  readerCold: number,
): Promise<void> {
  const page = await browser.context.newPage();
  try {
    await page.goto(url);
    await page.addScriptTag({ content: helpers });
    // tsx compiles with keepNames, so functions passed to evaluate() call esbuild's __name helper.
    await page.evaluate('globalThis.__name = (fn) => fn');
    const results = await page.evaluate(
      ({ runs, lookups }) => {
        const T = (window as unknown as { PlanLensText: TextApi }).PlanLensText;
        const median = (f: () => unknown): number => {
          const times: number[] = [];
          for (let k = 0; k < runs; k++) {
            const t0 = performance.now();
            f();
            times.push(performance.now() - t0);
          }
          times.sort((a, b) => a - b);
          return times[times.length >> 1]!;
        };
        const textContent = median(() => document.body.textContent!.length);
        const plainWalk = median(() => {
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          const parts: string[] = [];
          for (let n = walker.nextNode(); n; n = walker.nextNode()) parts.push((n as Text).data);
          return parts.join('').length;
        });
        const flatten = median(() => T.flattenElement(document.body));
        const flattenLayout = median(() => T.flattenElement(document.body, { skip: T.isHiddenInLayout }));
        const articleRoot = median(() => T.findArticleRoot(document));
        const readerPath = median(() =>
          T.flattenElement(T.findArticleRoot(document), {
            skip: (el) => T.isHiddenInLayout(el) || T.isPageChrome(el),
          }),
        );
        const sample = median(() => T.samplePage(document, 6000));
        const gate = median(() => T.detectPlanPage(T.samplePage(document, 6000)));
        const flat = T.flattenElement(document.body);
        const offsets = Array.from({ length: lookups }, (_, k) =>
          Math.floor(((k * 7919) % lookups) * (flat.text.length / lookups)),
        );
        const binary = median(() => {
          for (const o of offsets) T.pointsFromOffsets(flat, o, o + 4);
        });
        const linearLookups = 200;
        const linear = median(() => {
          for (const o of offsets.slice(0, linearLookups)) {
            let first: Text | null = null;
            for (let k = 0; k < flat.nodes.length; k++) {
              const s = flat.starts[k]!;
              if (s + flat.nodes[k]!.data.length > o && s < o + 4) {
                first = flat.nodes[k]!;
                break;
              }
            }
            void first;
          }
        });
        return {
          chars: flat.text.length,
          nodes: flat.nodes.length,
          textContent,
          plainWalk,
          flatten,
          flattenLayout,
          articleRoot,
          readerPath,
          sample,
          gate,
          binaryPerCall: binary / lookups,
          linearPerCall: linear / linearLookups,
        };
      },
      { runs: RUNS, lookups: LOOKUPS },
    );
    const ratio = (a: number, b: number): string => (b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a');
    console.log(
      `${new URL(url).pathname}: ${results.chars} characters in ${results.nodes} text nodes (median of ${RUNS}; ` +
        `baseline plain walk ${results.plainWalk.toFixed(1)} ms, textContent ${results.textContent.toFixed(1)} ms)`,
    );
    console.log(
      `flattenElement (attribute skip): ${ratio(results.flatten, results.plainWalk)} a plain TreeWalker join, ${ratio(results.flatten, results.textContent)} body.textContent`,
    );
    console.log(
      `flattenElement (isHiddenInLayout): ${ratio(results.flattenLayout, results.plainWalk)} a plain TreeWalker join`,
    );
    console.log(`findArticleRoot: ${ratio(results.articleRoot, results.plainWalk)} a plain TreeWalker join`);
    console.log(
      `reader text model (findArticleRoot + flatten with isHiddenInLayout || isPageChrome): ` +
        `first run ${readerCold.toFixed(1)} ms (median of ${COLD_LOADS} fresh loads) = ${ratio(readerCold, results.plainWalk)}, ` +
        `warm ${results.readerPath.toFixed(1)} ms = ${ratio(results.readerPath, results.plainWalk)} a plain TreeWalker join`,
    );
    console.log(
      `samplePage(6000): ${ratio(results.sample, results.plainWalk)} a plain TreeWalker join (bounded prefix)`,
    );
    console.log(
      `gate (samplePage + detectPlanPage): ${ratio(results.gate, results.sample)} samplePage alone`,
    );
    console.log(
      `pointsFromOffsets per call: ${ratio(results.binaryPerCall, results.linearPerCall)} a linear node scan`,
    );
  } finally {
    await page.close();
  }
}
