/**
 * Helpers for the highlight/popup/gate browser tests: read the CSS Highlight registry from the
 * page's main world (the registry is shared with the content script's isolated world), find a
 * page's tab id through the background worker.
 *
 * @module
 */
import type { Page } from 'playwright-core';
import type { TestBrowser } from './harness';

/** The registry names the reader uses. */
export const NAMES = ['planlens-target', 'planlens-achieved', 'planlens-focus'] as const;

/**
 * In the page (self-contained, so both Playwright and Marionette can send it): the text under each
 * range of registry entry `name`, in document order ([] when absent). With `everywhere`, the
 * registries of same-origin frames (nested too) are read as well, each frame's after the top's.
 */
export function readHighlightInPage(name: string, everywhere = false): string[] {
  const texts: string[] = [];
  const readWindow = (win: Window) => {
    try {
      void win.document;
    } catch {
      return; // another origin
    }
    const highlight = (win as unknown as { CSS: typeof CSS }).CSS?.highlights?.get(name);
    const ranges = [...(highlight ?? [])].map((r) => {
      const live = r.startContainer.ownerDocument!.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      return live;
    });
    ranges.sort((a, b) => {
      try {
        return a.compareBoundaryPoints(Range.START_TO_START, b);
      } catch {
        return 0; // different trees (a shadow root): keep registry order
      }
    });
    texts.push(...ranges.map((r) => r.toString()));
    if (everywhere) for (let k = 0; k < win.frames.length; k++) readWindow(win.frames[k]!);
  };
  readWindow(window);
  return texts;
}

/** The text under each range of a registry entry, in document order ([] when absent). */
export function readHighlight(page: Page, name: string, everywhere = false): Promise<string[]> {
  return page.evaluate(`(${readHighlightInPage.toString()})(${JSON.stringify(name)}, ${everywhere})`);
}

/** The names of every registry entry, PlanLens or not. */
export function registryNames(page: Page): Promise<string[]> {
  return page.evaluate(() => [...CSS.highlights.keys()]);
}

/** Waits until the reader has registered its highlights (they may be empty on a page with no targets). */
export async function waitForHighlights(page: Page, timeout = 20_000): Promise<void> {
  await page.waitForFunction(() => CSS.highlights.has('planlens-target'), undefined, { timeout });
}

interface WorkerGlobals {
  chrome: { tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> } };
}

/** The tab id of the page at `url`, asked from the background worker. */
export async function tabIdOf(browser: TestBrowser, url: string): Promise<number> {
  const id = await browser.worker!.evaluate(async (u) => {
    // The worker's `chrome` global; typed here because the tests are compiled without its types.
    const api = (globalThis as unknown as WorkerGlobals).chrome;
    const tabs = await api.tabs.query({});
    return tabs.find((t) => t.url === u)?.id ?? -1;
  }, url);
  if (id < 0) throw new Error(`no tab for ${url}`);
  return id;
}

/** A rectangle (viewport coordinates) around the `nth` occurrence of `text` on the page. */
export function rectOfText(page: Page, text: string, nth = 0) {
  return page.evaluate(
    ([t, n]) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node as Text).data.indexOf(t);
        if (at < 0) continue;
        if (seen++ < n) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + t.length);
        range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
        const r = range.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
      return null;
    },
    [text, nth] as const,
  );
}
