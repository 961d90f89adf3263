/**
 * 简/繁 switching cost in the real extension, next to raw opencc-js converting the same text in the
 * same page. Reads the `planlens:convert` User Timing measure the reader emits for every switch.
 *
 * Goals (issue "Simplified ⇄ traditional switching"): first conversion of the seed 002 page
 * ≤ 400 ms including dictionary load; later switches ≤ 50 ms and ≤ 3× raw conversion; 原文 ≤ 20 ms.
 */
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { launchBrowser, ROOT, startFixtureServer } from '../../tests/browser/harness';
import { openControlPage, switchScript } from '../../tests/browser/convert-helpers';
import type { ScriptTarget } from '../../lib/convert/targets';

const RUNS = 7;
/** Fresh browsers for the first conversion (the machine is noisy; one cold start says little). */
const COLD_STARTS = 3;

/** opencc-js bundled for the page, exposing `OpenCC` (the baseline the issue asks for). */
async function bundleOpenCC(entry: 'opencc-js/t2cn' | 'opencc-js/cn2t'): Promise<string> {
  const result = await build({
    stdin: { contents: `import * as OpenCC from '${entry}'; globalThis.OpenCC = OpenCC;`, resolveDir: ROOT },
    bundle: true,
    format: 'iife',
    charset: 'utf8',
    write: false,
    minify: true,
  });
  return result.outputFiles[0]!.text;
}

/** The page's text nodes joined, as the reader reads them (one string per page). */
function pageText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let text = '';
    for (let n = walker.nextNode(); n; n = walker.nextNode()) text += (n as Text).data;
    return text;
  });
}

/** Median of `values`. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Milliseconds of raw opencc-js in the page: converter build, and converting `text` (median). */
async function rawOpenCC(page: Page, from: string, to: string): Promise<{ build: number; convert: number }> {
  return page.evaluate(
    ([f, t, runs]) => {
      const api = (globalThis as unknown as { OpenCC: { Converter(o: object): (s: string) => string } })
        .OpenCC;
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let text = '';
      for (let n = walker.nextNode(); n; n = walker.nextNode()) text += (n as Text).data;
      const t0 = performance.now();
      const convert = api.Converter({ from: f, to: t });
      const built = performance.now() - t0;
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const s = performance.now();
        convert(text);
        times.push(performance.now() - s);
      }
      times.sort((a, b) => a - b);
      return { build: built, convert: times[Math.floor(times.length / 2)]! };
    },
    [from, to, RUNS] as const,
  );
}

async function lastMeasure(page: Page): Promise<number> {
  return page.evaluate(() => {
    const entries = performance.getEntriesByName('planlens:convert', 'measure');
    return entries[entries.length - 1]?.duration ?? Number.NaN;
  });
}

/** Cold first conversions of `file` in fresh browsers (offscreen document and dictionaries not yet loaded). */
async function coldStarts(url: string, target: ScriptTarget): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < COLD_STARTS; i++) {
    const browser = await launchBrowser();
    try {
      const control = await openControlPage(browser);
      const page = await browser.context.newPage();
      await page.goto(url);
      await page.waitForTimeout(500);
      await switchScript(browser, control, page, target);
      times.push(await lastMeasure(page));
    } finally {
      await browser.close();
    }
  }
  return times;
}

export async function run(): Promise<void> {
  const server = await startFixtureServer();
  const browser = await launchBrowser();
  try {
    const control = await openControlPage(browser);
    const cases: {
      file: string;
      host: string;
      first: ScriptTarget;
      cycle: ScriptTarget[];
      raw: [string, string, string];
    }[] = [
      {
        file: 'reprint-traditional-report.html',
        host: 'www.chinapower.com.cn',
        first: 'cn',
        cycle: ['tw', 'hk', 'cn'],
        raw: ['opencc-js/t2cn', 'tw', 'cn'],
      },
      {
        file: 'gov-portal-plan-2026.html',
        host: 'www.nmg.gov.cn',
        first: 'tw',
        cycle: ['hk', 'cn', 'tw'],
        raw: ['opencc-js/cn2t', 'cn', 'tw'],
      },
    ];
    for (const c of cases) {
      const page = await browser.context.newPage();
      await page.goto(server.url(c.file, c.host));
      const chars = (await pageText(page)).length;
      const colds = await coldStarts(server.url(c.file, c.host), c.first);
      const first = median(colds);
      await switchScript(browser, control, page, c.first);
      const switches: number[] = [];
      const fresh: number[] = [];
      const originals: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        for (const target of c.cycle) {
          // A reader looks at the page between switches; the reader prefetches in that time.
          await page.waitForTimeout(300);
          await switchScript(browser, control, page, target);
          // The first visit of each variant asks the background; later ones hit the reader's cache.
          (i === 0 && target !== c.first ? fresh : switches).push(await lastMeasure(page));
        }
        await switchScript(browser, control, page, 'original');
        originals.push(await lastMeasure(page));
        await switchScript(browser, control, page, c.first);
      }
      // Baseline in the same (restored) page: raw opencc-js on the same text.
      await switchScript(browser, control, page, 'original');
      await page.addScriptTag({ content: await bundleOpenCC(c.raw[0] as 'opencc-js/t2cn') });
      const raw = await rawOpenCC(page, c.raw[1], c.raw[2]);
      const later = median(switches);
      const restore = median(originals);
      console.log(`${c.file} (${chars} chars of text)`);
      console.log(
        `  first ${c.first} in a fresh browser, median of ${colds.map((t) => t.toFixed(0)).join('/')}: ${first.toFixed(1)} ms incl. dictionary load (goal ≤ 400) | raw opencc-js build ${raw.build.toFixed(1)} ms + convert ${raw.convert.toFixed(1)} ms → ratio ${(first / (raw.build + raw.convert)).toFixed(2)}×`,
      );
      console.log(
        `  repeated switches (${c.cycle.join('/')}), median of ${switches.length}: ${later.toFixed(1)} ms (goal ≤ 50) | raw convert ${raw.convert.toFixed(1)} ms → ratio ${(later / raw.convert).toFixed(2)}× (goal ≤ 3×)`,
      );
      console.log(
        `  first switch to each other variant (${fresh.map((m) => m.toFixed(1)).join(', ')} ms): max ${Math.max(...fresh).toFixed(1)} ms (goal ≤ 50) → ratio ${(Math.max(...fresh) / raw.convert).toFixed(2)}× raw convert`,
      );
      console.log(`  原文, median of ${originals.length}: ${restore.toFixed(1)} ms (goal ≤ 20)`);
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}
