/**
 * The page text model in a real browser: flatten + dom-map + main-content + page-sample + detect,
 * bundled on the fly with esbuild and evaluated in the fixture pages (no extension needed, so this
 * runs even while the extension build is broken).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as DetectApi from '../../lib/detect/detect';
import type * as DomMapApi from '../../lib/dom/dom-map';
import type * as FlattenApi from '../../lib/dom/flatten';
import type * as MainContentApi from '../../lib/dom/main-content';
import type * as PageSampleApi from '../../lib/dom/page-sample';
import {
  launchBrowser,
  PAGES_DIR,
  ROOT,
  startFixtureServer,
  type FixtureServer,
  type TestBrowser,
} from './harness';
import { bundleTextHelpers } from './bundle-text-helpers';

/** What the bundle exposes on `window.PlanLensText` (types only; page code reads it untyped). */
type TextApi = typeof FlattenApi &
  typeof DomMapApi &
  typeof MainContentApi &
  typeof PageSampleApi &
  typeof DetectApi;

interface ManifestEntry {
  file: string;
  gold: string | null;
  expect: 'plan' | 'report' | 'policy' | null;
  host: string;
}

const manifest = JSON.parse(readFileSync(path.join(PAGES_DIR, 'manifest.json'), 'utf8')) as ManifestEntry[];

function goldQuotes(name: string): string[] {
  return readFileSync(path.join(ROOT, 'tests/fixtures/gold', name), 'utf8')
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as { quote: string }).quote);
}

/** What the page-side check reports for one quote. */
interface QuoteCheck {
  quote: string;
  found: boolean;
  range: string | null;
  staticRange: string | null;
  isStatic: boolean;
  nodes: number;
  roundTrip: boolean;
}

describe('page text model in Chromium', () => {
  let browser: TestBrowser;
  let server: FixtureServer;
  let helpers: string;
  let page: Page;

  beforeAll(async () => {
    helpers = await bundleTextHelpers();
    server = await startFixtureServer();
    browser = await launchBrowser({ extension: false });
    page = await browser.context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(file: string, host = '127.0.0.1'): Promise<void> {
    await page.goto(server.url(file, host));
    await page.addScriptTag({ content: helpers });
  }

  it('maps every split quantity to a DOM range whose text is exactly the quantity', async () => {
    await open('split-quantities.html', 'fgw.nmg.gov.cn');
    const quotes = goldQuotes('split-quantities.jsonl');
    const checks = await page.evaluate((quotes): QuoteCheck[] => {
      const T = (window as unknown as { PlanLensText: TextApi }).PlanLensText;
      const root = T.findArticleRoot(document);
      const flat = T.flattenElement(root, { skip: T.isHiddenInLayout });
      let from = 0;
      return quotes.map((quote) => {
        // Inserted breaks (a <br> inside 4000万<br>亩) may sit between any two characters.
        const pattern = new RegExp(
          Array.from(quote, (c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\n\\t]?'),
          'g',
        );
        pattern.lastIndex = from;
        const match = pattern.exec(flat.text);
        if (!match)
          return {
            quote,
            found: false,
            range: null,
            staticRange: null,
            isStatic: false,
            nodes: 0,
            roundTrip: false,
          };
        const start = match.index;
        const end = start + match[0].length;
        from = end;
        const range = T.rangeFromOffsets(flat, start, end);
        const stat = T.staticRangeFromOffsets(flat, start, end);
        let staticText: string | null = null;
        if (stat) {
          const live = document.createRange();
          live.setStart(stat.startContainer, stat.startOffset);
          live.setEnd(stat.endContainer, stat.endOffset);
          staticText = live.toString();
        }
        const points = T.pointsFromOffsets(flat, start, end)!;
        const nodes = new Set<Node>();
        for (let k = flat.nodes.indexOf(points[0].node); k <= flat.nodes.indexOf(points[1].node); k++)
          nodes.add(flat.nodes[k]!);
        const back0 = T.offsetFromPoint(flat, points[0].node, points[0].offset);
        const back1 = T.offsetFromPoint(flat, points[1].node, points[1].offset);
        return {
          quote,
          found: true,
          range: range?.toString() ?? null,
          staticRange: staticText,
          isStatic: stat instanceof StaticRange,
          nodes: nodes.size,
          roundTrip: back0 === start && back1 === end,
        };
      });
    }, quotes);
    expect(checks).toHaveLength(quotes.length);
    for (const check of checks) {
      expect(check, check.quote).toMatchObject({
        found: true,
        range: check.quote,
        staticRange: check.quote,
        isStatic: true,
        roundTrip: true,
      });
    }
    // The fixture really splits quantities: most span more than one text node.
    expect(checks.filter((c) => c.nodes > 1).length).toBeGreaterThanOrEqual(12);
  });

  it('maps a user selection across elements back to offsets', async () => {
    await open('split-quantities.html');
    const selected = await page.evaluate(() => {
      const T = (window as unknown as { PlanLensText: TextApi }).PlanLensText;
      const flat = T.flattenElement(document.body, { skip: T.isHiddenInLayout });
      // Select 12.5亿吨 by element boundaries: from before the first <b> to inside the text after.
      const first = document.querySelector('b')!;
      const range = document.createRange();
      range.setStartBefore(first);
      range.setEnd(first.nextSibling!.nextSibling!, 2);
      const start = T.offsetFromPoint(flat, range.startContainer, range.startOffset);
      const end = T.offsetFromPoint(flat, range.endContainer, range.endOffset);
      return { text: flat.text.slice(start, end), selection: range.toString() };
    });
    expect(selected).toEqual({ text: '12.5亿吨', selection: '12.5亿吨' });
  });

  it('skips stylesheet-hidden text only with the layout-aware skip', async () => {
    await open('split-quantities.html');
    const result = await page.evaluate(() => {
      const T = (window as unknown as { PlanLensText: TextApi }).PlanLensText;
      const style = document.createElement('style');
      style.textContent =
        '.collapsed { display: none } .ghost { visibility: hidden } .wrapper { display: contents }';
      document.head.appendChild(style);
      const p = document.createElement('p');
      const hidden = document.createElement('span');
      hidden.className = 'collapsed';
      hidden.textContent = '隐藏的99亿元';
      const ghost = document.createElement('span');
      ghost.className = 'ghost';
      ghost.textContent = '幽灵7%';
      const wrapper = document.createElement('span');
      wrapper.className = 'wrapper';
      wrapper.textContent = '可见的18万人';
      p.append(hidden, ghost, wrapper);
      document.body.appendChild(p);
      return {
        byAttributes: T.flattenElement(p).text,
        byLayout: T.flattenElement(p, { skip: T.isHiddenInLayout }).text,
      };
    });
    expect(result.byAttributes).toBe('隐藏的99亿元幽灵7%可见的18万人');
    expect(result.byLayout).toBe('可见的18万人');
  });

  it.each(manifest.map((entry) => [entry.file, entry.expect, entry.host] as const))(
    'samples and detects %s as %s',
    async (file, expected, host) => {
      await open(file, host);
      const detection = await page.evaluate(() => {
        const T = (window as unknown as { PlanLensText: TextApi }).PlanLensText;
        return T.detectPlanPage(T.samplePage(document, 6000));
      });
      expect(detection.kind, detection.signals.join('; ')).toBe(expected);
    },
  );

  it('finds the article root on every positive page, keeping every gold quantity', async () => {
    for (const entry of manifest.filter((e) => e.gold)) {
      await open(entry.file, entry.host);
      const text = await page.evaluate(() => {
        const T = (window as unknown as { PlanLensText: TextApi }).PlanLensText;
        const root = T.findArticleRoot(document);
        const flat = T.flattenElement(root, { skip: (el) => T.isHiddenInLayout(el) || T.isPageChrome(el) });
        return flat.text.replace(/\s+/g, '');
      });
      let from = 0;
      let found = 0;
      const quotes = goldQuotes(entry.gold!);
      for (const quote of quotes) {
        const at = text.indexOf(quote.replace(/\s+/g, ''), from);
        if (at < 0) continue;
        found++;
        from = at + 1;
      }
      expect(found, entry.file).toBe(quotes.length);
    }
  });
});
