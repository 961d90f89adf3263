/**
 * Messages for simplified/traditional conversion. Owned by the conversion feature.
 *
 * @module
 */

/** Conversion messages. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ConvertProtocol {}
