/**
 * Shared plumbing for real-browser tests and benchmarks: a static server for the fixture pages on
 * localhost, and Chromium (found by `findChromium`) with the built extension loaded through
 * playwright-core.
 *
 * @module
 */
import { createServer, type Server } from 'node:http';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { findChromium } from '../../scripts/lib-browser/find-chromium';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const PAGES_DIR = path.join(ROOT, 'tests/fixtures/pages');
export const EXTENSION_DIR = path.join(ROOT, '.output/chrome-mv3');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.pdf': 'application/pdf',
};

/** A running fixture server. `url('gov-portal.html')` gives the page's address. */
export interface FixtureServer {
  port: number;
  url(file: string, host?: string): string;
  close(): Promise<void>;
}

/** A generated response: its body, and its content type when the path's extension does not say it. */
export type FixtureRoute = string | { type: string; body: string | Buffer; headers?: Record<string, string> };

/**
 * Serves `dir` on 127.0.0.1 at a free port. Extra routes (path → body, typed by the path's
 * extension, else HTML; or body and type, with more headers if given) let a test serve generated pages. Paths outside `dir`
 * are refused.
 */
export async function startFixtureServer(
  dir = PAGES_DIR,
  routes: Record<string, FixtureRoute> = {},
): Promise<FixtureServer> {
  const server: Server = createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const route = routes[urlPath];
    if (route !== undefined) {
      const type = typeof route === 'string' ? undefined : route.type;
      res.writeHead(200, {
        'content-type': type ?? TYPES[path.extname(urlPath)] ?? 'text/html; charset=utf-8',
        ...(typeof route === 'string' ? {} : route.headers),
      });
      res.end(typeof route === 'string' ? route : route.body);
      return;
    }
    const file = path.join(dir, urlPath === '/' ? 'index.html' : urlPath);
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => {
        res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
        res.end(body);
      },
      () => res.writeHead(404).end('not found'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    url: (file, host = '127.0.0.1') => `http://${host}:${port}/${file}`,
    // A browser still open holds keep-alive connections, which would keep `close` waiting.
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Chromium flags every test and benchmark uses. */
export const CHROMIUM_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Lets fixtures be served under realistic host names (www.nmg.gov.cn) while staying on loopback.
  '--host-resolver-rules=MAP * 127.0.0.1',
];

/** A browser with (optionally) the extension loaded. */
export interface TestBrowser {
  context: BrowserContext;
  /** The extension's id, or '' when launched without it. */
  extensionId: string;
  /** The background service worker, when the extension is loaded. */
  worker: Worker | undefined;
  close(): Promise<void>;
}

/**
 * Launches Chromium with a fresh profile. With `extension: false` it is a bare browser (for
 * baselines). `headless: false` shows a window (the demo, when a display exists). `extensionDir`
 * loads another build than this worktree's (the bench's paired baseline).
 */
export async function launchBrowser(
  options: { extension?: boolean; headless?: boolean; locale?: string; extensionDir?: string } = {},
): Promise<TestBrowser> {
  const withExtension = options.extension ?? true;
  const headless = options.headless ?? true;
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (withExtension && !existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}: run \`npm run build\` first.`);
  }
  const executablePath = findChromium();
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'planlens-profile-'));
  const args = CHROMIUM_FLAGS.filter((flag) => headless || flag !== '--headless=new');
  if (withExtension) {
    args.push(`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`);
  }
  if (options.locale) args.push(`--lang=${options.locale}`);
  let context: BrowserContext | undefined;
  let worker: Worker | undefined;
  let extensionId = '';
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: false, // headless is chosen by the flag above: extensions need the new headless mode
      args,
      locale: options.locale,
      viewport: { width: 1280, height: 900 },
    });
    if (withExtension) {
      worker =
        context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
      extensionId = new URL(worker.url()).host;
    }
  } catch (error) {
    // A failed launch leaves no browser running and no profile directory behind.
    await context?.close().catch(() => undefined);
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
  // Our own warnings from content scripts (which share the page's console) go to the test log, so a
  // failure in the page leaves a trace next to the failing assertion.
  const forwardWarnings = (page: Page) =>
    page.on('console', (message) => {
      if (message.text().includes('PlanLens')) console.log(`[page ${message.type()}] ${message.text()}`);
    });
  const launched = context;
  launched.pages().forEach(forwardWarnings);
  launched.on('page', forwardWarnings);
  return {
    context: launched,
    extensionId,
    worker,
    async close() {
      await launched.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The keyboard shortcut the browser actually assigned to `command` ('' when none). Chromium drops a
 * suggested key it reserves (Alt+Shift+T, Alt+Shift+N) without a word, so tests check the result.
 */
export async function registeredShortcut(browser: TestBrowser, command: string): Promise<string | undefined> {
  const commands = await browser.worker!.evaluate(async () => {
    const api = (
      globalThis as unknown as {
        chrome: { commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> } };
      }
    ).chrome;
    return api.commands.getAll();
  });
  return commands.find((c) => c.name === command)?.shortcut;
}
