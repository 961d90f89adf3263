/**
 * Writing notes from a page without losing them. A content script's message to the background can
 * fail for two different reasons:
 * - the background is restarting (MV3 stops idle service workers; a write can fall while it dies):
 *   the message is sent again — the note carries its id from the first attempt, so a write that
 *   landed but whose answer was lost is replaced, not duplicated;
 * - the extension was reloaded or updated under the page: this content script is cut off for good
 *   ("Extension context invalidated"); the caller must keep the text and tell the reader.
 *
 * Pure (no extension API): the caller hands in how to send and how to read the runtime's id.
 *
 * @module
 */

/** Errors that mean the background was not there this time (worth sending again). */
const TRANSIENT =
  /Receiving end does not exist|Could not establish connection|message port closed|message channel closed|service worker/iu;

/** The error Chrome and Firefox raise once the extension is reloaded under a content script. */
const CONTEXT_GONE = /Extension context invalidated|context invalidated|Extension has been reloaded/iu;

/** Waits between attempts: the background's restart takes tens to hundreds of milliseconds. */
export const RETRY_DELAYS_MS = [150, 600, 1500] as const;

/**
 * Whether this content script is cut off from its extension: `runtimeId` is `browser.runtime.id`
 * (undefined once the context is invalidated), or the `error` a message failed with says so.
 */
export function isContextGone(runtimeId: string | undefined, error?: unknown): boolean {
  if (runtimeId === undefined) return true;
  return error instanceof Error && CONTEXT_GONE.test(error.message);
}

/**
 * Runs `send` until it resolves, sending again (after {@link RETRY_DELAYS_MS}) only on errors that
 * say the background was away. Every other error (a refusal, a cut-off context) is thrown at once,
 * as is the last transient one. `send` must be idempotent (a note write with a fixed id is).
 */
export async function writeWithRetry<T>(
  send: () => Promise<T>,
  delays: readonly number[] = RETRY_DELAYS_MS,
  wait: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      const transient =
        error instanceof Error && TRANSIENT.test(error.message) && !CONTEXT_GONE.test(error.message);
      if (!transient || attempt >= delays.length) throw error;
      await wait(delays[attempt]!);
    }
  }
}
