/**
 * Helpers for the notes browser tests: read the reader's notes state and the extension's database
 * through the service worker, and make a note through the page UI like a user.
 *
 * The notes UI lives in a closed shadow root, which Playwright's locators cannot pierce. The test
 * reaches it through the Chrome DevTools Protocol instead (which sees closed roots), reads where a
 * control is and what it says, and then acts with real (trusted) mouse and keyboard input.
 */
import type { CDPSession, Frame, Page } from 'playwright-core';
import type { NotesPageState } from '../../lib/messaging/protocol-notes';
import type { TestBrowser } from './harness';

interface ChromeApi {
  tabs: {
    query(info: object): Promise<{ id?: number; url?: string }[]>;
    sendMessage(tabId: number, message: unknown, options?: object): Promise<unknown>;
  };
}

/** The tab id of `page`, by its URL. */
export async function tabOf(browser: TestBrowser, page: Page): Promise<number> {
  const url = page.url();
  const id = await browser.worker!.evaluate(async (u) => {
    const api = (globalThis as unknown as { chrome: ChromeApi }).chrome;
    return (await api.tabs.query({})).find((t) => t.url === u)?.id ?? -1;
  }, url);
  if (id < 0) throw new Error(`no tab for ${url}`);
  return id;
}

/**
 * Injects the reader into the tab's top document the way the background's `ensureReader` does:
 * admit one reader start in the document (`__planlensReaderAdmissions`), then inject the file.
 */
export async function injectReaderAsBackground(browser: TestBrowser, tabId: number): Promise<void> {
  await browser.worker!.evaluate(async (id) => {
    const api = (
      globalThis as unknown as { chrome: { scripting: { executeScript(o: object): Promise<unknown> } } }
    ).chrome;
    await api.scripting.executeScript({
      target: { tabId: id },
      func: () => {
        const world = globalThis as { __planlensReaderAdmissions?: number };
        world.__planlensReaderAdmissions = (world.__planlensReaderAdmissions ?? 0) + 1;
      },
    });
    await api.scripting.executeScript({ target: { tabId: id }, files: ['/content-scripts/reader.js'] });
  }, tabId);
}

/** The reader's notes state for `page`, or null while no reader answers. */
export async function notesState(browser: TestBrowser, page: Page): Promise<NotesPageState | null> {
  const tabId = await tabOf(browser, page);
  const result = await browser.worker!.evaluate(async (id) => {
    const api = (globalThis as unknown as { chrome: ChromeApi }).chrome;
    try {
      return await api.tabs.sendMessage(id, { planlens: 'notesPageState', data: {} }, { frameId: 0 });
    } catch (error) {
      return { ok: false, error: String(error) };
    }
  }, tabId);
  const r = result as { ok: true; value: NotesPageState } | { ok: false; error: string } | null;
  if (process.env.PLANLENS_NOTES_DEBUG && !r?.ok) console.log('notesState', tabId, JSON.stringify(r));
  return r?.ok ? r.value : null;
}

/** Waits until the reader's state satisfies `ready` and returns it. */
export async function waitForNotes(
  browser: TestBrowser,
  page: Page,
  ready: (state: NotesPageState) => boolean,
  timeout = 15_000,
): Promise<NotesPageState> {
  const until = Date.now() + timeout;
  let last: NotesPageState | null = null;
  while (Date.now() < until) {
    last = await notesState(browser, page);
    if (last && ready(last)) return last;
    await page.waitForTimeout(150);
  }
  throw new Error(`notes state not reached; last: ${JSON.stringify(last?.notes.map((n) => n.placement))}`);
}

/** Every stored note, read with raw IndexedDB in the extension's service worker. */
export async function storedNotes(browser: TestBrowser): Promise<{ id: string; body: string }[]> {
  return browser.worker!.evaluate(
    () =>
      new Promise<{ id: string; body: string }[]>((resolve, reject) => {
        const open = indexedDB.open('planlens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('notes')) {
            db.close();
            resolve([]);
            return;
          }
          const request = db.transaction('notes').objectStore('notes').getAll();
          request.onsuccess = () => {
            db.close();
            resolve(request.result as { id: string; body: string }[]);
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

/** Selects the first occurrence of `text` in the page (within one text node) as a user would. */
export async function selectText(page: Page, text: string): Promise<void> {
  const ok = await page.evaluate((needle) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n as Text).data.indexOf(needle);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + needle.length);
      (n.parentElement ?? document.body).scrollIntoView({ block: 'center' });
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return true;
    }
    return false;
  }, text);
  if (!ok) throw new Error(`text not on page: ${text}`);
}

/** The ARIA roles the notes UI uses. */
export type UiRole =
  'button' | 'textbox' | 'radio' | 'radiogroup' | 'dialog' | 'alertdialog' | 'status' | 'toolbar';

/** A control in the notes UI by role and exact accessible name, optionally inside another one. */
export interface UiQuery {
  role: UiRole;
  /** The exact accessible name (aria-label, else the text); any name when left out. */
  name?: string;
  within?: { role: UiRole; name?: string };
}

/** What the UI lookup reports about one control. */
export interface UiHit {
  /** Viewport centre, for the mouse. */
  x: number;
  y: number;
  text: string;
  /** The accessible name (aria-label, else the text). */
  name: string;
  /** Form control value, or null. */
  value: string | null;
  /** Whether the centre point really hits the control (nothing covers it). */
  hit: boolean;
  /** The control's box in viewport px. */
  rect: { left: number; top: number; right: number; bottom: number };
  /** Its computed background colour (to check light and dark schemes). */
  background: string;
}

type UiAnswer = UiHit | { error: string } | null;

/**
 * Runs in the page with `this` bound to our shadow root (handed over by CDP, never exposed to page
 * scripts). Self-contained: serialized and sent over the protocol (the Firefox tests send it too).
 */
export function lookUp(
  this: ShadowRoot,
  query: UiQuery,
  mode: 'locate' | 'syntheticClick',
): UiHit | { error: string } | null {
  const roleOf = (el: Element): string | null => {
    const explicit = el.getAttribute('role');
    if (explicit) return explicit;
    if (el instanceof HTMLButtonElement) return 'button';
    if (el instanceof HTMLTextAreaElement) return 'textbox';
    if (el instanceof HTMLInputElement && el.type === 'text') return 'textbox';
    return null;
  };
  const nameOf = (el: Element): string => (el.getAttribute('aria-label') ?? el.textContent ?? '').trim();
  const visible = (el: Element): boolean => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  const needVisible = mode === 'locate';
  const matches = (el: Element, role: string, name: string | undefined): boolean =>
    roleOf(el) === role && (name === undefined || nameOf(el) === name) && (!needVisible || visible(el));
  const pick = (
    scope: Element[],
    role: string,
    name: string | undefined,
  ): Element | { error: string } | null => {
    const found = scope.filter((el) => matches(el, role, name));
    if (found.length > 1) return { error: `${found.length} ${role} named ${String(name)}` };
    return found[0] ?? null;
  };
  let scope = [...this.querySelectorAll('*')];
  if (query.within) {
    const container = pick(scope, query.within.role, query.within.name);
    if (!(container instanceof Element)) return container;
    scope = [...container.querySelectorAll('*')];
  }
  const target = pick(scope, query.role, query.name);
  if (!(target instanceof Element)) return target;
  if (mode === 'syntheticClick' && target instanceof HTMLElement) target.click();
  const r = target.getBoundingClientRect();
  const x = r.left + r.width / 2;
  const y = r.top + r.height / 2;
  const at = this.elementFromPoint(x, y);
  const value =
    target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement ? target.value : null;
  return {
    x,
    y,
    text: target.textContent ?? '',
    name: nameOf(target),
    value,
    hit: at !== null && (at === target || target.contains(at)),
    rect: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
    background: getComputedStyle(target).backgroundColor,
  };
}

const sessions = new WeakMap<Page, Promise<CDPSession>>();

function cdpOf(page: Page): Promise<CDPSession> {
  let session = sessions.get(page);
  if (!session) {
    session = page.context().newCDPSession(page);
    sessions.set(page, session);
  }
  return session;
}

/** Selectors of the UI hosts in the page (light DOM): the host element itself is no secret. */
export const NOTES_HOST_SELECTOR = '[data-planlens-ui=notes], planlens-notes';
export const CARD_HOST_SELECTOR = '[data-planlens-ui=card], planlens-card';

/** Hosts of PlanLens's in-page UI (closed shadow roots): the notes UI and the target card. */
export type UiHostName = 'planlens-notes' | 'planlens-card';

/** The shadow root of the UI host `host` as described by CDP, or null while there is none. */
async function notesRoot(
  page: Page,
  host: UiHostName = 'planlens-notes',
): Promise<{ cdp: CDPSession; backendNodeId: number; shadowRootType: string } | null> {
  const cdp = await cdpOf(page);
  const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  const stack = [root];
  // Hosts are plain elements marked `data-planlens-ui="notes"` / `"card"` (a tag name of our own
  // could be claimed by the page as its custom element); older builds used the tag name.
  const marker = host.replace(/^planlens-/u, '');
  const isHost = (node: { localName: string; attributes?: string[] }): boolean => {
    if (node.localName === host) return true;
    const attributes = node.attributes ?? [];
    for (let i = 0; i + 1 < attributes.length; i += 2) {
      if (attributes[i] === 'data-planlens-ui' && attributes[i + 1] === marker) return true;
    }
    return false;
  };
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (isHost(node)) {
      const shadow = node.shadowRoots?.[0];
      if (!shadow) return null;
      return { cdp, backendNodeId: shadow.backendNodeId, shadowRootType: shadow.shadowRootType ?? '' };
    }
    stack.push(...(node.children ?? []), ...(node.shadowRoots ?? []));
  }
  return null;
}

/** The kind of shadow root the notes UI uses ('open' or 'closed'), as the browser reports it. */
export async function notesShadowRootType(
  page: Page,
  host: UiHostName = 'planlens-notes',
): Promise<string | null> {
  return (await notesRoot(page, host))?.shadowRootType ?? null;
}

async function askUi(
  page: Page,
  query: UiQuery,
  mode: 'locate' | 'syntheticClick',
  host: UiHostName = 'planlens-notes',
): Promise<UiAnswer> {
  const root = await notesRoot(page, host);
  if (!root) return null;
  const { object } = await root.cdp.send('DOM.resolveNode', { backendNodeId: root.backendNodeId });
  if (!object.objectId) return null;
  let answer: UiAnswer;
  try {
    const { result, exceptionDetails } = await root.cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: lookUp.toString(),
      arguments: [{ value: query }, { value: mode }],
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(`notes UI lookup failed: ${exceptionDetails.text}`);
    answer = result.value as UiAnswer;
  } finally {
    await root.cdp.send('Runtime.releaseObject', { objectId: object.objectId });
  }
  if (answer !== null || host !== 'planlens-notes') return answer;
  return askEditorFrame(page, query, mode);
}

/** The note editor's frame (an extension page framed in the notes UI), or null while it is closed. */
export function editorFrame(page: Page): Frame | null {
  return (
    page.frames().find((f) => /^(chrome|moz)-extension:\/\/[^/]+\/note-editor\.html/u.test(f.url())) ?? null
  );
}

/**
 * Waits for the note editor frame's own ready signal (`<html data-ready>`: its setup answered by
 * the background, the text filled in and focused). Under load the frame's setup goes through a
 * background that may be waking up, so this waits on the signal itself, generously, rather than
 * polling for controls under a tight deadline.
 */
export async function waitForEditorReady(page: Page, timeout = 30_000): Promise<Frame> {
  const until = Date.now() + timeout;
  let frame = editorFrame(page);
  while (!frame && Date.now() < until) {
    await page.waitForEvent('framenavigated', { timeout: until - Date.now() }).catch(() => undefined);
    frame = editorFrame(page);
  }
  if (!frame) throw new Error(`no note editor frame within ${timeout} ms`);
  await frame.waitForSelector('html[data-ready="true"]', {
    state: 'attached',
    timeout: Math.max(1, until - Date.now()),
  });
  return frame;
}

/**
 * Opens the note editor on `text` as a reader does — selects it, clicks **Add note** — and waits
 * until the editor is ready for typing ({@link waitForEditorReady}); returns its frame.
 */
export async function openEditorOn(page: Page, text: string, add = 'Add note'): Promise<Frame> {
  // The toolbar is placed beside the selection once it is made; a click aimed while it still moved
  // (the selection was scrolled into view) missed it and no editor came (seen once in CI): click it
  // where it stands still, and make the selection and the click once more if no editor comes.
  for (let attempt = 1; ; attempt++) {
    await selectText(page, text);
    await clickInNotesUi(page, { role: 'button', name: add }, true);
    try {
      return await waitForEditorReady(page, 15_000);
    } catch (error) {
      if (attempt === 2) throw error;
    }
  }
}

/**
 * {@link lookUp} in the note editor's frame, with the point moved into the page's viewport (the
 * frame's own coordinates plus where the frame is).
 */
async function askEditorFrame(
  page: Page,
  query: UiQuery,
  mode: 'locate' | 'syntheticClick',
): Promise<UiAnswer> {
  const frame = editorFrame(page);
  if (!frame) return null;
  try {
    const answer = (await frame.evaluate(
      `(${lookUp.toString()}).call(document, ${JSON.stringify(query)}, ${JSON.stringify(mode)})`,
    )) as UiAnswer;
    if (!answer || 'error' in answer) return answer;
    const box = await (await frame.frameElement()).boundingBox();
    if (!box) return null;
    return { ...answer, x: answer.x + box.x, y: answer.y + box.y };
  } catch {
    return null; // the frame closed or navigated while we looked
  }
}

function describeQuery(query: UiQuery): string {
  const inner = `${query.role} ${JSON.stringify(query.name ?? '*')}`;
  return query.within
    ? `${inner} in ${query.within.role} ${JSON.stringify(query.within.name ?? '*')}`
    : inner;
}

/**
 * The control matching `query` when present and visible in the UI host `host` (the notes UI unless
 * told), else null. Throws on an ambiguous query.
 */
export async function findInNotesUi(
  page: Page,
  query: UiQuery,
  host: UiHostName = 'planlens-notes',
): Promise<UiHit | null> {
  const answer = await askUi(page, query, 'locate', host);
  if (answer && 'error' in answer) throw new Error(`ambiguous ${describeQuery(query)}: ${answer.error}`);
  return answer;
}

/** The target card (a dialog in the closed `planlens-card` root) when shown, else null. */
export function findTargetCard(page: Page): Promise<UiHit | null> {
  return findInNotesUi(page, { role: 'dialog' }, 'planlens-card');
}

/**
 * Waits until the control is visible and uncovered (like a locator's actionability check); with
 * `stable`, also at the same place on two looks in a row (the reader sizes the note editor's frame
 * once the editor has started, so a click aimed before that could land beside the frame).
 */
export async function waitForNotesUi(
  page: Page,
  query: UiQuery,
  timeout = 10_000,
  stable = false,
): Promise<UiHit> {
  const until = Date.now() + timeout;
  let last: UiHit | null = null;
  let previous: UiHit | null = null;
  while (Date.now() < until) {
    last = await findInNotesUi(page, query);
    if (last?.hit && (!stable || (previous?.hit && last.x === previous.x && last.y === previous.y)))
      return last;
    previous = last;
    await page.waitForTimeout(stable ? 50 : 100);
  }
  throw new Error(`notes UI: no ${last ? 'uncovered ' : ''}${describeQuery(query)}`);
}

/** Clicks the control with a real (trusted) mouse click. */
export async function clickInNotesUi(page: Page, query: UiQuery, stable = false): Promise<void> {
  const { x, y } = await waitForNotesUi(page, query, 10_000, stable);
  await page.mouse.click(x, y);
}

/** Clicks into a textbox, replaces its content by typing `text` with the keyboard, and checks it. */
export async function fillInNotesUi(page: Page, query: UiQuery, text: string): Promise<void> {
  // The editor is an extension frame: keys reach it only in the focused tab (another test tab,
  // such as the side panel page, may have the focus).
  await page.bringToFront();
  await clickInNotesUi(page, query, true);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
  const after = await findInNotesUi(page, query);
  if (after?.value !== text)
    throw new Error(`typed ${JSON.stringify(text)}, got ${JSON.stringify(after?.value)}`);
}

/** The text of the control, or '' while it is absent (for polling). */
export async function notesUiText(page: Page, query: UiQuery): Promise<string> {
  return (await findInNotesUi(page, query))?.text ?? '';
}

/**
 * Calls `click()` on the control from the page's main world: an untrusted, synthetic click like a
 * hostile page script would make if it could reach the control. Returns whether it was found.
 */
export async function syntheticClickInNotesUi(page: Page, query: UiQuery): Promise<boolean> {
  const answer = await askUi(page, query, 'syntheticClick');
  if (answer && 'error' in answer) throw new Error(`ambiguous ${describeQuery(query)}: ${answer.error}`);
  return answer !== null;
}

/** UI names in English (the default test locale). */
export const NOTES_UI = {
  card: { role: 'dialog', name: 'PlanLens note' },
  editor: { role: 'dialog', name: 'Note on the selected text' },
} as const;

/**
 * Waits until the reader's notes feature has made its first pass on the page (`planlens:anchor`,
 * measured with or without notes): from then on it answers a selection with its toolbar. Its UI
 * host is made on first need, so the host is no sign of the feature having started.
 */
export async function waitForNotesFeature(page: Page): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('planlens:anchor').length > 0, undefined, {
    timeout: 30_000,
  });
}

/** Makes a note on `text` through the selection toolbar and the editor. */
export async function addNoteThroughToolbar(
  page: Page,
  text: string,
  body: string,
  names: { add: string; note: string; save: string } = { add: 'Add note', note: 'Note', save: 'Save' },
): Promise<void> {
  // The notes UI is made on the first selection: the feature must be listening for it.
  await waitForNotesFeature(page);
  // Keys typed before the editor frame's script has started are lost (seen under CI load): the
  // editor is opened and ready before typing.
  await openEditorOn(page, text, names.add);
  await fillInNotesUi(page, { role: 'textbox', name: names.note }, body);
  await clickInNotesUi(page, { role: 'button', name: names.save });
}

/** The text under each range of a registered highlight, read in the page. */
export async function highlightTexts(page: Page, name: string): Promise<string[]> {
  return page.evaluate((n) => {
    const highlight = CSS.highlights.get(n);
    if (!highlight) return [];
    return [...highlight].map((r) => {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      return range.toString();
    });
  }, name);
}

/** A note mark drawn in the notes UI: which note, how, the clause it covers and its boxes. */
export interface NoteMark {
  kind: 'note' | 'offered' | 'focus';
  color: string;
  text: string;
  boxes: { left: number; top: number; width: number; height: number }[];
}

/** Runs in the notes UI's shadow root (through CDP): the marks drawn there. */
function listMarks(this: ShadowRoot): NoteMark[] {
  return [...this.querySelectorAll<HTMLElement>('[data-mark]')].map((group) => ({
    kind: group.dataset.mark as NoteMark['kind'],
    color: group.dataset.color ?? '',
    text: group.dataset.text ?? '',
    boxes: [...group.children].map((box) => {
      const r = box.getBoundingClientRect();
      return { left: r.left, top: r.top, width: r.width, height: r.height };
    }),
  }));
}

/** The note marks drawn in the closed notes UI (empty while there is no UI). */
export async function noteMarks(page: Page): Promise<NoteMark[]> {
  const root = await notesRoot(page);
  if (!root) return [];
  const { object } = await root.cdp.send('DOM.resolveNode', { backendNodeId: root.backendNodeId });
  if (!object.objectId) return [];
  try {
    const { result, exceptionDetails } = await root.cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: listMarks.toString(),
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(`note marks lookup failed: ${exceptionDetails.text}`);
    return result.value as NoteMark[];
  } finally {
    await root.cdp.send('Runtime.releaseObject', { objectId: object.objectId });
  }
}

/** The clause text under each note mark of `kind` (and `color`, when given). */
export async function markTexts(page: Page, kind: NoteMark['kind'], color?: string): Promise<string[]> {
  return (await noteMarks(page))
    .filter((m) => m.kind === kind && (color === undefined || m.color === color))
    .map((m) => m.text);
}

/** Moves the mouse onto the first drawn note mark of `kind` (the clause under it). */
export async function hoverNoteMark(page: Page, kind: NoteMark['kind'] = 'note'): Promise<void> {
  let box: NoteMark['boxes'][number] | undefined;
  const until = Date.now() + 10_000;
  while (!box && Date.now() < until) {
    const mark = (await noteMarks(page)).find((m) => m.kind === kind);
    box = mark?.boxes[0];
    if (box || !mark) {
      await page.waitForTimeout(100);
      continue;
    }
    // Only boxes in the viewport are drawn: bring the clause into view first.
    await page.evaluate((needle) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if ((n as Text).data.includes(needle.slice(0, 6))) {
          n.parentElement?.scrollIntoView({ block: 'center' });
          return;
        }
      }
    }, mark.text);
    await page.waitForTimeout(100);
  }
  if (!box) throw new Error(`no ${kind} mark drawn`);
  await page.mouse.move(0, 0);
  await page.mouse.move(box.left + Math.min(12, box.width / 2), box.top + box.height / 2);
}

/**
 * Runs in a UI host's shadow root (through CDP): the computed `property` of the first element
 * matching `selector`, or null when there is none.
 */
function computedStyleIn(this: ShadowRoot, selector: string, property: string): string | null {
  const element = this.querySelector(selector);
  return element ? getComputedStyle(element).getPropertyValue(property) : null;
}

/** The computed `property` of the first element matching `selector` in the closed notes UI. */
export async function notesUiStyle(page: Page, selector: string, property: string): Promise<string | null> {
  const root = await notesRoot(page);
  if (!root) return null;
  const { object } = await root.cdp.send('DOM.resolveNode', { backendNodeId: root.backendNodeId });
  if (!object.objectId) return null;
  try {
    const { result, exceptionDetails } = await root.cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: computedStyleIn.toString(),
      arguments: [{ value: selector }, { value: property }],
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(`notes UI style lookup failed: ${exceptionDetails.text}`);
    return result.value as string | null;
  } finally {
    await root.cdp.send('Runtime.releaseObject', { objectId: object.objectId });
  }
}
