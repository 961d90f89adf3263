/**
 * The hosts that have notes, kept in `storage.local` by the background (from the notes database)
 * so the gate can tell, without waking the background, that a page which is not a plan may still
 * have notes to show. Only a hint: the background checks the page's own address in the database
 * before starting the reader. Pure.
 *
 * @module
 */

/** The `storage.local` key of the noted hosts (an array of host names). */
export const NOTED_SITES_KEY = 'notes:sites';

/**
 * Whether `hostname` is among the noted hosts in `stored` (the raw value of
 * {@link NOTED_SITES_KEY}). Edge cases: a missing or corrupt value, or an empty host, is false.
 */
export function isNotedSite(stored: unknown, hostname: string): boolean {
  return hostname !== '' && Array.isArray(stored) && stored.includes(hostname);
}
