/**
 * The one message protocol between content scripts, the background and extension pages.
 *
 * Each feature declares its messages in its own `protocol-*.ts` file as a map from message name to
 * `{ req; res }`; this file merges them. Names: commands are imperative (`saveNote`), events past
 * tense (`pageAnalyzed`). Payloads must be structured-clone safe (no functions, no DOM nodes).
 *
 * @module
 */
import type { ConvertProtocol } from './protocol-convert';
import type { PageProtocol } from './protocol-page';
import type { NotesProtocol } from './protocol-notes';
import type { TargetsProtocol } from './protocol-targets';

/** Every message the extension sends, by name. */
export interface ProtocolMap extends PageProtocol, ConvertProtocol, NotesProtocol, TargetsProtocol {}

/** A message name. */
export type MessageName = keyof ProtocolMap;
/** The request payload of message `N`. */
export type RequestOf<N extends MessageName> = ProtocolMap[N]['req'];
/** The response payload of message `N`. */
export type ResponseOf<N extends MessageName> = ProtocolMap[N]['res'];

/** What actually crosses the wire: a tagged request. */
export interface Envelope<N extends MessageName = MessageName> {
  planlens: N;
  data: RequestOf<N>;
}

/**
 * What comes back. Errors are sent as strings because `Error` objects do not survive structured
 * cloning in every browser.
 */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };
