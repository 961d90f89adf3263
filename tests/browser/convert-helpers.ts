/**
 * Helpers for the conversion browser tests and benchmark: drive the feature through the real
 * extension path (an extension page sending the typed `convertSetTarget` message to the
 * background, exactly what the popup does) and read the page back.
 */
import type { Page } from 'playwright-core';
import type { ScriptTarget } from '../../lib/convert/targets';
import type { ConvertStatus } from '../../lib/convert/status';
import type { TestBrowser } from './harness';

/** The slice of the extension API the helpers call inside extension contexts. */
interface ChromeApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  tabs: { query(info: object): Promise<{ id?: number; url?: string }[]> };
}

/** Options of a switch, as the popup sends them. */
export interface SwitchOptions {
  hidePinyin?: boolean;
  rememberSite?: boolean;
  rememberDefault?: boolean;
}

/** An extension page (the popup document opened as a tab) from which tests send messages. */
export async function openControlPage(browser: TestBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  return page;
}

/** The tab id of `page`, found by its URL through the service worker. */
export async function tabIdOf(browser: TestBrowser, page: Page): Promise<number> {
  const url = page.url();
  const id = await browser.worker!.evaluate(async (u) => {
    const api = (globalThis as unknown as { chrome: ChromeApi }).chrome;
    const tabs = await api.tabs.query({});
    return tabs.find((t) => t.url === u)?.id ?? -1;
  }, url);
  if (id < 0) throw new Error(`no tab for ${url}`);
  return id;
}

/** Sends one typed message from the extension page and returns the answer (throws on error). */
export async function sendFromExtension<T>(control: Page, name: string, data: unknown): Promise<T> {
  const result = await control.evaluate(
    async ([n, d]) => {
      const api = (globalThis as unknown as { chrome: ChromeApi }).chrome;
      return api.runtime.sendMessage({ planlens: n, data: d });
    },
    [name, data] as const,
  );
  const r = result as { ok: boolean; value?: T; error?: string } | undefined;
  if (!r?.ok) throw new Error(`${name} failed: ${r?.error ?? 'no answer'}`);
  return r.value as T;
}

/** Switches the tab showing `page` to `target` through the background. */
export async function switchScript(
  browser: TestBrowser,
  control: Page,
  page: Page,
  target: ScriptTarget,
  options: SwitchOptions = {},
): Promise<ConvertStatus> {
  const tabId = await tabIdOf(browser, page);
  return sendFromExtension<ConvertStatus>(control, 'convertSetTarget', { tabId, target, ...options });
}

/**
 * The page's whole markup, as the browser serializes it (text, attributes, lang…), without other
 * PlanLens features' UI hosts (`[data-planlens-ui]`), which come and go on their own schedule.
 */
export function pageMarkup(page: Page): Promise<string> {
  return page.evaluate(markupInPage);
}

/** In the page: the markup {@link pageMarkup} compares (self-contained, for either browser). */
export function markupInPage(): string {
  const copy = document.cloneNode(true) as Document;
  copy.querySelectorAll('[data-planlens-ui]').forEach((el) => el.remove());
  return new XMLSerializer().serializeToString(copy);
}

/** The visible text of an element (textContent). */
export function textOf(page: Page, selector: string): Promise<string> {
  return page.evaluate((s) => document.querySelector(s)?.textContent ?? '', selector);
}
