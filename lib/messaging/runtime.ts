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

/** Sends `name` to the extension's background/pages and resolves with the typed response. */
export async function sendMessage<N extends MessageName>(
  name: N,
  data: RequestOf<N>,
): Promise<ResponseOf<N>> {
  const envelope: Envelope<N> = { planlens: name, data };
  return unwrap<ResponseOf<N>>(await browser.runtime.sendMessage(envelope), name);
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
  const listener = (message: unknown, sender: Browser.runtime.MessageSender) => {
    if (!isEnvelope(message) || message.planlens !== name) return undefined;
    return Promise.resolve()
      .then(() => handler(message.data as RequestOf<N>, sender))
      .then(
        (value): Result<ResponseOf<N>> => ({ ok: true, value }),
        (error: unknown): Result<ResponseOf<N>> => ({
          ok: false,
          error: error instanceof Error ? error.message : String(error),
        }),
      );
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
