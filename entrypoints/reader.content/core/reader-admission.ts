/**
 * The reader's half of the injection guard (see `background/reader-injection.ts`): the background
 * stamps the requested document before injecting the reader file, and the reader starts only where
 * it finds that stamp. A reader file that lands in a later document (the user left the page while
 * it was being injected) finds none and does nothing.
 *
 * The names are the ones the background's serialized stamp function writes; both run in the
 * extension's content-script world of the page, which the page itself cannot reach.
 *
 * @module
 */

interface AdmissionWorld {
  /** Reader starts admitted and not yet taken (two features may inject at the same moment). */
  __planlensReaderAdmissions?: number;
  /** The last admission was for the page's notes only (highlights off until asked for). */
  __planlensReaderNotesOnly?: boolean;
  /** The values of `READER_STARTUP_KEYS` the background read for the last admission, if any. */
  __planlensReaderStored?: Record<string, unknown> | null;
}

/** How an admitted reader starts: every feature, or the notes with highlights off. */
export type ReaderMode = 'full' | 'notes';

/** An admitted start: its mode, and the stored values the background handed over (null: none). */
export interface ReaderAdmission {
  mode: ReaderMode;
  stored: Record<string, unknown> | null;
}

/**
 * Whether this document was admitted for a reader start, in which mode and with which stored
 * settings (null: not admitted); takes one admission. Every admitted
 * injection must start: WXT's start announcement already stops the previous reader in the page,
 * so a second, refused reader would leave the page with none.
 */
export function takeReaderAdmission(): ReaderAdmission | null {
  const world = globalThis as AdmissionWorld;
  const admissions = world.__planlensReaderAdmissions ?? 0;
  if (admissions <= 0) return null;
  world.__planlensReaderAdmissions = admissions - 1;
  const mode = world.__planlensReaderNotesOnly === true ? 'notes' : 'full';
  world.__planlensReaderNotesOnly = false;
  const stored = world.__planlensReaderStored ?? null;
  world.__planlensReaderStored = null;
  return { mode, stored };
}
