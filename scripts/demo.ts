/**
 * `npm run demo`: builds the extension and opens Chromium with it on a local index of the sample
 * pages (tests/fixtures/pages/manifest.json), each served under its realistic host name.
 *
 * Without a display (or with `-- --headless`) it visits every sample page instead, hovers the first
 * highlighted target so its card shows, writes a screenshot per page into demo-output/, and prints
 * per page whether it was taken for a plan page (score against the threshold) and how many labelled
 * figures were highlighted, naming the misses. `-- --no-build` reuses the last build.
 */
import { execSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import {
  launchBrowser,
  PAGES_DIR,
  ROOT,
  startFixtureServer,
  type TestBrowser,
} from '../tests/browser/harness';
import { canShowWindow } from './lib-browser/find-chromium';
import { formatDemoTable, type DemoRow, type LabelledFigure } from './lib-demo/demo-table';

interface SamplePage {
  file: string;
  gold: string | null;
  expect: string | null;
  host: string;
  note?: string;
}

interface StoredDetection {
  match: boolean;
  kind: string | null;
  score: number;
  signals: string[];
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The index page: one link per sample, on its own host, with what it is. */
function renderIndex(pages: SamplePage[], port: number): string {
  const items = pages
    .map(
      (p) =>
        `<li><a href="http://${escapeHtml(p.host)}:${port}/${encodeURI(p.file)}">${escapeHtml(p.file)}</a>` +
        ` <small>(${p.expect ?? 'not a plan'})</small><br><small>${escapeHtml(p.note ?? '')}</small></li>`,
    )
    .join('\n');
  return `<!doctype html><meta charset="utf-8"><title>PlanLens samples</title>
<style>body{font:15px/1.6 system-ui,sans-serif;max-width:56rem;margin:2rem auto;padding:0 1rem}li{margin:.5rem 0}</style>
<h1>PlanLens sample pages</h1>
<p>Plan pages get their numeric targets highlighted (yellow, solid underline: targets; blue, dotted: achieved).
Hover one for its card, click to pin it; Alt+Shift+J / Alt+Shift+K step through targets; Alt+Shift+H turns highlighting on/off.
Open the PlanLens toolbar button for the page's status and the per-site choice.</p>
<ul>${items}</ul>`;
}

/** The gate's verdict for the tab showing `url`, asked through the background worker. */
async function askDetection(browser: TestBrowser, url: string): Promise<StoredDetection | null> {
  return browser.worker!.evaluate(async (u) => {
    const api = (globalThis as unknown as { chrome: ChromeApi }).chrome;
    const tab = (await api.tabs.query({})).find((t) => t.url === u);
    if (tab?.id === undefined) return null;
    const answer = (await api.tabs.sendMessage(tab.id, { planlens: 'getDetection', data: {} })) as
      { ok: true; value: { detection: StoredDetection } } | undefined;
    return answer?.ok ? answer.value.detection : null;
  }, url);
}
interface ChromeApi {
  tabs: {
    query(q: object): Promise<Array<{ id?: number; url?: string }>>;
    sendMessage(tabId: number, message: object): Promise<unknown>;
  };
}

/** The text under every target and achieved highlight, and the first target's position for hovering. */
function readPage(page: Page) {
  // No local helper functions inside: tsx would wrap them in a `__name` the page does not have.
  return page.evaluate(() => {
    const texts: string[] = [];
    for (const name of ['planlens-target', 'planlens-achieved']) {
      for (const r of CSS.highlights.get(name) ?? []) {
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        texts.push(live.toString());
      }
    }
    let first: { x: number; y: number } | null = null;
    const r = [...(CSS.highlights.get('planlens-target') ?? [])][0];
    if (r) {
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      live.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      // A long block (the text layer of a PDF page) can be centred while the target is still off
      // screen: scroll by the target's own position so the card opens in the screenshot.
      const before = live.getClientRects()[0];
      if (before && (before.top < 0 || before.bottom > innerHeight))
        scrollBy(0, before.top - innerHeight / 2);
      const rect = live.getClientRects()[0];
      if (rect) first = { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    return { texts, first };
  });
}

/** The labelled figures of a gold file, or null for a page without labels. */
async function readLabels(file: string | null): Promise<LabelledFigure[] | null> {
  if (!file) return null;
  const text = await readFile(path.join(ROOT, 'tests/fixtures/gold', file), 'utf8');
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as LabelledFigure);
}

/** Screenshots of Chinese pages show empty boxes without a CJK font; say so instead of failing quietly. */
function warnWithoutCjkFont(): void {
  let fonts: string;
  try {
    fonts = execSync('fc-list :lang=zh family', { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return; // no fontconfig: not a Linux desktop we can judge
  }
  if (!fonts.trim()) {
    console.warn(
      'demo: no Chinese font installed, so screenshots will show boxes; install one with `apt-get install fonts-noto-cjk`.',
    );
  }
}

async function main(): Promise<void> {
  warnWithoutCjkFont();
  let headless = process.argv.includes('--headless');
  if (!headless) {
    const display = await canShowWindow();
    if (!display.ok)
      console.log(`demo: ${display.reason}, so running headless (screenshots in demo-output/).`);
    headless = !display.ok;
  }
  if (!process.argv.includes('--no-build')) execSync('npx wxt build', { cwd: ROOT, stdio: 'inherit' });
  const pages = JSON.parse(await readFile(path.join(PAGES_DIR, 'manifest.json'), 'utf8')) as SamplePage[];
  const routes: Record<string, string> = {};
  const server = await startFixtureServer(PAGES_DIR, routes);
  routes['/'] = routes['/index.html'] = renderIndex(pages, server.port);
  const browser = await launchBrowser({ headless });
  const indexUrl = server.url('index.html', 'localhost');

  if (!headless) {
    const page = await browser.context.newPage();
    await page.goto(indexUrl);
    console.log(`PlanLens demo: ${indexUrl} (close the browser window to stop)`);
    await new Promise((resolve) => browser.context.on('close', resolve));
    await server.close();
    return;
  }

  const outDir = path.join(ROOT, 'demo-output');
  await mkdir(outDir, { recursive: true });
  const page = await browser.context.newPage();
  const rows: DemoRow[] = [];
  for (const sample of pages) {
    const url = server.url(sample.file, sample.host);
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('planlens:detect').length > 0);
    // Plan pages: wait for the reader's first pass; others: give the background time to decide.
    await page
      .waitForFunction(() => performance.getEntriesByName('planlens:highlight').length > 0, undefined, {
        timeout: sample.expect ? 20_000 : 1_500,
      })
      .catch(() => undefined);
    const found = await readPage(page);
    if (found.first) {
      await page.mouse.move(found.first.x, found.first.y);
      const card = await waitForCard(page, 3_000);
      if (!card) console.warn(`demo: no card opened on ${sample.file}; its screenshot shows the page only.`);
    }
    const shot = path.join(outDir, sample.file.replace(/\.html$/, '.png'));
    await page.screenshot({ path: shot });
    rows.push({
      file: sample.file,
      detection: await askDetection(browser, url),
      highlighted: found.texts,
      labelled: await readLabels(sample.gold),
      screenshot: path.relative(ROOT, shot),
    });
  }
  console.log(['', ...formatDemoTable(rows)].join('\n'));
  await writeFile(path.join(outDir, 'index.html'), renderIndex(pages, server.port));
  await browser.close();
  await server.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

/** A DOM node as CDP's `DOM.getDocument` describes it (the parts read here). */
interface CdpNode {
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

/** Whether `node` or anything below it, shadow roots included, is a `role="dialog"` element. */
function hasDialog(node: CdpNode): boolean {
  const attributes = node.attributes ?? [];
  for (let i = 0; i + 1 < attributes.length; i += 2) {
    if (attributes[i] === 'role' && attributes[i + 1] === 'dialog') return true;
  }
  return [...(node.children ?? []), ...(node.shadowRoots ?? [])].some(hasDialog);
}

/**
 * Whether the target card opened within `timeout` ms. The card lives in a closed shadow root, which
 * locators cannot see: CDP's DOM tree (pierced) shows it, as the browser tests read it.
 */
async function waitForCard(page: Page, timeout: number): Promise<boolean> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const until = Date.now() + timeout;
    while (Date.now() < until) {
      const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
      if (hasDialog(root)) return true;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return false;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
