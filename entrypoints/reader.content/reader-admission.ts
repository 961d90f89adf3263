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
  __planlensReaderAdmitted?: boolean;
}

/** Whether this document was admitted for a reader start; consumes the admission. */
export function takeReaderAdmission(): boolean {
  const world = globalThis as AdmissionWorld;
  const admitted = world.__planlensReaderAdmitted === true;
  world.__planlensReaderAdmitted = false;
  return admitted;
}
