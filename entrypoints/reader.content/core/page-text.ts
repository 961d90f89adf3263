/**
 * The page's ONE text model, shared by the reader's features:
 * - the article (its root found by main-content, stylesheet-hidden blocks and nested chrome
 *   skipped), flattened in idle slices for highlighting;
 * - the body text (attribute-hidden parts skipped), the frame notes anchor in and store offsets
 *   into, built on demand and kept until the page watcher reports a change, so features that need
 *   it several times between changes (anchoring, a selection) flatten once; its first characters
 *   (a fingerprint's) without flattening the rest.
 *
 * @module
 */
import type { FlatText } from '../../../lib/dom/flatten';
import { flattenElement, isHiddenByAttributes, isHiddenInLayout } from '../../../lib/dom/flatten';
import { findArticleRoot, isPageChrome } from '../../../lib/dom/main-content';
import { flattenHead, flattenInParts } from './flatten-in-parts';
import { runInSlices, type IdleScheduler, type SliceTimings } from './idle-slices';
import type { PageWatcher } from './page-watch';

/** The article as read: its root, and its flat text. */
export interface ReadArticle {
  root: Node;
  flat: FlatText;
}

/** The page's text, read once per change (see the module comment). */
export interface PageText {
  /**
   * Reads the article in idle slices (phase `'flatten'`); resolves null when `signal` aborts.
   * Every call reads the page as it is now.
   */
  readArticle(signal: AbortSignal): Promise<{ article: ReadArticle; timings: SliceTimings } | null>;
  /** The body's flat text, built now if the page changed since it was last built. */
  body(): FlatText;
  /**
   * The first `chars` characters of {@link body}'s text, reading only the leading blocks they need
   * when the body text is not built yet (kept until the page changes, like the body).
   */
  bodyHead(chars: number): string;
}

/**
 * Finds the article `findRoot()` returns and flattens it, as a sequence of small units (see
 * idle-slices; each yields `'flatten'`). The result is written to `out.article`.
 */
export function* readArticleInParts(
  findRoot: () => Node,
  out: { article?: ReadArticle },
): Generator<string, void, void> {
  const root = findRoot();
  // Stylesheet-hidden blocks and chrome nested in the article column (related links, comments) are not read.
  const flattened: { flat?: FlatText } = {};
  yield* flattenInParts(root, (el) => isHiddenInLayout(el) || isPageChrome(el), flattened);
  out.article = { root, flat: flattened.flat! };
}

/** Creates the page's text model over `watcher`; idle work runs through `idle`. */
export function createPageText(watcher: PageWatcher, idle: IdleScheduler): PageText {
  let body: FlatText | null = null;
  let head: { chars: number; text: string } | null = null;
  watcher.listen(() => {
    body = null;
    head = null;
  });
  return {
    async readArticle(signal) {
      const out: { article?: ReadArticle } = {};
      const timings = await runInSlices(
        readArticleInParts(() => findArticleRoot(document), out),
        idle,
        signal,
        'flatten',
      );
      return timings && out.article ? { article: out.article, timings } : null;
    },
    body() {
      watcher.flush();
      body ??= flattenElement(document.body, { skip: isHiddenByAttributes });
      return body;
    },
    bodyHead(chars) {
      watcher.flush();
      if (body) return body.text.slice(0, chars);
      if (head?.chars !== chars)
        head = { chars, text: flattenHead(document.body, isHiddenByAttributes, chars) };
      return head.text;
    },
  };
}
