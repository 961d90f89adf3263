/**
 * What the reader knows about its PDF at any moment while it reads it page by page: the pages
 * (some read, some laid out), the latest reading text and targets, and the ranges placed on the
 * laid-out text layers. Features (highlights, card, search, notes, script conversion) read it and
 * subscribe to `changed`, fired after every new analysis and every page laid out.
 *
 * @module
 */
import type { LibraryFigureInput } from '@/lib/db/library';
import type { Detection } from '@/lib/detect/detect';
import type { PdfReadingText } from '@/lib/pdf/reading-text';
import type { Target } from '@/lib/targets/target';
import type { ViewerPage } from './pdf-pages';
import { rangesOnTextLayer } from './text-ranges';

/** A target and its ranges on the text layer (null while a page it lies on is not laid out). */
export interface PlacedTarget {
  target: Target;
  ranges: StaticRange[] | null;
}

/** The reader's document state. */
export class DocumentModel {
  readonly pages: ViewerPage[] = [];
  reading: PdfReadingText | null = null;
  detection: Detection | null = null;
  placed: PlacedTarget[] = [];
  /** The targets as the analysis found them; `placed` holds them with the user's corrections. */
  extracted: Target[] = [];
  /** For each placed target, its index in {@link extracted}. */
  sourceIndex: number[] = [];
  /** True once the reading covers every page (the full analysis, not the first pages' one). */
  complete = false;
  /** The complete analysis's targets as the library stores them (null until then). */
  figures: LibraryFigureInput[] | null = null;
  private readonly listeners = new Set<() => void>();

  /** The text layers' spans, `spans[page][run]` (empty arrays for pages not laid out). */
  get spans(): HTMLElement[][] {
    return this.pages.map((page) => page.spans);
  }

  /**
   * The ranges over reading-text `[start, end)` (more than one when it continues past a page or
   * column), or null when a page it touches is not laid out.
   */
  rangesOf(start: number, end: number): StaticRange[] | null {
    const reading = this.reading;
    if (!reading) return null;
    for (let k = start; k < end; k++) {
      const page = reading.page[k]!;
      if (page >= 0 && this.pages[page]!.spans.length === 0) return null;
    }
    return rangesOnTextLayer(reading, this.spans, start, end);
  }

  /** The 1-based page number of the character at reading-text offset `index` (or the next one from a page). */
  pageNumberAt(index: number): number {
    const reading = this.reading;
    if (!reading) return 1;
    for (let k = Math.max(0, index); k < reading.text.length; k++) {
      if (reading.page[k]! >= 0) return reading.page[k]! + 1;
    }
    return Math.max(1, reading.pageStarts.length);
  }

  /** Takes a new analysis (ignored when it covers fewer pages than the current one). */
  setAnalysis(
    reading: PdfReadingText,
    targets: Target[],
    detection: Detection,
    complete: boolean,
    figures: LibraryFigureInput[] | null = null,
  ): boolean {
    if (this.complete && !complete) return false;
    this.reading = reading;
    this.figures = figures;
    this.detection = detection;
    this.complete = complete;
    this.extracted = targets;
    this.setPlaced(targets.map((target, k) => ({ target, source: k })));
    return true;
  }

  /**
   * Shows `items` (targets with the index in {@link extracted} they come from: corrected ones,
   * dismissed ones left out) instead of the placed targets.
   */
  setPlaced(items: ReadonlyArray<{ target: Target; source: number }>): void {
    this.placed = items.map(({ target }) => ({ target, ranges: null }));
    this.sourceIndex = items.map(({ source }) => source);
    this.place();
  }

  /** Places the targets that are not placed yet on the pages laid out so far, then tells listeners. */
  place(): void {
    for (const item of this.placed) {
      item.ranges ??= this.rangesOf(item.target.start, item.target.end);
    }
    for (const listener of this.listeners) listener();
  }

  /** Calls `listener` after every change until `signal` aborts. */
  onChange(listener: () => void, signal: AbortSignal): void {
    this.listeners.add(listener);
    signal.addEventListener('abort', () => this.listeners.delete(listener), { once: true });
  }
}
