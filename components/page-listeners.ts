/**
 * One handler per message name is all a context's message table holds (a later one replaces an
 * earlier one), but several panel components want the same announcements from the page: the
 * Targets table and the Outline both follow `targetsPageHover` / `targetsPageLocation`. This hub
 * registers the one handler and hands each announcement to every component listening.
 *
 * @module
 */
import type { TabSender } from '@/lib/messaging/dispatch';
import type { RequestOf } from '@/lib/messaging/protocol';
import { onMessage } from '@/lib/messaging/runtime';
import { CONTENT_SCHEMAS } from '@/lib/messaging/schemas';

/** The page's announcements a panel follows. */
type PageEventName = 'targetsPageHover' | 'targetsPageLocation' | 'targetsPageUpdated';

type PageListener<N extends PageEventName> = (data: RequestOf<N>, sender: TabSender) => void;

const hubs = new Map<PageEventName, { listeners: Set<PageListener<never>>; remove: () => void }>();

/**
 * Calls `listener` with every `name` announcement a page's reader sends (checked by its schema
 * and the sender policy, as any content-sent message); returns the function that stops it. The
 * message handler is installed with the first listener of a name and removed with the last.
 */
export function listenToPage<N extends PageEventName>(name: N, listener: PageListener<N>): () => void {
  let hub = hubs.get(name);
  if (!hub) {
    const listeners = new Set<PageListener<never>>();
    // The three names share one shape of call; the cast only widens it to say so.
    const register = onMessage as (name: N, handler: unknown, schema: unknown) => () => void;
    const remove = register(
      name,
      (data: RequestOf<N>, sender: TabSender) => {
        for (const each of [...listeners]) (each as PageListener<N>)(data, sender);
        return null;
      },
      CONTENT_SCHEMAS[name],
    );
    hub = { listeners, remove };
    hubs.set(name, hub);
  }
  const own = listener as PageListener<never>;
  hub.listeners.add(own);
  return () => {
    const current = hubs.get(name);
    if (!current) return;
    current.listeners.delete(own);
    if (current.listeners.size === 0) {
      current.remove();
      hubs.delete(name);
    }
  };
}
