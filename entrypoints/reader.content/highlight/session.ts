/**
 * One "highlights on" period in a page: builds the model in idle slices, applies the reader's
 * stored corrections, registers the highlights, re-derives them when the page changes, and drives
 * the card from pointer and keyboard. While a side panel watches the page it is told which
 * highlight the pointer is over and which section the reader is in. `stop()` (or the context's
 * abort) removes every trace: registry entries, stylesheet, card, observer and listeners.
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
  preparePlacedTargets,
  removeHighlightStyles,
  showFocus,
} from './paint';
import { staticRangeFromOffsets } from '@/lib/dom/dom-map';
import type { PanelCorrection, TargetAnchorInfo, TargetsPageState } from '@/lib/messaging/protocol-targets';
import { sendMessage } from '@/lib/messaging/runtime';
import { FINGERPRINT_HEAD_CHARS } from '@/lib/anchor/fingerprint';
import { foldPageSliced } from '@/lib/anchor/match';
import { loadT2s } from '../core/t2s-remote';
import { targetAnchorKey } from '@/lib/anchor/target-anchor';
import { applyCorrections, listCorrectedFields, type TargetCorrection } from '@/lib/targets/corrections';
import { buildOutline, type OutlineSection } from '@/lib/targets/outline';
import { markSentence, sentenceSpan } from '@/lib/targets/card-text';
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
import { LibraryLink } from './library-entry';
import type {
  HistoryEntry,
  LibraryRememberAnalyzedRequest,
  LibraryRememberAnswer,
} from '@/lib/messaging/protocol-library';
import type { MetricId } from '@/lib/targets/metric';
import type { PageCore } from '../core/page-core';

/** Quiet time before re-deriving highlights after the page changes. */
const HIGHLIGHT_SETTLE_MS = 200;

/** How much of the page's text the document's date is looked for in (labels sit above the article). */
const DATE_HEAD_CHARS = 3000;
/** Draws `placed` in one step (a repaint after a correction; the first pass is sliced). */
function showPlacedNow(placed: HighlightModel['placed']): HighlightCounts {
  const out: { commit?: () => HighlightCounts } = {};
  for (const _ of preparePlacedTargets(placed, out)) {
    // Each unit runs at once.
  }
  return out.commit!();
}

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

/** How long after the side panel's last request the reader keeps telling it about hover and scroll. */
const PANEL_WATCH_MS = 6000;
/** The section the reader is in is the last one whose heading is above this fraction of the view. */
const SECTION_LINE = 0.25;

/** The page's corrections, by anchor, as the background last answered them. */
type StoredCorrections = Map<string, { id: string; value: TargetCorrection }>;

/** The highlights as extracted, with what corrections need of them (made once per pass). */
interface Extracted {
  model: HighlightModel;
  /** Anchor keys of `model.placed`, made on first need (a fold of the article). */
  anchors?: Promise<string[]>;
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
  /** This pass's highlights before corrections; `model` holds them corrected. */
  private extracted: Extracted | null = null;
  /** For each of `model.placed`, its index in `extracted.model.placed`. */
  private sourceIndex: number[] = [];
  private panelCorrections: PanelCorrection[] = [];
  /** The document's corrections for the fingerprint key they were read for; null: read again. */
  private stored: {
    key: string;
    read: Promise<{ fingerprintKey: string; corrections: StoredCorrections }>;
  } | null = null;
  private outline: {
    model: HighlightModel;
    sections: OutlineSection[];
    ranges: (StaticRange | null)[];
  } | null = null;
  /** Until when (performance.now()) a side panel counts as watching, after its last request. */
  private panelWatchUntil = 0;
  /** Whether a side panel holds a watch port to this reader (see lib/messaging/runtime). */
  private panelWatching = false;
  private lastHover = -1;
  private lastSection = -1;
  private scrollFrame = 0;
  /** The card's status line (after "Copy with source"), for the target it was shown on. */
  private notice: { index: number; text: string } | null = null;
  /** The document's date, read once per model (the panel asks every two seconds). */
  private dateOf: { model: HighlightModel; date: string } | null = null;
  private readonly library = new LibraryLink();
  /** The library's history of the page's metrics, once asked (on the first card with a metric). */
  private history: Map<MetricId, HistoryEntry[]> | null = null;
  private historyAsked = false;

  constructor(
    private readonly core: PageCore,
    private readonly strings: UiStrings,
    /**
     * Reports the counts after a pass, with the library's part when there is one to send; returns
     * the background's answer when it sent that part.
     */
    private readonly onUpdated: (
      counts: HighlightCounts,
      library?: LibraryRememberAnalyzedRequest,
    ) => Promise<LibraryRememberAnswer | null> | undefined,
  ) {
    core.signal.addEventListener('abort', () => this.stop(), { once: true, signal: this.abort.signal });
  }

  /** A side panel opened (true) or closed (false, none left) its watch port to this reader. */
  watchedByPanel(watching: boolean): void {
    this.panelWatching = watching;
  }

  /** Targets currently shown. */
  get currentCounts(): HighlightCounts {
    return this.counts;
  }

  /**
   * The highlighted targets (index i is the i-th highlight, corrections applied), the article's
   * outline, the corrections that apply and the section the reader is in, for the side panel. A
   * call counts as the panel watching: for {@link PANEL_WATCH_MS} hover and scroll are reported.
   */
  describeForPanel(): Pick<TargetsPageState, 'targets' | 'outline' | 'corrections' | 'currentSection'> {
    this.panelWatchUntil = performance.now() + PANEL_WATCH_MS;
    const model = this.model;
    if (!model) return { targets: [], outline: [], corrections: [], currentSection: -1 };
    const targets = model.placed.map((p) => p.target);
    const outline = this.currentOutline();
    this.lastSection = this.findCurrentSection();
    return {
      targets,
      outline: outline?.sections ?? [],
      corrections: this.panelCorrections,
      currentSection: this.lastSection,
    };
  }

  /**
   * Where highlight `index` is in its document (fingerprint key and anchor) and the quantity as
   * extracted there: what the side panel stores a correction under. Null when there is no such
   * highlight or the session stopped.
   */
  async anchorOf(index: number): Promise<TargetAnchorInfo | null> {
    const extracted = this.extracted;
    const source = Number.isInteger(index) ? this.sourceIndex[index] : undefined;
    if (!extracted || source === undefined) return null;
    const anchors = await this.anchorsOf(extracted);
    const anchor = anchors?.[source];
    const { fingerprintKey } = await this.readStored();
    if (anchor === undefined || !fingerprintKey || this.extracted !== extracted) return null;
    return {
      fingerprintKey,
      anchor,
      target: extracted.model.placed[source]!.target,
      url: location.href,
      title: document.title,
    };
  }

  /**
   * The document's corrections changed (the side panel wrote one): reads them again and repaints.
   * Resolves false when there is nothing highlighted to apply them to.
   */
  async reloadCorrections(): Promise<boolean> {
    this.stored = null;
    const extracted = this.extracted;
    if (!extracted) return false;
    const token = this.runToken;
    const corrected = await this.correct(extracted);
    if (!corrected || token !== this.runToken || this.extracted !== extracted) return false;
    this.show(corrected);
    this.onUpdated(this.counts);
    return true;
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

  /**
   * Focuses the highlight whose text is `text` — of several, the one starting nearest `start` (the
   * page may have changed since the offset was stored) — as {@link focusTarget}; false when none.
   */
  focusText(start: number, text: string): boolean {
    const placed = this.model?.placed ?? [];
    let best = -1;
    for (let i = 0; i < placed.length; i++) {
      if (placed[i]!.target.text !== text) continue;
      if (
        best < 0 ||
        Math.abs(placed[i]!.target.start - start) < Math.abs(placed[best]!.target.start - start)
      )
        best = i;
    }
    return best >= 0 && this.focusTarget(best);
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
    window.addEventListener('scroll', () => this.onScroll(), listen);
    window.addEventListener('resize', () => this.placeCard(), listen);
  }

  /** Removes every highlight, the card, the stylesheet, and all listeners. Safe to call twice. */
  stop(): void {
    if (this.abort.signal.aborted) return;
    this.abort.abort();
    this.runToken++;
    clearTimeout(this.hideTimer);
    cancelAnimationFrame(this.hoverFrame);
    cancelAnimationFrame(this.scrollFrame);
    this.cardUi?.remove();
    this.cardUi = null;
    this.card = null;
    this.model = null;
    this.extracted = null;
    this.outline = null;
    this.panelCorrections = [];
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
    // Asked while the background extracts: most pages have no corrections, and then cost nothing more.
    void this.readStored();
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
    const extracted: Extracted = { model: placing.model };
    const corrected = await this.correct(extracted);
    if (!corrected || token !== this.runToken) return;
    const registerStart = performance.now();
    this.extracted = extracted;
    this.roots = roots;
    // The sliced preparation holds the extracted highlights; corrections that change them are
    // drawn in one step (a page with corrections is a page its reader has worked on, not a 5 MB one).
    this.show(corrected, corrected.model === placing.model ? prepared.commit : undefined);
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
    // The library entry goes with the counts, after the highlights are shown.
    const text = placing.model.flat.text;
    const targets = placing.model.placed.map((p) => p.target);
    const library = this.library.prepare(text, analysis.targets, targets);
    const answer = this.onUpdated(this.counts, library ?? undefined);
    if (library && answer) this.library.remember(answer, text, targets);
    this.history = null;
    this.historyAsked = false;
  }

  // ── corrections ──────────────────────────────────────────────────────────────────────────────

  /** The page's title and text head, from which the background derives its fingerprint key. */
  private readLead(): { title: string; head: string } {
    return { title: document.title, head: this.core.text.bodyHead(FINGERPRINT_HEAD_CHARS) };
  }

  /**
   * The document's fingerprint key and stored corrections by anchor, read once per title and text
   * head; none when the background fails. The background folds the fingerprint (as for notes), so a
   * page without corrections never builds the 繁→简 tables on its own thread.
   */
  private readStored(): Promise<{ fingerprintKey: string; corrections: StoredCorrections }> {
    const lead = this.readLead();
    const key = `${lead.title}\n${lead.head}`;
    if (this.stored?.key === key) return this.stored.read;
    // The first read comes with the notes feature's, in the reader's start-up request.
    const asked =
      this.core.records.take('highlight', lead)?.then(({ corrections }) => corrections) ??
      sendMessage('correctionsForPage', lead);
    const read = asked.then(
      ({ fingerprintKey, corrections: rows }) => ({
        fingerprintKey,
        corrections: new Map(rows.map(({ id, anchor, ...value }) => [anchor, { id, value }] as const)),
      }),
      () => {
        // Not kept: the next pass asks again.
        if (this.stored?.read === read) this.stored = null;
        return { fingerprintKey: '', corrections: new Map() as StoredCorrections };
      },
    );
    this.stored = { key, read };
    return read;
  }

  /**
   * The anchor keys of the extracted highlights: the article folded once (in slices, off the
   * critical path: only on pages with corrections or when the panel corrects one), then a key per
   * highlight. Null when the session stopped.
   */
  private async anchorsOf(extracted: Extracted): Promise<string[] | null> {
    const { flat, placed } = extracted.model;
    extracted.anchors ??= loadT2s()
      .then((t2s) => foldPageSliced(flat.text, t2s, [], { signal: this.abort.signal }))
      .then(({ folded }) => placed.map(({ target }) => targetAnchorKey(folded, target.start, target.end)));
    return extracted.anchors.catch(() => null);
  }

  /** The extracted highlights with the document's corrections applied; null when stopped. */
  private async correct(
    extracted: Extracted,
  ): Promise<{ model: HighlightModel; sourceIndex: number[]; corrections: PanelCorrection[] } | null> {
    const base = extracted.model;
    const { corrections: stored } = await this.readStored();
    const identity = () => base.placed.map((_, k) => k);
    if (stored.size === 0) return { model: base, sourceIndex: identity(), corrections: [] };
    const anchors = await this.anchorsOf(extracted);
    if (!anchors) return null;
    const placed: HighlightModel['placed'] = [];
    const sourceIndex: number[] = [];
    const corrections: PanelCorrection[] = [];
    applyCorrections(base.placed, (p) => p.target, anchors, stored).forEach((item, k) => {
      if (item.correction) {
        corrections.push({
          id: item.correction.id,
          index: item.target ? placed.length : -1,
          extracted: item.item.target,
          correction: item.correction.value,
          fields: listCorrectedFields(item.correction.value),
        });
      }
      if (!item.target) return;
      placed.push({ target: item.target, range: item.item.range });
      sourceIndex.push(k);
    });
    return { model: { flat: base.flat, placed }, sourceIndex, corrections };
  }

  /** Makes `corrected` the shown model: registry, counts, the open card. */
  private show(
    corrected: {
      model: HighlightModel;
      sourceIndex: number[];
      corrections: PanelCorrection[];
    },
    commit?: () => HighlightCounts,
  ): void {
    this.model = corrected.model;
    this.sourceIndex = corrected.sourceIndex;
    this.panelCorrections = corrected.corrections;
    this.counts = (commit ?? (() => showPlacedNow(corrected.model.placed)))();
    this.syncCardAfterRefresh();
  }

  // ── the side panel's view of the page ────────────────────────────────────────────────────────

  /** Whether a side panel holds a watch port, or asked about this page in the last {@link PANEL_WATCH_MS}. */
  private panelWatches(): boolean {
    return this.panelWatching || performance.now() < this.panelWatchUntil;
  }

  /** The outline of the shown model, with a range per heading (kept per model). */
  private currentOutline(): { sections: OutlineSection[]; ranges: (StaticRange | null)[] } | null {
    const model = this.model;
    if (!model) return null;
    if (this.outline?.model !== model) {
      const sections = buildOutline(
        model.flat.text,
        model.placed.map((p) => p.target),
      );
      const ranges = sections.map((s) => staticRangeFromOffsets(model.flat, s.start, s.start + 1));
      this.outline = { model, sections, ranges };
    }
    return this.outline;
  }

  /**
   * `start` of the outline section the reader is in: the last whose heading is above
   * {@link SECTION_LINE} of the view (headings follow document order down the page, so a binary
   * search reads a handful of rects); -1 above the first heading or with no outline.
   */
  private findCurrentSection(): number {
    const outline = this.currentOutline();
    if (!outline || outline.sections.length === 0) return -1;
    const line = window.innerHeight * SECTION_LINE;
    let lo = 0;
    let hi = outline.sections.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const range = outline.ranges[mid];
      const rect = range ? boundingRect(range) : null;
      // A heading without a box (hidden) counts as above: it cannot stop the search.
      if (!rect || rect.top <= line) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found < 0 ? -1 : outline.sections[found]!.start;
  }

  /** On scroll: tells a watching panel when the section the reader is in changed (once a frame). */
  private onScroll(): void {
    this.placeCard();
    if (this.scrollFrame || !this.panelWatches()) return;
    this.scrollFrame = requestAnimationFrame(() => {
      this.scrollFrame = 0;
      if (this.abort.signal.aborted) return;
      const section = this.findCurrentSection();
      if (section === this.lastSection) return;
      this.lastSection = section;
      sendMessage('targetsPageLocation', { section }).catch(() => undefined);
    });
  }

  /** Tells a watching panel which highlight the pointer is over (-1: none), when it changed. */
  private reportHover(index: number): void {
    if (index === this.lastHover || !this.panelWatches()) return;
    this.lastHover = index;
    sendMessage('targetsPageHover', { index }).catch(() => undefined);
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
      if (this.abort.signal.aborted) return;
      const index = this.hitTest(x, y);
      this.reportHover(index);
      if (this.card?.pinned) return;
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
    const metric = placed.target.metric;
    if (metric !== null && !this.history) this.askHistory();
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
        history: metric === null ? [] : (this.history?.get(metric) ?? []),
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

  /** Asks the library for the page's metric history once, and shows it in the open card when it comes. */
  private askHistory(): void {
    const model = this.model;
    if (!model || this.historyAsked) return;
    this.historyAsked = true;
    void this.library.readHistory(model.placed.map((p) => p.target)).then((history) => {
      if (this.abort.signal.aborted || this.model !== model) return;
      this.history = history;
      this.placeCard();
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
