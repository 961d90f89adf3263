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
import {
  FlatTextBuilder,
  flattenElement,
  isHiddenByAttributes,
  isHiddenInLayout,
} from '../../../lib/dom/flatten';
import { findArticleRootInParts, isPageChrome } from '../../../lib/dom/main-content';
import { appendInParts, flattenHead } from './flatten-in-parts';
import { frameDocuments } from './frame-documents';
import { runInSlices, type IdleScheduler, type SliceTimings } from './idle-slices';
import type { PageWatcher } from './page-watch';

/** The article as read: its root, and its flat text. */
export interface ReadArticle {
  root: Node;
  /**
   * Every tree read, `root` first: then the open shadow roots met in the text read and the
   * articles of same-origin frame documents, each appended to the flat text as a part of its own.
   */
  roots: Node[];
  /** The frame documents read (their changes and loads must be watched too). */
  frames: Document[];
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
 * Finds `doc`'s article (findArticleRootInParts) and flattens it, as a sequence of small units (see
 * idle-slices; each yields `'flatten'`), then the open shadow roots met on the way and the
 * articles of `doc`'s same-origin frames, as parts of the same flat text. The result is written
 * to `out.article`.
 */
export function* readArticleInParts(
  out: { article?: ReadArticle },
  doc: Document = document,
): Generator<string, void, void> {
  // Stylesheet-hidden blocks and chrome nested in the article column (related links, comments) are not read.
  const skip = (el: Element) => isHiddenInLayout(el) || isPageChrome(el);
  const shadows: ShadowRoot[] = [];
  const builder = new FlatTextBuilder({ skip, onShadowRoot: (shadow) => shadows.push(shadow) });
  // Finding the article walks the whole body: on a very long page that is sliced too.
  const found: { root?: Element } = {};
  yield* findArticleRootInParts(doc, found);
  const root = found.root!;
  const roots: Node[] = [root];
  yield* appendInParts(builder, root, skip);
  let read = 0;
  const readShadows = function* () {
    for (; read < shadows.length; read++) {
      roots.push(shadows[read]!);
      yield* appendInParts(builder, shadows[read]!, skip);
    }
  };
  yield* readShadows();
  const frames = frameDocuments(doc);
  for (const frame of frames) {
    yield 'flatten';
    const inFrame: { root?: Element } = {};
    yield* findArticleRootInParts(frame, inFrame);
    const frameRoot = inFrame.root!;
    roots.push(frameRoot);
    yield* appendInParts(builder, frameRoot, skip);
    yield* readShadows();
  }
  out.article = { root, roots, frames, flat: builder.finish() };
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
      const timings = await runInSlices(readArticleInParts(out), idle, signal, 'flatten');
      if (!timings || !out.article) return null;
      // Later changes inside shadow roots and frames must reach the watcher as the body's do.
      for (const tree of [...out.article.roots.slice(1), ...out.article.frames]) watcher.observe(tree);
      return { article: out.article, timings };
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
