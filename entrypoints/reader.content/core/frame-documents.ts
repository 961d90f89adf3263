/**
 * The documents of a page's same-origin frames (`<iframe>`, and `<frame>` in a frameset), nested
 * ones too: plan text there is the page's text as much as text in the top document. Frames of
 * other origins (their `contentDocument` is null to us) and PlanLens's own UI are left out.
 *
 * @module
 */
import { PLANLENS_UI_SELECTOR } from './markers';

/** Frames inside frames are followed this deep (a page nesting itself is not followed for ever). */
const MAX_DEPTH = 4;
/** At most this many frame documents are read (ad slots can bring dozens). */
const MAX_FRAMES = 32;

/** The loaded, same-origin frame documents under `doc` with a body, breadth first. */
export function frameDocuments(doc: Document): Document[] {
  const found: Document[] = [];
  let level: Document[] = [doc];
  for (let depth = 0; depth < MAX_DEPTH && level.length > 0; depth++) {
    const next: Document[] = [];
    for (const parent of level) {
      for (const frame of parent.querySelectorAll('iframe, frame')) {
        if (found.length >= MAX_FRAMES) return found;
        if (frame.closest(PLANLENS_UI_SELECTOR)) continue;
        const child = readFrameDocument(frame as HTMLIFrameElement);
        if (child?.body && !found.includes(child)) {
          found.push(child);
          next.push(child);
        }
      }
    }
    level = next;
  }
  return found;
}

function readFrameDocument(frame: HTMLIFrameElement): Document | null {
  try {
    return frame.contentDocument;
  } catch {
    return null; // another origin in a browser that throws rather than answering null
  }
}
