/**
 * Messages about a page's status: detection, targets, the per-site reader choice.
 * Owned by the highlighting feature.
 *
 * @module
 */

/** Page-level messages. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PageProtocol {}
