/**
 * Messages for extracting targets away from the page. Owned by the highlighting feature.
 *
 * Flow: the reader flattens the article and sends its text (`analyzeTargets`); the background runs
 * lib/targets on it, on its own thread, and answers the targets encoded by `lib/targets/wire`. The
 * page's main thread then only pays for sending the text and decoding the answer.
 *
 * @module
 */

/** Target-extraction messages. */
export interface TargetsProtocol {
  /** Reader → background: extract the targets of a page's flat text. */
  analyzeTargets: {
    req: { text: string };
    /** `targets` as made by `encodeTargets`; `busyMs`: the background's own extraction time. */
    res: { targets: string; busyMs: number };
  };
}
