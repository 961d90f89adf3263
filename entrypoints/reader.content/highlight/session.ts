/**
 * One "highlights on" period in a page: builds the model in idle slices, registers the
 * highlights, re-derives them when the page changes, and drives the card from pointer and
 * keyboard. `stop()` (or the context's abort) removes every trace: registry entries, stylesheet,
 * card, observer and listeners.
 *
 * @module
 */
import type { UiStrings } from '@/lib/i18n/strings';
import type { HighlightCounts } from '@/lib/messaging/protocol-page';
import { CARD_WIDTH_PX, createTargetCard, type TargetCardHandle } from './card';
import { chooseCardPlace, measureLineBox } from './card-place';
import { placeTargets, type HighlightModel } from './model';
import { extractTargets } from './request-targets';
import {
  clearHighlights,
  installHighlightStyles,
  removeHighlightStyles,
  showFocus,
  showPlacedTargets,
} from './paint';
import { staticRangeFromOffsets } from '@/lib/dom/dom-map';
import type { TargetsPageState } from '@/lib/messaging/protocol-targets';
import { markSentence, sentenceSpan } from '@/lib/targets/card-text';
import { buildOutline } from '@/lib/targets/outline';
import {
  cleanDocumentTitle,
  citeSentence,
  readDocumentDate,
  type DocumentSource,
} from '@/lib/document/document-source';
import { boundingRect } from '../core/caret';
import { isInsidePlanLensUi } from '../core/markers';
import { findTargetAtPoint } from './hit-test';
import { runInSlices } from '../core/idle-slices';
import type { PageCore } from '../core/page-core';

/** Quiet time before re-deriving highlights after the page changes. */
const HIGHLIGHT_SETTLE_MS = 200;

/** How much of the page's text the document's date is looked for in (labels sit above the article). */
const DATE_HEAD_CHARS = 3000;
/** How long an unpinned card stays after the pointer leaves its target. */
const HIDE_DELAY_MS = 250;

/** Dates the page's metadata gives for the document (portals' PubDate, Open Graph's published time). */
function readMetaDates(): string[] {
  const selector = [
    'meta[name="PubDate" i]',
    'meta[name="publishdate" i]',
    'meta[name="firstpublishedtime" i]',
    'meta[property="article:published_time"]',
    'meta[itemprop="datePublished"]',
  ].join(',');
  return [...document.querySelectorAll<HTMLMetaElement>(selector)].map((m) => m.content);
}

/** State of the open card, if any. */
interface CardState {
  index: number;
  pinned: boolean;
  focusRequest: number;
}

/** One highlighting period: `start()` shows and follows the page, `stop()` removes every trace. */
export class HighlightSession {
  private readonly abort = new AbortController();
  private model: HighlightModel | null = null;
  /** The article container the current model was built from. */
  private root: Node | null = null;
  private counts: HighlightCounts = { target: 0, achieved: 0 };
  private runToken = 0;
  private card: CardState | null = null;
  private cardUi: TargetCardHandle | null = null;
  private pointerInCard = false;
  private hideTimer = 0;
  private hoverFrame = 0;
  private focusCounter = 0;
  private returnFocus: Element | null = null;
  /** The card's status line (after "Copy with source"), for the target it was shown on. */
  private notice: { index: number; text: string } | null = null;
  /** The document's date, read once per model (the panel asks every two seconds). */
  private dateOf: { model: HighlightModel; date: string } | null = null;

  constructor(
    private readonly core: PageCore,
    private readonly strings: UiStrings,
    private readonly onUpdated: (counts: HighlightCounts) => void,
  ) {
    core.signal.addEventListener('abort', () => this.stop(), { once: true, signal: this.abort.signal });
  }

  /** Targets currently shown. */
  get currentCounts(): HighlightCounts {
    return this.counts;
  }

  /** The highlighted targets (index i is the i-th highlight) and the article's outline, for the side panel. */
  describeForPanel(): Pick<TargetsPageState, 'targets' | 'outline'> {
    const model = this.model;
    if (!model) return { targets: [], outline: [] };
    const targets = model.placed.map((p) => p.target);
    return { targets, outline: buildOutline(model.flat.text, targets) };
  }

  /** The document the highlights are in: its title without site chrome, address and date. */
  describeSource(): DocumentSource {
    const model = this.model;
    if (model && this.dateOf?.model !== model) {
      const pageHead = this.core.text.bodyHead(DATE_HEAD_CHARS);
      const date = readDocumentDate({ pageHead, article: model.flat.text, metaDates: readMetaDates() });
      this.dateOf = { model, date };
    }
    const title = cleanDocumentTitle(document.title);
    return { title: title || location.href, url: location.href, date: this.dateOf?.date ?? '' };
  }

  /**
   * Scrolls to highlight `index` and opens its card pinned, with keyboard focus (as Alt+Shift+J
   * does); false when there is no such highlight.
   */
  focusTarget(index: number): boolean {
    if (!Number.isInteger(index) || !this.model?.placed[index]) return false;
    this.scrollIntoView(index);
    this.openCard(index, true, true);
    return true;
  }

  /** Scrolls the character at text offset `offset` of the article into the upper part of the view. */
  scrollToOffset(offset: number): boolean {
    const flat = this.model?.flat;
    if (!flat || !Number.isInteger(offset) || offset < 0 || offset >= flat.text.length) return false;
    const range = staticRangeFromOffsets(flat, offset, offset + 1);
    const rect = range && boundingRect(range);
    if (!rect) return false;
    window.scrollBy({ top: rect.top - window.innerHeight / 4 });
    return true;
  }

  /** Runs the first pass and starts listening for page changes and the user. */
  start(): void {
    const signal = this.abort.signal;
    installHighlightStyles();
    void this.refresh();
    this.core.watcher.subscribe({
      signal,
      isRelevant: (node) => this.isInReadRoot(node),
      settleMs: HIGHLIGHT_SETTLE_MS,
      onChange: () => this.refresh(),
    });
    const listen = { signal, passive: true } as const;
    document.addEventListener('mousemove', (e) => this.onPointerMove(e.clientX, e.clientY), listen);
    document.addEventListener('click', (e) => this.onClick(e), listen);
    document.addEventListener('keydown', (e) => this.onKeyDown(e), { signal });
    window.addEventListener('scroll', () => this.placeCard(), listen);
    window.addEventListener('resize', () => this.placeCard(), listen);
  }

  /** Removes every highlight, the card, the stylesheet, and all listeners. Safe to call twice. */
  stop(): void {
    if (this.abort.signal.aborted) return;
    this.abort.abort();
    this.runToken++;
    clearTimeout(this.hideTimer);
    cancelAnimationFrame(this.hoverFrame);
    this.cardUi?.remove();
    this.cardUi = null;
    this.card = null;
    this.model = null;
    clearHighlights();
    removeHighlightStyles();
    this.counts = { target: 0, achieved: 0 };
  }

  /**
   * (Re)builds the model and swaps the registry in one step: reads the article in idle slices, has
   * the background extract the targets (off this thread; in idle slices here if the background
   * cannot), then places ranges in idle slices. A newer refresh supersedes an unfinished one.
   * Emits `planlens:analyze` and `planlens:highlight` measures whose durations are this thread's
   * busy time only (idle gaps and the wait for the background excluded; the background's own time
   * is in `detail.offThreadMs`).
   */
  async refresh(): Promise<void> {
    const token = ++this.runToken;
    const signal = this.abort.signal;
    const idle = this.core.idle;
    const read = await this.core.text.readArticle(signal);
    if (!read || token !== this.runToken) return;
    const { root, flat } = read.article;
    const reading = read.timings;
    // A background that cannot answer twice leaves the page as it is (no guess); the next page
    // change or a reload asks again.
    const analysis = await extractTargets(flat.text, idle, signal).catch(() => null);
    if (!analysis || token !== this.runToken) return;
    const placing: { model?: HighlightModel } = {};
    const placement = await runInSlices(
      placeTargets(flat, analysis.targets, placing),
      idle,
      signal,
      'highlight',
    );
    if (!placement || token !== this.runToken || !placing.model) return;
    const registerStart = performance.now();
    this.model = placing.model;
    this.root = root;
    this.counts = showPlacedTargets(placing.model.placed);
    this.syncCardAfterRefresh();
    const registerTime = performance.now() - registerStart;
    // `planlens:analyze` covers reading the article (flatten) and this thread's share of extraction.
    const flatten = reading.busy.flatten ?? 0;
    const analyze = flatten + analysis.pageMs;
    // `detail.wallEnd` lets benchmarks relate long tasks to the whole (sliced) pass.
    const detail = {
      wallEnd: performance.now(),
      targets: placing.model.placed.length,
      flatten,
      extractedIn: analysis.where,
      offThreadMs: analysis.offThreadMs,
      sendMs: analysis.sendMs,
      decodeMs: analysis.decodeMs,
      longestSlice: Math.max(
        reading.longestSlice,
        analysis.longestSlice,
        placement.longestSlice,
        registerTime,
      ),
    };
    performance.measure('planlens:analyze', { start: reading.start, duration: analyze, detail });
    performance.measure('planlens:highlight', {
      start: placement.start,
      duration: (placement.busy.highlight ?? 0) + registerTime,
      detail,
    });
    this.onUpdated(this.counts);
  }

  /**
   * Whether a change at `node` can change the highlights: it is in the article we read, or that
   * article left the page (then where the article is must be found again).
   */
  private isInReadRoot(node: Node): boolean {
    const root = this.root;
    return !root || !root.isConnected || root.contains(node) || node.contains(root);
  }

  // ── hit-testing ──────────────────────────────────────────────────────────────────────────────

  /** The target under a viewport point, or -1. */
  private hitTest(x: number, y: number): number {
    return this.model ? findTargetAtPoint(this.model, x, y) : -1;
  }

  private onPointerMove(x: number, y: number): void {
    if (this.hoverFrame) return;
    this.hoverFrame = requestAnimationFrame(() => {
      this.hoverFrame = 0;
      if (this.abort.signal.aborted || this.card?.pinned) return;
      const index = this.hitTest(x, y);
      if (index >= 0) {
        clearTimeout(this.hideTimer);
        this.hideTimer = 0;
        if (this.card?.index !== index) this.openCard(index, false, false);
      } else if (this.card && !this.hideTimer && !this.pointerInCard) {
        this.hideTimer = window.setTimeout(() => {
          this.hideTimer = 0;
          if (!this.pointerInCard && !this.card?.pinned) this.closeCard();
        }, HIDE_DELAY_MS);
      }
    });
  }

  private onClick(event: MouseEvent): void {
    if (isInsidePlanLensUi(event.target)) return;
    const index = this.hitTest(event.clientX, event.clientY);
    if (index >= 0) this.openCard(index, true, false);
    else if (this.card?.pinned) this.closeCard();
  }

  /** Alt+Shift+J / Alt+Shift+K from anywhere in the page move to the next / previous target. */
  private onKeyDown(event: KeyboardEvent): void {
    if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return;
    if (event.code !== 'KeyJ' && event.code !== 'KeyK') return;
    event.preventDefault();
    this.step(event.code === 'KeyJ' ? 1 : -1);
  }

  // ── the card ─────────────────────────────────────────────────────────────────────────────────

  /** Moves the card to the next (+1) or previous (-1) target, wrapping around, and focuses it. */
  private step(direction: 1 | -1): void {
    const total = this.model?.placed.length ?? 0;
    if (total === 0) return;
    const from = this.card?.index ?? (direction === 1 ? -1 : 0);
    const index = (from + direction + total) % total;
    this.scrollIntoView(index);
    this.openCard(index, true, true);
  }

  private openCard(index: number, pinned: boolean, focus: boolean): void {
    if (focus && !this.returnFocus && !isInsidePlanLensUi(document.activeElement)) {
      this.returnFocus = document.activeElement;
    }
    this.card = {
      index,
      pinned,
      focusRequest: focus || pinned ? ++this.focusCounter : (this.card?.focusRequest ?? 0),
    };
    showFocus(this.model?.placed[index]?.range ?? null);
    this.placeCard();
  }

  private closeCard(): void {
    this.card = null;
    this.notice = null;
    this.pointerInCard = false;
    showFocus(null);
    this.cardUi?.hide();
    const back = this.returnFocus;
    this.returnFocus = null;
    if (back instanceof HTMLElement && back.isConnected) back.focus({ preventScroll: true });
  }

  /**
   * Renders the card where it hides no text of its target's line nor of the line under it (see
   * {@link chooseCardPlace}; the line box is the glyphs' rect grown to the line height). Closes the
   * card when the target's text is gone.
   */
  private placeCard(): void {
    const card = this.card;
    const model = this.model;
    const placed = card && model?.placed[card.index];
    if (!card || !model || !placed) return;
    const rect = boundingRect(placed.range);
    if (!rect) {
      this.closeCard();
      return;
    }
    const line = measureLineBox(placed.range, rect);
    const { start, end } = placed.target;
    const index = card.index;
    this.cardUi ??= createTargetCard();
    const render = (at: { top: number; left: number }) =>
      this.cardUi!.render({
        target: placed.target,
        sentence: markSentence(model.flat.text, start, end),
        index,
        total: model.placed.length,
        strings: this.strings,
        pinned: card.pinned,
        ...at,
        focusRequest: card.focusRequest,
        notice: this.notice?.index === index ? this.notice.text : '',
        onPrev: () => this.step(-1),
        onNext: () => this.step(1),
        onClose: () => this.closeCard(),
        onCopy: () => void this.copyWithSource(index),
        onAddNote: () => this.addNoteOn(index),
        onPointerInside: (inside) => {
          this.pointerInCard = inside;
          if (!inside) return;
          clearTimeout(this.hideTimer);
          this.hideTimer = 0;
        },
      });
    // Rendered once to learn its height (it depends on the content), then where it belongs.
    render({ top: line.bottom, left: rect.left });
    const size = { width: CARD_WIDTH_PX, height: this.cardUi.height() };
    const view = { width: window.innerWidth, height: window.innerHeight };
    render(chooseCardPlace(line, size, view, rect.left));
  }

  /** "Copy with source": the target's sentence, the document's title and date, and the address. */
  private async copyWithSource(index: number): Promise<void> {
    const model = this.model;
    const target = model?.placed[index]?.target;
    if (!model || !target || !this.cardUi) return;
    const span = sentenceSpan(model.flat.text, target.start, target.end);
    const text = citeSentence(model.flat.text.slice(span.start, span.end), this.describeSource());
    const copied = await this.cardUi.copyText(text);
    this.notice = { index, text: this.strings.t(copied ? 'cardCopied' : 'cardCopyFailed') };
    if (this.card?.index === index) this.placeCard();
  }

  /** "Add note": closes the card and asks the notes feature for a note on the target's sentence. */
  private addNoteOn(index: number): void {
    const model = this.model;
    const target = model?.placed[index]?.target;
    if (!model || !target) return;
    const text = model.flat.text;
    let { start, end } = sentenceSpan(text, target.start, target.end);
    while (start < end && /\s/u.test(text[start]!)) start++;
    while (end > start && /\s/u.test(text[end - 1]!)) end--;
    const range = staticRangeFromOffsets(model.flat, start, end);
    if (!range) return;
    this.returnFocus = null;
    this.closeCard();
    this.core.bus.emit('note:start-on-range', { range });
  }

  /** After a refresh the open card follows its index (usually the same target); gone → closed. */
  private syncCardAfterRefresh(): void {
    if (!this.card) return;
    const placed = this.model?.placed[this.card.index];
    if (placed) {
      showFocus(placed.range);
      this.placeCard();
    } else this.closeCard();
  }

  private scrollIntoView(index: number): void {
    const placed = this.model?.placed[index];
    const rect = placed && boundingRect(placed.range);
    if (rect && (rect.top < 0 || rect.bottom > window.innerHeight)) {
      window.scrollBy({ top: rect.top - window.innerHeight / 3 });
    }
  }
}
