/**
 * Messages for personal notes. Owned by the notes feature.
 *
 * @module
 */

/** Notes messages. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface NotesProtocol {}
