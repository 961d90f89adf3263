/**
 * Debian's firefox-esr with the built extension, driven through {@link MarionetteClient}: a fresh
 * profile per browser (Marionette on a free port, the add-on's UUID fixed so its pages have known
 * addresses, the fixture hosts resolved to loopback), the add-on installed as a temporary add-on,
 * and small helpers to run code in a tab, in the browser's chrome, and to switch tabs.
 *
 * @module
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PAGES_DIR, ROOT } from '../browser/harness';
import { MarionetteClient } from './marionette';

export const FIREFOX = process.env.PLANLENS_FIREFOX ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = path.join(ROOT, '.output/firefox-mv2');
export const ADDON_ID = 'planlens@planlens.dev';
/** Fixed so `moz-extension://<uuid>/popup.html` is known before the add-on starts. */
export const ADDON_UUID = '6b1c2d3e-4f50-4a61-8b72-93a4b5c6d7e8';
export const EXTENSION_ORIGIN = `moz-extension://${ADDON_UUID}`;

/** Every host name the fixture manifest serves pages under, plus a few for generated pages. */
function fixtureHosts(): string[] {
  const manifest = JSON.parse(readFileSync(path.join(PAGES_DIR, 'manifest.json'), 'utf8')) as Array<{
    host: string;
  }>;
  return [
    ...new Set([
      ...manifest.map((e) => e.host),
      'plan.example.cn',
      'news.example.cn',
      'files.www.nmg.gov.cn',
      'www.example.org',
    ]),
  ];
}

/** Preferences of the test profile: quiet, offline apart from loopback, deterministic. */
function profilePrefs(locale: string): Record<string, string | number | boolean> {
  return {
    'marionette.port': 0, // a free port, written to <profile>/MarionetteActivePort
    'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
    // Fixture pages keep their realistic host names (www.nmg.gov.cn) while staying on loopback.
    'network.dns.localDomains': fixtureHosts().join(','),
    'network.dns.disableIPv6': true,
    'dom.security.https_first': false,
    // Keep pages in the back/forward cache whatever the machine's memory (the default scales with it).
    'browser.sessionhistory.max_total_viewers': 8,
    'dom.security.https_only_mode': false,
    'browser.shell.checkDefaultBrowser': false,
    'browser.startup.page': 0,
    'browser.startup.homepage': 'about:blank',
    'browser.newtabpage.enabled': false,
    'browser.aboutwelcome.enabled': false,
    'browser.tabs.warnOnClose': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.reportingpolicy.firstRun': false,
    'app.update.disabledForTesting': true,
    'remote.prefs.recommended': true,
    'extensions.autoDisableScopes': 0,
    'extensions.update.enabled': false,
    'intl.locale.requested': locale,
    'intl.accept_languages': locale,
    'ui.systemUsesDarkTheme': 0,
  };
}

/** A running Firefox with the add-on installed. */
export interface FirefoxBrowser {
  client: MarionetteClient;
  /** Loads `url` in the current tab and waits for its load event. */
  navigate(url: string): Promise<void>;
  /** Runs `fn(...args)` in the current tab's page (awaiting a returned promise) and returns its result. */
  evaluate<A extends unknown[], T>(fn: (...args: A) => T | Promise<T>, ...args: A): Promise<T>;
  /**
   * Runs `fn(...args)` in the current tab with the system principal (Marionette's "system"
   * sandbox): it sees the page through X-ray wrappers and may use chrome-only DOM such as
   * `openOrClosedShadowRoot`.
   */
  evaluatePrivileged<A extends unknown[], T>(fn: (...args: A) => T | Promise<T>, ...args: A): Promise<T>;
  /** Runs a script body (`arguments` are `args`) in the current tab's privileged sandbox. */
  runPrivilegedScript<T>(script: string, ...args: unknown[]): Promise<T>;
  /** Runs `fn(...args)` in the browser's privileged chrome scope. */
  evaluateChrome<A extends unknown[], T>(fn: (...args: A) => T | Promise<T>, ...args: A): Promise<T>;
  /** Opens a new tab, makes it current and returns its handle. */
  newTab(): Promise<string>;
  /** Makes the tab `handle` current. */
  switchTo(handle: string): Promise<void>;
  /** Closes the current tab; `next` becomes current. */
  closeTab(next: string): Promise<void>;
  /** The current tab's address. */
  url(): Promise<string>;
  close(): Promise<void>;
}

async function waitForPortFile(profile: string, firefox: ChildProcess, log: () => string): Promise<number> {
  const file = path.join(profile, 'MarionetteActivePort');
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    if (firefox.exitCode !== null) throw new Error(`firefox exited (${firefox.exitCode}):\n${log()}`);
    if (existsSync(file)) {
      const port = Number((await readFile(file, 'utf8')).trim());
      if (port > 0) return port;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Marionette did not start:\n${log()}`);
}

/** Wraps a function so Marionette runs it with the call's arguments and awaits its result. */
function scriptOf(fn: (...args: never[]) => unknown): string {
  return `return (${fn.toString()}).apply(null, arguments);`;
}

/**
 * Starts firefox-esr headless with a fresh profile and (unless `extension: false`) the built add-on
 * installed as a temporary add-on.
 */
export async function launchFirefox(
  options: { extension?: boolean; locale?: string } = {},
): Promise<FirefoxBrowser> {
  const withExtension = options.extension ?? true;
  if (withExtension && !existsSync(path.join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built add-on at ${FIREFOX_EXTENSION_DIR}: run \`npm run build:firefox\` first.`);
  }
  const profile = await mkdtemp(path.join(tmpdir(), 'planlens-firefox-'));
  const prefs = profilePrefs(options.locale ?? 'en-US');
  await writeFile(
    path.join(profile, 'user.js'),
    Object.entries(prefs)
      .map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});`)
      .join('\n'),
  );
  const firefox = spawn(
    FIREFOX,
    ['--marionette', '--headless', '--remote-allow-system-access', '-no-remote', '-profile', profile],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1' } },
  );
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  firefox.stdout!.on('data', keep);
  firefox.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => firefox.once('exit', () => resolve()));

  let client: MarionetteClient | undefined;
  const close = async () => {
    try {
      await client?.send('Marionette:Quit', { flags: ['eForceQuit'] }).catch(() => undefined);
    } finally {
      client?.close();
      const timer = setTimeout(() => firefox.kill('SIGKILL'), 5000);
      if (firefox.exitCode === null) await exited;
      clearTimeout(timer);
      await rm(profile, { recursive: true, force: true });
    }
  };
  try {
    const port = await waitForPortFile(profile, firefox, () => output);
    client = await MarionetteClient.open(port);
    await client.send('WebDriver:NewSession', {
      capabilities: { alwaysMatch: { acceptInsecureCerts: true, pageLoadStrategy: 'normal' } },
    });
    await client.send('WebDriver:SetTimeouts', { script: 60_000, pageLoad: 30_000 });
    if (withExtension) {
      await client.send('Addon:Install', { path: FIREFOX_EXTENSION_DIR, temporary: true });
    }
  } catch (error) {
    await close();
    throw error;
  }
  const c = client;
  let chain: Promise<unknown> = Promise.resolve();
  /** Chrome and content calls share one context switch: never let them interleave. */
  const serial = <T>(run: () => Promise<T>): Promise<T> => {
    const next = chain.then(run, run);
    chain = next.catch(() => undefined);
    return next;
  };
  const run = async <T>(script: string, args: unknown[], sandbox?: string) =>
    (await c.send<{ value: T }>('WebDriver:ExecuteScript', { script, args, sandbox })).value;
  const execute = <T>(fn: (...args: never[]) => unknown, args: unknown[], sandbox?: string) =>
    run<T>(scriptOf(fn), args, sandbox);

  return {
    client: c,
    navigate: (url) => serial(async () => void (await c.send('WebDriver:Navigate', { url }))),
    evaluate: (fn, ...args) => serial(() => execute(fn as (...a: never[]) => unknown, args)),
    evaluatePrivileged: (fn, ...args) =>
      serial(() => execute(fn as (...a: never[]) => unknown, args, 'system')),
    runPrivilegedScript: (script, ...args) => serial(() => run(script, args, 'system')),
    evaluateChrome: (fn, ...args) =>
      serial(async () => {
        await c.send('Marionette:SetContext', { value: 'chrome' });
        try {
          return await execute(fn as (...a: never[]) => unknown, args);
        } finally {
          await c.send('Marionette:SetContext', { value: 'content' });
        }
      }),
    newTab: () =>
      serial(async () => {
        const { handle } = await c.send<{ handle: string }>('WebDriver:NewWindow', {
          type: 'tab',
          focus: true,
        });
        await c.send('WebDriver:SwitchToWindow', { handle, focus: true });
        return handle;
      }),
    switchTo: (handle) =>
      serial(async () => void (await c.send('WebDriver:SwitchToWindow', { handle, focus: true }))),
    closeTab: (next) =>
      serial(async () => {
        await c.send('WebDriver:CloseWindow');
        await c.send('WebDriver:SwitchToWindow', { handle: next, focus: true });
      }),
    url: () => serial(async () => (await c.send<{ value: string }>('WebDriver:GetCurrentURL')).value),
    close,
  };
}
