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
import { placeTargets, type HighlightModel } from './model';
import { extractTargets } from './request-targets';
import {
  clearHighlights,
  installHighlightStyles,
  preparePlacedTargets,
  removeHighlightStyles,
  showFocus,
} from './paint';
import { boundingRect } from '../core/caret';
import { isInsidePlanLensUi } from '../core/markers';
import { findTargetAtPoint } from './hit-test';
import { runInSlices } from '../core/idle-slices';
import type { PageCore } from '../core/page-core';

/** Quiet time before re-deriving highlights after the page changes. */
const HIGHLIGHT_SETTLE_MS = 200;

/** Gap between the target's line and the card. */
const CARD_GAP_PX = 6;
/** How long an unpinned card stays after the pointer leaves its target. */
const HIDE_DELAY_MS = 250;

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
  /** The trees the current model was built from: the article, shadow roots, frame articles. */
  private roots: Node[] = [];
  private counts: HighlightCounts = { target: 0, achieved: 0 };
  private runToken = 0;
  private card: CardState | null = null;
  private cardUi: TargetCardHandle | null = null;
  private pointerInCard = false;
  private hideTimer = 0;
  private hoverFrame = 0;
  private focusCounter = 0;
  private returnFocus: Element | null = null;

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
    const { roots, flat } = read.article;
    const reading = read.timings;
    // A background that cannot answer twice leaves the page as it is (no guess); the next page
    // change or a reload asks again.
    const analysis = await extractTargets(flat.text, idle, signal).catch(() => null);
    if (!analysis || token !== this.runToken) return;
    const placing: { model?: HighlightModel } = {};
    // The highlights are built in the same slices; only the swap into the registry is one step.
    const prepared: { commit?: () => HighlightCounts } = {};
    const placement = await runInSlices(
      (function* () {
        yield* placeTargets(flat, analysis.targets, placing);
        yield* preparePlacedTargets(placing.model!.placed, prepared);
      })(),
      idle,
      signal,
      'highlight',
    );
    if (!placement || token !== this.runToken || !placing.model || !prepared.commit) return;
    const registerStart = performance.now();
    this.model = placing.model;
    this.roots = roots;
    this.counts = prepared.commit();
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
   * Whether a change at `node` can change the highlights: it is in a tree we read (the article, a
   * shadow root, a frame's article), or one of them left the page (then where the article is must
   * be found again: a page that rewrote itself with document.write has a new one).
   */
  private isInReadRoot(node: Node): boolean {
    if (this.roots.length === 0) return true;
    return this.roots.some((root) => !root.isConnected || root.contains(node) || node.contains(root));
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
    this.pointerInCard = false;
    showFocus(null);
    this.cardUi?.hide();
    const back = this.returnFocus;
    this.returnFocus = null;
    if (back instanceof HTMLElement && back.isConnected) back.focus({ preventScroll: true });
  }

  /** Renders the card below (or above) its target; closes it when the target's text is gone. */
  private placeCard(): void {
    const card = this.card;
    const placed = card && this.model?.placed[card.index];
    if (!card || !placed) return;
    const rect = boundingRect(placed.range);
    if (!rect) {
      this.closeCard();
      return;
    }
    const width = CARD_WIDTH_PX;
    const left = Math.max(4, Math.min(rect.left, window.innerWidth - width - 4));
    const below = rect.bottom + CARD_GAP_PX;
    const top = below + 200 > window.innerHeight && rect.top > 220 ? rect.top - 200 - CARD_GAP_PX : below;
    this.cardUi ??= createTargetCard();
    this.cardUi.render({
      target: placed.target,
      index: card.index,
      total: this.model!.placed.length,
      strings: this.strings,
      pinned: card.pinned,
      top,
      left,
      focusRequest: card.focusRequest,
      onPrev: () => this.step(-1),
      onNext: () => this.step(1),
      onClose: () => this.closeCard(),
      onPointerInside: (inside) => {
        this.pointerInCard = inside;
        if (!inside) return;
        clearTimeout(this.hideTimer);
        this.hideTimer = 0;
      },
    });
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
