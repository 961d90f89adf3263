/**
 * The stored records the reader's features read as it starts — the notes feature its page's
 * notes, the highlight feature its document's corrections — asked of the background in ONE
 * request (`readerPageRecords`): every answer is handled on the page's thread, and most plan pages
 * have neither. The first feature to ask sends it; each feature takes the answer once, for its
 * first read, and only when the page's title and text head are still those it was asked for.
 * Later reads (after a change, a save, a reload) ask the feature's own message.
 *
 * @module
 */
import type { ResponseOf } from '../../../lib/messaging/protocol';
import type { PageLead } from '../../../lib/messaging/protocol-notes';
import { sendMessage } from '../../../lib/messaging/runtime';

/** The features that read records at start-up. */
export type RecordsReader = 'notes' | 'highlight';

/** What the background answers: `notesForPage`'s and `correctionsForPage`'s answers. */
export type StartupRecords = ResponseOf<'readerPageRecords'>;

/** The start-up request of one reader. */
export interface PageRecords {
  /**
   * The start-up answer for `reader`'s first read of the page whose title and head are `lead`
   * (sending the request when no feature has yet); null when `reader` already took it or the page
   * changed since it was asked (then the feature asks its own message).
   */
  take(reader: RecordsReader, lead: PageLead): Promise<StartupRecords> | null;
}

/** The page's canonical address as the notes store it ('' without one). */
export function readCanonicalUrl(): string {
  return document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href ?? '';
}

/** Creates the (not yet sent) start-up request of a reader. */
export function createPageRecords(): PageRecords {
  let asked: { key: string; answer: Promise<StartupRecords> } | null = null;
  const taken = new Set<RecordsReader>();
  return {
    take(reader, lead) {
      if (taken.has(reader)) return null;
      taken.add(reader);
      const key = `${lead.title}\n${lead.head}`;
      if (!asked) {
        const answer = sendMessage('readerPageRecords', {
          url: location.href,
          canonicalUrl: readCanonicalUrl(),
          ...lead,
        });
        // A feature that never takes it must not leave an unhandled rejection behind.
        answer.catch(() => undefined);
        asked = { key, answer };
      }
      return asked.key === key ? asked.answer : null;
    },
  };
}
