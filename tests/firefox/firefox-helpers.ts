/**
 * Helpers for the Firefox tests on top of {@link FirefoxBrowser}: polling a condition in the page,
 * real (trusted) pointer and keyboard input through WebDriver actions, a control window on an
 * extension page to reach the extension's API (tab ids, typed messages), and the errors the
 * extension left in the browser's consoles.
 *
 * @module
 */
import { ADDON_ID, EXTENSION_ORIGIN, type FirefoxBrowser } from './firefox-harness';

/** Polls `fn(...args)` in the current tab until it returns a truthy value, and returns that value. */
export async function waitInPage<A extends unknown[], T>(
  ff: FirefoxBrowser,
  fn: (...args: A) => T | Promise<T>,
  args: A,
  what: string,
  timeout = 20_000,
): Promise<T> {
  const until = Date.now() + timeout;
  let last: T | undefined;
  while (Date.now() < until) {
    try {
      last = await ff.evaluate(fn, ...args);
      if (last) return last;
    } catch (error) {
      // A navigation in progress discards the script: try again on the new document.
      if (!String(error).includes('JavaScript') && !String(error).includes('navigat')) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)}`);
}

/** In the page: whether the gate has measured this document. */
export function gateRanInPage(): boolean {
  return performance.getEntriesByName('planlens:detect').length > 0;
}

/** In the page: whether the reader has registered its target highlights. */
export function highlightsShownInPage(): boolean {
  return CSS.highlights.has('planlens-target');
}

/** In the page: the text under each range of registry entry `name` (shared with the Chromium tests). */
export { readHighlightInPage } from '../browser/highlight-helpers';

/** In the page: PlanLens's traces (registry entries, UI hosts), for pages that must stay untouched. */
export function planLensTracesInPage(): { registry: string[]; ui: number } {
  return {
    registry: [...CSS.highlights.keys()].filter((n) => n.startsWith('planlens-')),
    ui: document.querySelectorAll('[data-planlens-ui], planlens-notes, planlens-card').length,
  };
}

/** In the page: the viewport centre of the `nth` occurrence of `text`, scrolled into view. */
export function pointOfTextInPage(text: string, nth: number): { x: number; y: number } | null {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = (node as Text).data.indexOf(text);
    if (at < 0 || seen++ < nth) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + text.length);
    node.parentElement?.scrollIntoView({ block: 'center' });
    const r = range.getBoundingClientRect();
    return { x: Math.round(r.left + r.width / 2), y: Math.round(r.top + r.height / 2) };
  }
  return null;
}

/** Moves the (trusted) mouse pointer to a viewport point, optionally clicking there. */
export async function pointerTo(ff: FirefoxBrowser, x: number, y: number, click = false): Promise<void> {
  const actions: object[] = [{ type: 'pointerMove', x, y, origin: 'viewport', duration: 0 }];
  if (click) actions.push({ type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 });
  await ff.client.send('WebDriver:PerformActions', {
    actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions }],
  });
}

/** WebDriver key values for modifiers and special keys. */
export const KEYS = {
  Alt: '\uE00A',
  Shift: '\uE008',
  Control: '\uE009',
  Escape: '\uE00C',
  Backspace: '\uE003',
};

/** Presses `keys` together (modifiers first) with trusted keyboard events. */
export async function pressKeys(ff: FirefoxBrowser, ...keys: string[]): Promise<void> {
  const actions = [
    ...keys.map((value) => ({ type: 'keyDown', value })),
    ...[...keys].reverse().map((value) => ({ type: 'keyUp', value })),
  ];
  await ff.client.send('WebDriver:PerformActions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
}

/** Types `text` character by character with trusted keyboard events. */
export async function typeText(ff: FirefoxBrowser, text: string): Promise<void> {
  const actions = [...text].flatMap((value) => [
    { type: 'keyDown', value },
    { type: 'keyUp', value },
  ]);
  await ff.client.send('WebDriver:PerformActions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
}

/** The extension API of an extension page (Marionette's default scripts run in the page's own scope). */
interface ExtensionApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  tabs: { query(info: object): Promise<Array<{ id?: number; url?: string }>> };
}

/** In an extension page: the id of the tab showing `url`, or -1. */
export async function tabIdInExtensionPage(url: string): Promise<number> {
  const api = (window as unknown as { browser: ExtensionApi }).browser;
  const tabs = await api.tabs.query({});
  return tabs.find((t) => t.url === url)?.id ?? -1;
}

/** In an extension page: sends a typed PlanLens message and returns the raw answer. */
export async function sendInExtensionPage(name: string, data: unknown): Promise<unknown> {
  const api = (window as unknown as { browser: ExtensionApi }).browser;
  return JSON.parse(JSON.stringify(await api.runtime.sendMessage({ planlens: name, data }))) as unknown;
}

/**
 * A second browser window on an extension page, from which tests reach the extension's API. A
 * window rather than a tab, so the page under test stays the visible tab of its own window.
 */
export class ControlWindow {
  private constructor(
    private readonly ff: FirefoxBrowser,
    readonly handle: string,
    private readonly back: string,
  ) {}

  /** Opens the control window on the popup page; the page tab stays current. */
  static async open(ff: FirefoxBrowser): Promise<ControlWindow> {
    const back = (await ff.client.send<{ value: string }>('WebDriver:GetWindowHandle')).value;
    const { handle } = await ff.client.send<{ handle: string }>('WebDriver:NewWindow', { type: 'window' });
    await ff.switchTo(handle);
    await ff.navigate(`${EXTENSION_ORIGIN}/popup.html`);
    await ff.switchTo(back);
    return new ControlWindow(ff, handle, back);
  }

  /** Runs `fn` in the control page, then returns to the page tab. */
  async run<A extends unknown[], T>(fn: (...args: A) => T | Promise<T>, ...args: A): Promise<T> {
    await this.ff.switchTo(this.handle);
    try {
      return await this.ff.evaluate(fn, ...args);
    } finally {
      await this.ff.switchTo(this.back);
    }
  }

  /** The tab id of the page at `url`. */
  async tabIdOf(url: string): Promise<number> {
    const id = await this.run(tabIdInExtensionPage, url);
    if (id < 0) throw new Error(`no tab for ${url}`);
    return id;
  }

  /** Sends a typed message as an extension page and returns its value (throws on an error answer). */
  async send<T>(name: string, data: unknown): Promise<T> {
    const r = (await this.run(sendInExtensionPage, name, data)) as
      { ok: true; value: T } | { ok: false; error: string } | undefined;
    if (!r?.ok) throw new Error(`${name} failed: ${r ? r.error : 'no answer'}`);
    return r.value;
  }
}

/** One error the extension left in a console. */
export interface ConsoleError {
  source: string;
  message: string;
}

/**
 * Firefox's own reports, under our script's name, of an answer it dropped because the page had
 * gone into the back/forward cache or away: they come with every navigation during a request
 * (the tests navigate fast) and are not errors of the extension, which copes with them.
 */
const FIREFOX_LIFECYCLE =
  /Promise resolved while context is inactive|Promise rejected after context unloaded/;

/**
 * Errors from the extension in the browser's consoles: uncaught script errors whose source is an
 * extension file (background page, popup, sidebar, content scripts) and `console.error` calls made
 * by the add-on's code, in any process ({@link FIREFOX_LIFECYCLE} reports left out).
 */
export async function extensionErrors(ff: FirefoxBrowser): Promise<ConsoleError[]> {
  const errors = await ff.evaluateChrome((addonId: string) => {
    const services = (globalThis as unknown as { Services: ChromeServices }).Services;
    const ci = (globalThis as unknown as { Ci: { nsIScriptError: object } }).Ci;
    const cc = (globalThis as unknown as { Cc: Record<string, { getService(i: unknown): ApiStorage }> }).Cc;
    const ourSource = (source: string) => source.startsWith('moz-extension://');
    const errors: Array<{ source: string; message: string }> = [];
    for (const message of services.console.getMessageArray() ?? []) {
      const error = message as ScriptError;
      if (!(message instanceof (ci.nsIScriptError as never))) continue;
      if (error.flags & 1 /* warning */ || !ourSource(error.sourceName ?? '')) continue;
      errors.push({ source: error.sourceName, message: error.errorMessage });
    }
    const storage = cc['@mozilla.org/consoleAPI-storage;1']!.getService(
      (globalThis as unknown as { Ci: { nsIConsoleAPIStorage: unknown } }).Ci.nsIConsoleAPIStorage,
    );
    for (const event of storage.getEvents()) {
      if (event.level !== 'error') continue;
      if (event.addonId !== addonId && !ourSource(event.filename ?? '')) continue;
      errors.push({
        source: event.filename ?? '',
        message: (event.arguments ?? []).map((a) => String(a)).join(' '),
      });
    }
    return errors;

    interface ScriptError {
      flags: number;
      sourceName: string;
      errorMessage: string;
    }
    interface ApiStorage {
      getEvents(): Array<{ level: string; addonId?: string; filename?: string; arguments?: unknown[] }>;
    }
    interface ChromeServices {
      console: { getMessageArray(): object[] | null };
    }
  }, ADDON_ID);
  return errors.filter((e) => !FIREFOX_LIFECYCLE.test(e.message));
}

/**
 * Opens the PlanLens PDF reader on `file` (a PDF's address) in the current tab and waits until it
 * has read the document; throws unless it ends `ready` (not `no-text` or `error`).
 */
export async function openPdfReader(ff: FirefoxBrowser, file: string): Promise<void> {
  await ff.navigate(`${EXTENSION_ORIGIN}/viewer.html?file=${encodeURIComponent(file)}`);
  const state = await waitInPage(
    ff,
    () => document.documentElement.dataset.planlensReader ?? '',
    [],
    'the reader to finish',
    60_000,
  );
  if (state !== 'ready') throw new Error(`the PDF reader ended "${state}"`);
}
