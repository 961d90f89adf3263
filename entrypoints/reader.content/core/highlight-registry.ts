/**
 * The CSS Custom Highlight API as the reader features use it: one support check, one stylesheet per
 * feature (adopted, so no element is added; a marked `<style>` where adopting fails), and
 * set/clear of named entries. Features own their names and colours; this module owns the mechanics.
 *
 * @module
 */
import { PLANLENS_UI_ATTR } from './markers';

/** Whether this browser can show highlights at all. */
export function supportsHighlights(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/** A stylesheet added by {@link installSheet}; `remove()` takes it out again (safe to call twice). */
export interface InstalledSheet {
  remove(): void;
}

/** Adds static `::highlight()` rules to `doc`: an adopted sheet, or a `<style data-planlens-ui>` fallback. */
export function installSheet(css: string, doc: Document = document): InstalledSheet {
  try {
    const adopted = new CSSStyleSheet();
    adopted.replaceSync(css);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, adopted];
    return {
      remove: () => {
        doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== adopted);
      },
    };
  } catch {
    const style = doc.createElement('style');
    style.setAttribute(PLANLENS_UI_ATTR, '');
    style.textContent = css;
    (doc.head ?? doc.documentElement).append(style);
    return { remove: () => style.remove() };
  }
}

/**
 * Registers `ranges` under `name` in one `set` (so a swap happens between two frames and nothing
 * flickers); `priority` orders overlapping highlights. Returns the number registered.
 */
export function setRanges(name: string, ranges: Iterable<AbstractRange>, priority = 0): number {
  // add() one by one: spreading thousands of ranges into the constructor could exceed the argument limit.
  const highlight = new Highlight();
  for (const range of ranges) highlight.add(range);
  if (priority) highlight.priority = priority;
  CSS.highlights.set(name, highlight);
  return highlight.size;
}

/** Removes the entries `names` from the registry (missing names are fine). */
export function clearRanges(names: Iterable<string>): void {
  if (!supportsHighlights()) return;
  for (const name of names) CSS.highlights.delete(name);
}
