/**
 * Typed send/receive over `browser.runtime` and `browser.tabs`, on top of {@link ProtocolMap}.
 * The only place that touches the raw messaging API.
 *
 * @module
 */
import { browser, type Browser } from 'wxt/browser';
import type { Envelope, MessageName, RequestOf, ResponseOf, Result } from './protocol';

type Handler<N extends MessageName> = (
  data: RequestOf<N>,
  sender: Browser.runtime.MessageSender,
) => ResponseOf<N> | Promise<ResponseOf<N>>;

function isEnvelope(value: unknown): value is Envelope {
  return typeof value === 'object' && value !== null && typeof (value as Envelope).planlens === 'string';
}

function unwrap<T>(result: unknown, name: string): T {
  const r = result as Result<T> | undefined;
  if (!r) throw new Error(`PlanLens: no handler answered "${name}"`);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/** How long a request may wait for its answer before it fails (a lost answer must not hang a feature). */
const ANSWER_TIMEOUT_MS = 30_000;

/**
 * Sends `name` to the extension's background/pages and resolves with the typed response.
 *
 * Rejects after {@link ANSWER_TIMEOUT_MS}, and, from a document, as soon as the document goes into
 * the back/forward cache (`pagehide` with `persisted`): Firefox drops the answer to such a page, so
 * the caller would otherwise wait for ever; it can redo the work when the page is shown again.
 */
export async function sendMessage<N extends MessageName>(
  name: N,
  data: RequestOf<N>,
): Promise<ResponseOf<N>> {
  const envelope: Envelope<N> = { planlens: name, data };
  const abandon = new AbortController();
  try {
    const answer = await Promise.race([
      browser.runtime.sendMessage(envelope) as Promise<unknown>,
      new Promise<never>((_, reject) => {
        const fail = (why: string) => () => reject(new Error(`PlanLens: "${name}" ${why}`));
        const timer = setTimeout(fail('got no answer in time'), ANSWER_TIMEOUT_MS);
        abandon.signal.addEventListener('abort', () => clearTimeout(timer));
        if (typeof window !== 'undefined' && typeof document !== 'undefined') {
          const hidden = fail('was abandoned: the page went into the back/forward cache');
          // A page unloaded for good needs no answer; one kept in the cache gets none.
          const onHide = (event: PageTransitionEvent) => event.persisted && hidden();
          window.addEventListener('pagehide', onHide, { signal: abandon.signal });
        }
      }),
    ]);
    return unwrap<ResponseOf<N>>(answer, name);
  } finally {
    abandon.abort();
  }
}

/** Sends `name` to the content script of a tab (top frame unless `frameId` is given). */
export async function sendTabMessage<N extends MessageName>(
  tabId: number,
  name: N,
  data: RequestOf<N>,
  frameId = 0,
): Promise<ResponseOf<N>> {
  const envelope: Envelope<N> = { planlens: name, data };
  return unwrap<ResponseOf<N>>(await browser.tabs.sendMessage(tabId, envelope, { frameId }), name);
}

/**
 * Registers the handler for `name`. Messages with other names are left for other listeners.
 * Returns a function that removes the handler.
 */
export function onMessage<N extends MessageName>(name: N, handler: Handler<N>): () => void {
  // Answers through `sendResponse` and `return true` rather than by returning a promise: Chrome
  // only honours a returned promise from version 144, and Chromium-based browsers lag behind it.
  const listener = (
    message: unknown,
    sender: Browser.runtime.MessageSender,
    sendResponse: (response: Result<ResponseOf<N>>) => void,
  ): true | undefined => {
    if (!isEnvelope(message) || message.planlens !== name) return undefined;
    void Promise.resolve()
      .then(() => handler(message.data as RequestOf<N>, sender))
      .then(
        (value): Result<ResponseOf<N>> => ({ ok: true, value }),
        (error: unknown): Result<ResponseOf<N>> => ({
          ok: false,
          error: error instanceof Error ? error.message : String(error),
        }),
      )
      .then(sendResponse);
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
