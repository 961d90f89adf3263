/**
 * Typed send/receive over `browser.runtime` and `browser.tabs`, on top of the per-direction maps
 * of `protocol.ts`. The only place that touches the raw messaging API.
 *
 * Receiving: each context (background, a content script bundle, an extension page) has ONE root
 * `runtime.onMessage` listener, a dispatcher over a table of routes (`dispatch.ts`): the background
 * passes its whole table to {@link serveMessages}; other contexts add routes one by one with
 * {@link onMessage}. Answers go through `sendResponse` + `return true`, which every Chrome (not
 * only ≥ 144, where returning a Promise works) and Firefox support.
 *
 * @module
 */
import { browser } from 'wxt/browser';
import {
  classifySender,
  createDispatcher,
  routeIn,
  unwrapResult,
  type ExtensionIdentity,
  type Handler,
  type RawSender,
  type Route,
} from './dispatch';
import type {
  BackgroundToOffscreen,
  ContentSentName,
  ContentToBackground,
  ContentToPage,
  Envelope,
  MessageName,
  PageToBackground,
  RequestOf,
  ResponseOf,
  Result,
  ToContent,
} from './protocol';
import type { Schema } from './validate';

/** Messages that travel over `runtime.sendMessage` (to the background or extension pages). */
type RuntimeName =
  keyof ContentToBackground | keyof PageToBackground | keyof ContentToPage | keyof BackgroundToOffscreen;
/**
 * The page events (`content→page`), which our own pages shown in a tab may send as well: the PDF
 * reader tells the side panel what a content script tells it on a web page. A record, so a new
 * page event that is left out fails to compile.
 */
const PAGE_EVENTS: Readonly<Record<keyof ContentToPage, true>> = {
  notesPageUpdated: true,
  targetsPageHover: true,
  targetsPageLocation: true,
  targetsPageUpdated: true,
};

/** Messages handled outside the background: in content scripts, the offscreen document, extension pages. */
type NonBackgroundName = keyof ToContent | keyof BackgroundToOffscreen | keyof ContentToPage;
/** Messages the background handles. */
export type BackgroundName = keyof ContentToBackground | keyof PageToBackground;

/** The background's dispatch table: every message it serves, with a schema for content-sent ones. */
export type BackgroundRoutes = {
  [N in BackgroundName]: N extends ContentSentName
    ? { from: 'content'; schema: Schema<RequestOf<N>>; handle: Handler<N> }
    : { from: 'extension'; handle: Handler<N> };
};

function identity(): ExtensionIdentity {
  return { id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') };
}

/** How long a request may wait for its answer before it fails (a lost answer must not hang a feature). */
const ANSWER_TIMEOUT_MS = 30_000;

/** Fails each request of this context still waiting for its answer (see {@link sendMessage}). */
const waiting = new Set<(why: string) => void>();
let watchingHide = false;

/**
 * Fails every waiting request when the document goes into the back/forward cache: one `pagehide`
 * listener for the context, added with its first request (a listener and an `AbortController` per
 * request cost the reader's cold start about as much as posting the message itself).
 */
function watchHide(): void {
  if (watchingHide || typeof window === 'undefined' || typeof document === 'undefined') return;
  watchingHide = true;
  // A page unloaded for good needs no answer; one kept in the cache gets none.
  window.addEventListener('pagehide', (event) => {
    if (!event.persisted) return;
    for (const fail of [...waiting]) fail('was abandoned: the page went into the back/forward cache');
  });
}

/**
 * Sends `name` to the background (or extension pages) and resolves with the typed response.
 *
 * Rejects after {@link ANSWER_TIMEOUT_MS}, and, from a document, as soon as the document goes into
 * the back/forward cache (`pagehide` with `persisted`): Firefox drops the answer to such a page, so
 * the caller would otherwise wait for ever; it can redo the work when the page is shown again.
 */
export async function sendMessage<N extends RuntimeName>(
  name: N,
  data: RequestOf<N>,
): Promise<ResponseOf<N>> {
  const envelope: Envelope<N> = { planlens: name, data };
  let fail: (why: string) => void = () => undefined;
  const failed = new Promise<never>((_, reject) => {
    fail = (why) => reject(new Error(`PlanLens: "${name}" ${why}`));
  });
  const timer = setTimeout(() => fail('got no answer in time'), ANSWER_TIMEOUT_MS);
  waiting.add(fail);
  watchHide();
  try {
    const answer = await Promise.race([browser.runtime.sendMessage(envelope) as Promise<unknown>, failed]);
    return unwrapResult<ResponseOf<N>>(answer, name);
  } finally {
    clearTimeout(timer);
    waiting.delete(fail);
  }
}

/**
 * {@link sendMessage} without its guards: posts `name` at once and resolves with the typed
 * response, with no timer and no `pagehide` listener (on a page's cold thread those two first uses
 * of DOM APIs cost about as much as posting itself). For the one request the gate sends on every
 * page with Chinese text, whose caller bounds the wait itself: Chrome always settles the request
 * (an answer, or an error when the background goes away), but Firefox drops the answer to a page
 * that went into the back/forward cache meanwhile, so the caller must ask again when the page is
 * shown (`pageshow` with `persisted`). Rejects like {@link sendMessage} otherwise.
 */
export async function sendMessageNow<N extends RuntimeName>(
  name: N,
  data: RequestOf<N>,
): Promise<ResponseOf<N>> {
  const envelope: Envelope<N> = { planlens: name, data };
  return unwrapResult<ResponseOf<N>>(await browser.runtime.sendMessage(envelope), name);
}

/**
 * Sends `name` to the content script of a tab (top frame unless `frameId` is given), or to our own
 * extension page shown in that tab (the PDF reader, `viewer.html`), which answers through its
 * `runtime.onMessage` as a content script does. Both browsers deliver it there: Chromium, and
 * Firefox (checked in ESR 153, `tests/firefox/pdf-side-panel.test.ts`), so no second transport
 * (`extension.getViews`, a broadcast) is needed. {@link watchTab}'s `tabs.connect` reaches such
 * a page's `runtime.onConnect` too in Firefox ESR 153 (the reader listens for no watch port yet).
 * The receiving page classifies the sender as an extension page, as its routes require.
 */
export async function sendTabMessage<N extends keyof ToContent>(
  tabId: number,
  name: N,
  data: RequestOf<N>,
  frameId = 0,
): Promise<ResponseOf<N>> {
  const envelope: Envelope<N> = { planlens: name, data };
  return unwrapResult<ResponseOf<N>>(await browser.tabs.sendMessage(tabId, envelope, { frameId }), name);
}

/**
 * {@link sendTabMessage}, then checks the answer with `schema`: what a content script answers is
 * as untrusted as what it sends, so the background checks an answer before storing or acting on
 * it. Throws when the answer does not pass (as when nobody answers).
 */
export async function askTab<N extends keyof ToContent>(
  tabId: number,
  name: N,
  data: RequestOf<N>,
  schema: Schema<ResponseOf<N>>,
): Promise<ResponseOf<N>> {
  return schema(await sendTabMessage(tabId, name, data), `"${name}" answer`);
}

type Listener = (
  message: unknown,
  sender: RawSender,
  sendResponse: (result: Result<unknown>) => void,
) => boolean;

/** Installs `listener` as a root `runtime.onMessage` listener; returns its remover. */
function addRootListener(listener: Listener): () => void {
  const raw = listener as Parameters<typeof browser.runtime.onMessage.addListener>[0];
  browser.runtime.onMessage.addListener(raw);
  return () => browser.runtime.onMessage.removeListener(raw);
}

/**
 * The background's one listener: answers every message of `routes` under the sender policy and
 * schemas of `dispatch.ts`. Call once, from `defineBackground`. Returns a function that removes it.
 */
export function serveMessages(routes: BackgroundRoutes): () => void {
  const table = routes as unknown as Partial<Record<MessageName, Route<MessageName>>>;
  return addRootListener(createDispatcher(routeIn(table), identity()));
}

/** Routes added by {@link onMessage} in this context, and the root listener while there are any. */
const routes = new Map<string, Route<MessageName>>();
let removeRoot: (() => void) | null = null;

/**
 * Adds the handler for `name` to this context's table (installing the root listener with the first
 * one). A content-sent message (`content→page`; the type requires its `schema`) is answered only
 * for content scripts, every other one only for extension pages. A later handler for the same name replaces an earlier one (a re-injected
 * content script takes over). Returns a function that removes this handler.
 */
export function onMessage<N extends NonBackgroundName>(
  name: N,
  handler: Handler<N>,
  ...[schema]: N extends ContentSentName ? [schema: Schema<RequestOf<N>>] : []
): () => void {
  const from = schema ? 'content' : 'extension';
  const tabPages = from === 'content' && Object.hasOwn(PAGE_EVENTS, name);
  const route = { from, handle: handler, schema, tabPages } as unknown as Route<MessageName>;
  routes.set(name, route);
  removeRoot ??= addRootListener(createDispatcher((n) => routes.get(n), identity()));
  return () => {
    if (routes.get(name) === route) routes.delete(name);
    if (routes.size === 0 && removeRoot) {
      removeRoot();
      removeRoot = null;
    }
  };
}

/**
 * The port an open side panel holds to a tab's reader while it shows that tab: the reader tells
 * a watching panel when what it shows changed (`targetsPageUpdated`) and where the pointer and the
 * reader are, and nothing when no panel watches. The port carries no messages (they all go through
 * the protocol above); its being open is the subscription.
 */
export const TARGETS_PANEL_PORT = 'planlens:targets-panel';

/**
 * Extension page side: opens the watch port `name` to the top frame of `tabId`. `onClosed` runs
 * once when the other side goes (no reader in the tab, the page navigated, the reader stopped);
 * the returned function closes it from this side (then `onClosed` does not run).
 */
export function watchTab(tabId: number, name: string, onClosed: () => void): () => void {
  let open = true;
  const port = browser.tabs.connect(tabId, { name, frameId: 0 });
  port.onDisconnect.addListener(() => {
    // No listener in the tab (no reader yet) sets lastError: that is an answer, not a failure.
    void browser.runtime.lastError;
    if (!open) return;
    open = false;
    onClosed();
  });
  return () => {
    if (!open) return;
    open = false;
    port.disconnect();
  };
}

/**
 * Content script side: calls `onChange` with the number of extension pages holding the watch port
 * `name` to this frame, whenever one connects or goes. Ports from anything but our own extension
 * pages (the sender policy of `dispatch.ts`) are closed at once. Returns the remover, which also
 * closes the open ports.
 */
export function onWatchers(name: string, onChange: (count: number) => void): () => void {
  type Port = ReturnType<typeof browser.tabs.connect>;
  const ports = new Set<Port>();
  const listener = (port: Port) => {
    if (port.name !== name) return;
    if (classifySender((port.sender ?? {}) as RawSender, identity())?.kind !== 'extension') {
      port.disconnect();
      return;
    }
    ports.add(port);
    port.onDisconnect.addListener(() => {
      if (ports.delete(port)) onChange(ports.size);
    });
    onChange(ports.size);
  };
  browser.runtime.onConnect.addListener(listener);
  return () => {
    browser.runtime.onConnect.removeListener(listener);
    for (const port of ports) port.disconnect();
    ports.clear();
  };
}
