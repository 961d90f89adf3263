/**
 * The receiving side of the protocol, without the browser: who sent a message (content script of
 * a tab, or extension page), whether that sender may send it (the route's `from`), whether its
 * payload passes its schema, and the {@link Result} the handler's answer becomes. `runtime.ts`
 * plugs {@link createDispatcher} into `runtime.onMessage` as the one root listener of a context.
 *
 * @module
 */
import type { ContentSentName, Envelope, MessageName, RequestOf, ResponseOf, Result } from './protocol';
import type { Schema } from './validate';

/** The parts of `runtime.MessageSender` the policy reads (Chrome and Firefox agree on these). */
export interface RawSender {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
  documentId?: string;
}

/** A content script in a web page: it may only act on its own tab and its own page. */
export interface ContentSender {
  kind: 'content';
  tabId: number;
  frameId: number;
  /** The address of the sender's frame, as the browser knows it (not as the page claims it). */
  url: string;
  /** The sender's document (Chrome only): injections aimed at it never land in a later document. */
  documentId?: string;
}

/** One of our extension pages (background, popup, side panel, offscreen document). */
export interface ExtensionSender {
  kind: 'extension';
  url: string;
  /** Set when the page is open in a tab (e.g. the popup opened as a tab). */
  tabId?: number;
}

/**
 * Who may send a page event (`content→page`): a content script, or one of our own pages shown in
 * a tab (the PDF reader, which plays the content script's part in its tab). Listeners compare
 * `tabId` with the tab they show.
 */
export type TabSender = ContentSender | (ExtensionSender & { tabId: number });

/** A sender the policy recognised. */
export type Sender = ContentSender | ExtensionSender;

/** The sender a handler of `N` gets: content-script messages come from a content script. */
export type SenderOf<N extends MessageName> = N extends ContentSentName ? ContentSender : ExtensionSender;

/** Answers message `N`; throwing (or rejecting) answers `{ ok: false, error }`. */
export type Handler<N extends MessageName> = (
  data: RequestOf<N>,
  sender: SenderOf<N>,
) => ResponseOf<N> | Promise<ResponseOf<N>>;

/** The sender kind message `N` must come from (its direction in `protocol.ts`). */
export type SenderKindOf<N extends MessageName> = SenderOf<N>['kind'];

/**
 * How a context answers message `N`: who may send it, the schema its payload must pass (required
 * for content-sent messages) and the handler.
 */
export interface Route<N extends MessageName> {
  from: SenderKindOf<N>;
  /**
   * For a content-sent route: one of our pages shown in a tab may send it too (page events from
   * the PDF reader). Its payload still passes the schema.
   */
  tabPages?: boolean;
  handle: Handler<N>;
  schema?: Schema<RequestOf<N>>;
}

/** Who "we" are: the extension id and the base of our own pages' URLs (`runtime.getURL('/')`). */
export interface ExtensionIdentity {
  id: string;
  baseUrl: string;
}

/**
 * Classifies a sender. Ours and in a tab at a web address → content script; ours at our own base
 * URL, or ours with neither tab nor URL (a worker) → extension page; anything else (another
 * extension) → null.
 */
export function classifySender(sender: RawSender, self: ExtensionIdentity): Sender | null {
  if (sender.id !== self.id) return null;
  const url = sender.url ?? '';
  if (url.startsWith(self.baseUrl) || (!sender.tab && url === '')) {
    return sender.tab?.id === undefined
      ? { kind: 'extension', url }
      : { kind: 'extension', url, tabId: sender.tab.id };
  }
  if (sender.tab?.id === undefined || sender.tab.id < 0) return null;
  return {
    kind: 'content',
    tabId: sender.tab.id,
    frameId: sender.frameId ?? 0,
    url: url || (sender.tab.url ?? ''),
    ...(typeof sender.documentId === 'string' ? { documentId: sender.documentId } : {}),
  };
}

function isEnvelope(value: unknown): value is Envelope {
  return typeof value === 'object' && value !== null && typeof (value as Envelope).planlens === 'string';
}

/** A lookup in a plain table that never finds inherited names (`toString`, `__proto__`). */
export function routeIn(
  table: Readonly<Partial<Record<string, Route<MessageName>>>>,
): (name: string) => Route<MessageName> | undefined {
  return (name) => (Object.hasOwn(table, name) ? table[name] : undefined);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Makes a `runtime.onMessage` listener that answers the messages `lookup` has a route for and
 * leaves every other message to other listeners (returns false without answering). A routed
 * message from the wrong kind of sender, or with a payload its schema refuses, is answered
 * `{ ok: false }` at once and never reaches the handler; a content-sent message without a schema
 * is refused too. Otherwise the handler's value (or error) is sent with `sendResponse` and the
 * listener returns true — the one answering style every Chrome and Firefox supports.
 */
export function createDispatcher(
  lookup: (name: string) => Route<MessageName> | undefined,
  self: ExtensionIdentity,
): (message: unknown, sender: RawSender, sendResponse: (result: Result<unknown>) => void) => boolean {
  return (message, rawSender, sendResponse) => {
    if (!isEnvelope(message)) return false;
    const name = message.planlens;
    const route = lookup(name);
    if (!route) return false;
    const sender = classifySender(rawSender, self);
    const kind = route.from;
    const fromTabPage = route.tabPages === true && sender?.kind === 'extension' && sender.tabId !== undefined;
    if (!sender || (sender.kind !== kind && !fromTabPage)) {
      sendResponse({
        ok: false,
        error: `Refused "${name}": only ${kind === 'content' ? 'a content script' : 'an extension page'} may send it.`,
      });
      return false;
    }
    let data: unknown = message.data;
    if (kind === 'content') {
      if (!route.schema) {
        sendResponse({ ok: false, error: `Refused "${name}": no schema to check it against.` });
        return false;
      }
      try {
        data = route.schema(data, 'data');
      } catch (error) {
        sendResponse({ ok: false, error: `Bad "${name}" request: ${errorText(error)}` });
        return false;
      }
    }
    const handle = route.handle as (data: unknown, sender: Sender) => unknown;
    Promise.resolve()
      .then(() => handle(data, sender))
      .then(
        (value) => sendResponse({ ok: true, value }),
        (error: unknown) => sendResponse({ ok: false, error: errorText(error) }),
      );
    return true;
  };
}

/**
 * Unwraps a {@link Result}: the value, or throws its error. `undefined` (nobody answered, e.g. no
 * listener for that name in the receiving context) throws too.
 */
export function unwrapResult<T>(result: unknown, name: string): T {
  const r = result as Result<T> | undefined;
  if (!r || typeof r !== 'object') throw new Error(`PlanLens: no handler answered "${name}"`);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}
