/**
 * The side panel's Targets and Outline tabs on the reader's tab. The panel asks whatever is in the
 * active tab with `tabs.sendMessage`, which reaches an extension page open in that tab as it
 * reaches a web page's content script, in Chromium and in Firefox alike (tests/browser and
 * tests/firefox `pdf-side-panel.test.ts`); the reader answers the same `→content` messages as the
 * highlighting feature does, from its document model. The sender policy is unchanged: these routes
 * take extension senders only (the side panel), so a content script's `runtime.sendMessage` that
 * reaches this page too is refused.
 *
 * @module
 */
import type { UiStrings } from '@/lib/i18n/strings';
import type { TargetsPageState } from '@/lib/messaging/protocol-targets';
import { onMessage } from '@/lib/messaging/runtime';
import { buildOutline } from '@/lib/targets/outline';
import { showCard } from './card';
import type { ViewerCorrections } from './corrections';
import type { DocumentModel } from './document-model';

/** What the bridge needs from the reader. */
export interface PanelBridgeContext {
  model: DocumentModel;
  /** The PDF's address: what the panel's exports cite as the document's address. */
  file: URL;
  /** The title shown for the document (its metadata title, else the file name). */
  readTitle: () => string;
  strings: UiStrings;
  /**
   * Lays out page `index` (0-based) now if it is not yet, so a quantity on it can be shown; resolves
   * once its text layer is there.
   */
  layOutPage: (index: number) => Promise<void>;
  /** The corrections once started (null before the document is read through). */
  readCorrections: () => ViewerCorrections | null;
  /** The `start` of the outline section the reader is in now (-1: none), for a panel opening. */
  readSection: () => number;
  signal: AbortSignal;
}

/** Scrolls `range`'s text to the middle of the view; returns its first box (viewport coordinates). */
function scrollToRange(range: StaticRange): DOMRect | null {
  const live = document.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
  return live.getClientRects()[0] ?? null;
}

/**
 * Answers the side panel's `targetsPageState`, `targetsPageFocus` and `targetsPageScrollTo`, and
 * the library's `targetsPageFocusText` (through the background), for
 * this reader until `signal` aborts. The state's `pages` gives the PDF page of every target, which
 * the panel's exports cite. Its corrections (`targetsPageAnchor`, `targetsPageCorrectionsChanged`)
 * are answered once the document is read through.
 */
export function servePanel(context: PanelBridgeContext): void {
  const { model, file, strings, signal } = context;
  const card = document.getElementById('card') as HTMLElement;

  /** The ranges of reading-text `[start, end)`, laying out the pages it lies on first when needed. */
  const rangesAt = async (start: number, end: number): Promise<StaticRange[] | null> => {
    const reading = model.reading;
    if (!reading) return null;
    const pages = new Set<number>();
    for (let k = start; k < end; k++) if (reading.page[k]! >= 0) pages.add(reading.page[k]!);
    for (const page of pages) await context.layOutPage(page);
    return model.rangesOf(start, end);
  };

  /** Shows placed quantity `index`: scrolls to it (laying its pages out first) and opens its card. */
  const focusPlaced = async (index: number): Promise<boolean> => {
    const placed = model.placed[index];
    if (!placed) return false;
    const ranges = await rangesAt(placed.target.start, placed.target.end);
    if (!ranges?.length || model.placed[index] !== placed) return false;
    CSS.highlights.set('planlens-focus', new Highlight(...ranges));
    const box = scrollToRange(ranges[0]!);
    showCard(card, placed.target, strings, box?.left ?? 0, box?.bottom ?? 0);
    document.documentElement.dataset.planlensFocus = String(index);
    return true;
  };

  const removers = [
    onMessage('targetsPageState', (): TargetsPageState => {
      const targets = model.placed.map((p) => p.target);
      return {
        url: file.href,
        title: context.readTitle(),
        date: '',
        enabled: true,
        targets,
        outline: model.reading ? buildOutline(model.reading.text, targets) : [],
        corrections: context.readCorrections()?.describe() ?? [],
        currentSection: context.readSection(),
        pages: targets.map((t) => model.pageNumberAt(t.start)),
      };
    }),
    onMessage('targetsPageAnchor', ({ index }) => context.readCorrections()?.anchorOf(index) ?? null),
    onMessage('targetsPageCorrectionsChanged', () => context.readCorrections()?.reload() ?? false),
    onMessage('targetsPageFocus', ({ index }) => focusPlaced(index)),
    // The library's "open the figure" (background): the quantity with this text nearest `start`,
    // once the document is read through (false before: the background asks again).
    onMessage('targetsPageFocusText', ({ start, text }) => {
      if (!model.complete) return false;
      let best = -1;
      model.placed.forEach(({ target }, index) => {
        if (target.text !== text) return;
        if (best < 0 || Math.abs(target.start - start) < Math.abs(model.placed[best]!.target.start - start))
          best = index;
      });
      return best >= 0 && focusPlaced(best);
    }),
    onMessage('targetsPageScrollTo', async ({ offset }) => {
      const reading = model.reading;
      if (!reading || !Number.isInteger(offset) || offset < 0 || offset >= reading.text.length) return false;
      const ranges = await rangesAt(offset, Math.min(reading.text.length, offset + 2));
      if (ranges?.length) scrollToRange(ranges[0]!);
      else model.pages[model.pageNumberAt(offset) - 1]?.box.scrollIntoView({ block: 'start' });
      return true;
    }),
  ];
  signal.addEventListener('abort', () => removers.forEach((remove) => remove()), { once: true });
}
