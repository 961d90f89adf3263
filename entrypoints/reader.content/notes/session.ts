/**
 * The notes feature in one page: loads the page's notes from the background, anchors them on the
 * page text (folded, so 简/繁 and pinyin do not matter), paints them, re-anchors when the page
 * changes, and drives the toolbar, editor, hover card and undo.
 *
 * @module
 */
import type { NotesStrings } from '@/lib/i18n/strings';
import { FINGERPRINT_HEAD_CHARS, type DocFingerprint } from '@/lib/anchor/fingerprint';
import {
  anchorMany,
  foldPageSliced,
  foldQuote,
  type AnchorOutcome,
  type FoldedQuote,
} from '@/lib/anchor/match';
import { sectionPathAt } from '@/lib/anchor/section';
import { describePosition, describeQuote } from '@/lib/anchor/selectors';
import { loadT2s } from '../core/t2s-remote';
import type { ScriptConverter } from '@/lib/anchor/fold';
import { DEFAULT_NOTE_COLOR, type NoteDraft, type NoteRecord } from '@/lib/db/note';
import type { EditorEvent, NotesPageState, PlacedNote } from '@/lib/messaging/protocol-notes';
import { sendMessage } from '@/lib/messaging/runtime';
import { offsetFromPoint, staticRangeFromOffsets } from '@/lib/dom/dom-map';
import type { FlatText } from '@/lib/dom/flatten';
import { createNoteMarks, type NoteMarks } from './marks';
import { createNotesUi, type EditorResult, type NotesUi } from './ui';
import { isContextGone, writeWithRetry } from './write';
import { browser } from 'wxt/browser';
import { caretAt, toLiveRange } from '../core/caret';
import { isInsidePlanLensUi } from '../core/markers';
import type { PageCore } from '../core/page-core';
import { readCanonicalUrl } from '../core/page-records';

/** Quiet time before re-anchoring notes after the page changes. */
const NOTES_SETTLE_MS = 300;

/** A note and where it is on the page now. */
interface Placed {
  note: NoteRecord;
  outcome: AnchorOutcome;
  range: StaticRange | null;
  offered: boolean;
}

/** One notes period in a page; `stop()` (or the signal) removes every trace. */
export class NotesSession {
  private readonly abort = new AbortController();
  /** The UI and the marks drawn in it, made on first need (see {@link mounted}). */
  private mountedUi: { ui: NotesUi; marks: NoteMarks } | null = null;
  /** Whether the reader asked to see notes from other copies (never shown unasked: see marks.ts). */
  private showOffered = false;
  /** Set when the extension was reloaded or updated under the page: this UI can no longer save. */
  private orphaned = false;
  private flat: FlatText = { text: '', nodes: [], starts: [] };
  private fingerprint: DocFingerprint = { title: '', docNumber: '', date: '', key: '' };
  /** The text head and `document.title` {@link fingerprint} was derived from. */
  private fingerprintHead: string | null = null;
  private fingerprintTitle: string | null = null;
  /** The background's answer for the current head and title, while it is being asked. */
  private fingerprintAsked: Promise<void> | null = null;
  private notes: NoteRecord[] = [];
  private elsewhere: NoteRecord[] = [];
  private placed: Placed[] = [];
  private pendingRange: Range | null = null;
  private undoNote: NoteRecord | null = null;
  private hoverFrame = 0;
  private hovered: Placed | null = null;
  private pass = 0;
  /** {@link describeListed} when the side panel was last told (null: not yet). */
  private lastListed: string | null = null;
  /** Folded stored quotes by note id: folding is per note, not per anchoring pass. */
  private readonly foldedQuotes = new Map<string, { modified: string; quote: FoldedQuote }>();
  /** The folding converter, loaded by the first pass with notes to anchor (see core/t2s-remote). */
  private t2s: ScriptConverter | null = null;

  constructor(
    private readonly core: PageCore,
    private readonly strings: NotesStrings,
  ) {
    core.signal.addEventListener('abort', () => this.stop(), { once: true, signal: this.abort.signal });
  }

  /**
   * The UI host (toolbar, editor, card, messages) and the marks, made the first time something is
   * shown: a selection, a note to mark, the editor. Most plan pages carry no notes and nobody
   * selects text on them, so they get no host, styles or page-following at all; reads that only
   * ask the UI (is it editing, hide the card) go through {@link mountedUi} and make nothing.
   */
  private mounted(): { ui: NotesUi; marks: NoteMarks } {
    if (!this.mountedUi) {
      const ui = createNotesUi(this.strings, {
        onAddNote: () => void this.addFromSelection(),
        onEdit: (note) => void this.edit(note),
        onDelete: (note) => void this.remove(note),
        onKeepHere: (note) => void this.keepHere(note),
        onUndo: () => void this.undo(),
        onShowOffered: () => {
          this.showOffered = true;
          this.paint();
        },
      });
      this.mountedUi = { ui, marks: createNoteMarks(ui.marks, this.abort.signal) };
    }
    return this.mountedUi;
  }

  private get ui(): NotesUi {
    return this.mounted().ui;
  }

  private get marks(): NoteMarks {
    return this.mounted().marks;
  }

  /** Loads and paints the notes, then follows the page and the user. */
  async start(): Promise<void> {
    const signal = this.abort.signal;
    const listen = { signal, passive: true } as const;
    document.addEventListener('selectionchange', () => this.onSelectionChange(), listen);
    document.addEventListener(
      'mousemove',
      (e) => {
        // Moves over our own card or toolbar (events retargeted to the host) keep the card open.
        if (isInsidePlanLensUi(e.target)) return;
        this.onPointerMove(e.clientX, e.clientY);
      },
      listen,
    );
    this.core.watcher.subscribe({
      signal,
      settleMs: NOTES_SETTLE_MS,
      onChange: () => this.reanchor(),
    });
    await this.reload();
  }

  /** Removes marks, UI and listeners (keeping only a note that could not be saved, see orphan). */
  stop(): void {
    if (this.abort.signal.aborted) return;
    const draft = this.mountedUi?.ui.draft()?.trim();
    this.abort.abort();
    cancelAnimationFrame(this.hoverFrame);
    this.mountedUi?.marks.destroy();
    // Stopped because the extension went away under an open editor: the typed text stays on screen.
    if (draft && isContextGone(runtimeId())) {
      this.orphan(draft);
      return;
    }
    this.mountedUi?.ui.destroy();
  }

  /**
   * The extension was reloaded or updated under this page: our messages can no longer reach it.
   * Stops offering the UI (a new editor could only lose text) and keeps `unsaved` text on screen.
   */
  private orphan(unsaved: string | null): void {
    this.orphaned = true;
    this.mountedUi?.ui.hideToolbar();
    this.mountedUi?.ui.hideCard();
    this.mountedUi?.ui.offerOthers(0);
    if (unsaved !== null) this.ui.showUnsaved(this.strings.unsavedReload, unsaved);
  }

  /**
   * Opens the editor frame. While it is open, an extension reloaded under the page is noticed
   * within half a second (the frame goes with it): the text typed so far stays on screen.
   */
  private async openEditor(
    quote: string,
    initial: EditorResult,
    rect: DOMRect | null,
  ): Promise<EditorResult | null> {
    const watch = window.setInterval(() => {
      if (this.orphaned || !isContextGone(runtimeId())) return;
      this.orphan(this.ui.draft()?.trim() || null);
    }, 500);
    try {
      return await this.ui.openEditor(quote, initial, rect);
    } catch (error) {
      if (isContextGone(runtimeId(), error)) this.orphan(null);
      return null;
    } finally {
      clearInterval(watch);
    }
  }

  /** Passes an event of the open editor frame (see editor-frame.ts). */
  takeEditorEvent(token: string, event: EditorEvent): boolean {
    return this.mountedUi?.ui.takeEditorEvent(token, event) ?? false;
  }

  /** Sends a write; on failure keeps `text` on screen with a message and returns null. */
  private async write<T>(send: () => Promise<T>, text: string): Promise<T | null> {
    try {
      return await writeWithRetry(send);
    } catch (error) {
      if (isContextGone(runtimeId(), error)) this.orphan(text);
      else this.ui.showUnsaved(this.strings.unsavedFailed, text);
      return null;
    }
  }

  /**
   * Fetches this page's notes and its fingerprint from the background and anchors the notes. The
   * background folds the fingerprint (its traditional→simplified tables stay off this thread).
   */
  async reload(): Promise<void> {
    const lead = this.pageLead();
    // The first read comes with the highlight feature's, in the reader's start-up request.
    const { here, elsewhere, fingerprint } = await (this.core.records
      .take('notes', lead)
      ?.then(({ notes }) => notes) ??
      sendMessage('notesForPage', { url: location.href, canonicalUrl: readCanonicalUrl(), ...lead }));
    this.setFingerprint(lead, fingerprint);
    this.notes = here;
    this.elsewhere = elsewhere;
    await this.reanchor();
  }

  /** The page's title and text head, as the fingerprint reads them. */
  private pageLead(): { title: string; head: string } {
    // Only the text's first lines count: a page without notes is never flattened whole.
    return { title: document.title, head: this.core.text.bodyHead(FINGERPRINT_HEAD_CHARS) };
  }

  private setFingerprint(lead: { title: string; head: string }, fingerprint: DocFingerprint): void {
    this.fingerprintHead = lead.head;
    this.fingerprintTitle = lead.title;
    this.fingerprint = fingerprint;
  }

  /** Takes the page's body text from the core (flattened again only when the page changed). */
  private reflatten(): void {
    this.flat = this.core.text.body();
  }

  /** Asks the background for the fingerprint again when the page's text head or title changed. */
  private async refreshFingerprint(): Promise<void> {
    for (;;) {
      const lead = this.pageLead();
      if (lead.head === this.fingerprintHead && lead.title === this.fingerprintTitle) return;
      if (this.fingerprintAsked) {
        await this.fingerprintAsked;
        continue;
      }
      const asked = sendMessage('notesFingerprint', lead).then((fingerprint) =>
        this.setFingerprint(lead, fingerprint),
      );
      this.fingerprintAsked = asked;
      try {
        await asked;
      } finally {
        this.fingerprintAsked = null;
      }
      return;
    }
  }

  /** Anchors every note on the current text and repaints. Marked `planlens:anchor` in User Timing. */
  async reanchor(): Promise<void> {
    const pass = ++this.pass;
    const started = performance.now();
    const all = [
      ...this.notes.map((n) => ({ n, offered: false })),
      ...this.elsewhere.map((n) => ({ n, offered: true })),
    ];
    // With nothing to anchor the page text is not needed: it is read when asked for (state, a selection).
    if (all.length > 0) this.reflatten();
    // The tables come from the background, and only when there is something to anchor.
    const t2s = all.length > 0 ? await loadT2s().catch(() => null) : null;
    if (all.length > 0 && !t2s) return;
    if (t2s) this.t2s = t2s;

    let outcomes: AnchorOutcome[] = [];
    // Most plan pages carry no notes: folding the whole page (script conversion included) would be
    // the costliest step of the reader's start-up on the page's thread, for nothing to anchor.
    if (all.length > 0) {
      try {
        const page = await foldPageSliced(this.flat.text, this.t2s!, this.flat.starts, {
          signal: this.abort.signal,
        });
        if (pass !== this.pass) return;
        outcomes = await anchorMany(
          page,
          all.map(({ n }) => this.foldedQuote(n)),
          { signal: this.abort.signal },
        );
      } catch {
        return; // stopped
      }
      if (pass !== this.pass) return; // a newer pass owns the page
    }
    this.placed = all.map(({ n, offered }, i) => {
      const outcome = outcomes[i]!;
      const range =
        outcome.status === 'orphan' ? null : staticRangeFromOffsets(this.flat, outcome.start, outcome.end);
      return { note: n, outcome, range, offered };
    });
    // Offered notes that do not anchor here are noise: only the page's own orphans are listed.
    this.placed = this.placed.filter((p) => !p.offered || p.range);
    this.paint();
    performance.measure('planlens:anchor', { start: started, end: performance.now() });
    // Tell an open side panel when what it lists changed (always after the first pass: a panel
    // opened before this reader started waits for it); nobody listening is fine.
    const listed = this.describeListed();
    if (listed === this.lastListed) return;
    this.lastListed = listed;
    sendMessage('notesPageUpdated', {}).catch(() => undefined);
  }

  /**
   * What the side panel's list of this page shows, as one string: a page that changes often
   * re-anchors often, and a pass that placed the same notes the same way has nothing to announce.
   */
  private describeListed(): string {
    const placements = this.placed.map(({ note, outcome, offered }) => {
      const at = outcome.status === 'orphan' ? '' : `${outcome.start}-${outcome.end}`;
      const current = outcome.status === 'changed' ? outcome.current : '';
      return `${note.id} ${note.modified} ${outcome.status} ${at} ${offered} ${current}`;
    });
    return JSON.stringify([location.href, document.title, this.fingerprint.key, placements]);
  }

  /** Draws the placed notes; notes from other copies only once the reader asked for them. */
  private paint(): void {
    const visible = this.placed.filter((p) => p.range && (!p.offered || this.showOffered));
    const offered = this.placed.filter((p) => p.offered && p.range).length;
    const offer = this.showOffered || this.orphaned ? 0 : offered;
    // Nothing to mark or offer and no UI yet (a page without notes): none is made for it.
    if (this.abort.signal.aborted || (!this.mountedUi && visible.length === 0 && offer === 0)) return;
    this.marks.set(visible.map((p) => ({ range: p.range!, color: p.note.color, offered: p.offered })));
    this.ui.offerOthers(offer);
  }

  private foldedQuote(note: NoteRecord): FoldedQuote {
    const cached = this.foldedQuotes.get(note.id);
    if (cached && cached.modified === note.modified) return cached.quote;
    const quote = foldQuote(note.quote, this.t2s!, note.position.start);
    this.foldedQuotes.set(note.id, { modified: note.modified, quote });
    return quote;
  }

  /** The page's notes for the side panel: placed ones in document order, then orphans. */
  async state(): Promise<NotesPageState> {
    // The side panel's key must follow the page even when no pass needed its text.
    await this.refreshFingerprint();
    const notes: PlacedNote[] = this.placed.map((p) => ({
      note: p.note,
      placement: p.outcome.status,
      start: p.outcome.status === 'orphan' ? -1 : p.outcome.start,
      current: p.outcome.status === 'changed' ? p.outcome.current : undefined,
      offered: p.offered,
    }));
    notes.sort((a, b) => (a.start < 0 ? 1 : 0) - (b.start < 0 ? 1 : 0) || a.start - b.start);
    return { url: location.href, title: document.title, fingerprintKey: this.fingerprint.key, notes };
  }

  /** Scrolls to a note's clause and flashes it. */
  scrollTo(id: string): boolean {
    const placed = this.placed.find((p) => p.note.id === id && p.range);
    if (!placed?.range) return false;
    // The side panel lists notes from other copies: choosing one there is the reader asking.
    if (placed.offered && !this.showOffered) {
      this.showOffered = true;
      this.paint();
    }
    const element = placed.range.startContainer.parentElement;
    element?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    this.marks.focus(placed.range);
    window.setTimeout(() => this.mountedUi?.marks.focus(null), 1600);
    return true;
  }

  /**
   * Answers the selection as it is now: the feature starts on a selection made before it was
   * loaded (see ./launch), which no `selectionchange` will report again.
   */
  followSelection(): void {
    this.onSelectionChange();
  }

  private onSelectionChange(): void {
    if (this.orphaned || this.mountedUi?.ui.isEditing()) return;
    if (isContextGone(runtimeId())) {
      this.orphan(null);
      return;
    }
    const selection = document.getSelection();
    const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
    if (
      !range ||
      range.collapsed ||
      !document.body.contains(range.commonAncestorContainer) ||
      !selection!.toString().trim()
    ) {
      this.pendingRange = null;
      this.mountedUi?.ui.hideToolbar();
      return;
    }
    this.pendingRange = range.cloneRange();
    const rects = range.getClientRects();
    this.ui.showToolbar(rects[rects.length - 1] ?? range.getBoundingClientRect());
  }

  /** The current selection as page-text offsets, or null when nothing usable is selected. */
  private selectionOffsets(): { start: number; end: number; rect: DOMRect } | null {
    const selection = document.getSelection();
    const live =
      selection && selection.rangeCount > 0 && !selection.isCollapsed ? selection.getRangeAt(0) : null;
    const range = live ?? this.pendingRange;
    if (!range || range.collapsed) return null;
    this.reflatten();
    let start = offsetFromPoint(this.flat, range.startContainer, range.startOffset);
    let end = offsetFromPoint(this.flat, range.endContainer, range.endOffset);
    const text = this.flat.text;
    while (start < end && /\s/u.test(text[start]!)) start++;
    while (end > start && /\s/u.test(text[end - 1]!)) end--;
    if (start >= end) return null;
    return { start, end, rect: range.getBoundingClientRect() };
  }

  private describeSelection(
    start: number,
    end: number,
  ): Pick<NoteDraft, 'quote' | 'position' | 'sectionPath'> {
    return {
      quote: describeQuote(this.flat.text, start, end),
      position: describePosition(start, end),
      sectionPath: sectionPathAt(this.flat.text, start),
    };
  }

  /** Opens the editor on the selection and saves the new note. */
  async addFromSelection(): Promise<boolean> {
    if (this.orphaned) return false;
    const at = this.selectionOffsets();
    return at ? this.addAt(at) : false;
  }

  /**
   * Opens the editor on `range` (another feature's, e.g. a target card's sentence: see
   * core/reader-bus) and saves the new note; false when the range is gone or empty.
   */
  async addOnRange(range: StaticRange): Promise<boolean> {
    const live = toLiveRange(range);
    if (this.orphaned || !live || live.collapsed) return false;
    this.reflatten();
    const start = offsetFromPoint(this.flat, live.startContainer, live.startOffset);
    const end = offsetFromPoint(this.flat, live.endContainer, live.endOffset);
    return start < end ? this.addAt({ start, end, rect: live.getBoundingClientRect() }) : false;
  }

  /** The editor on `[start, end)` of the page text, then the save. */
  private async addAt(at: { start: number; end: number; rect: DOMRect }): Promise<boolean> {
    const selectors = this.describeSelection(at.start, at.end);
    // Asked while the editor is open; a failure only leaves the last fingerprint on the note.
    const fingerprinted = this.refreshFingerprint().catch(() => undefined);
    const result = await this.openEditor(
      selectors.quote.exact,
      { body: '', color: DEFAULT_NOTE_COLOR, tags: [] },
      at.rect,
    );
    document.getSelection()?.removeAllRanges();
    this.pendingRange = null;
    if (!result) return false;
    await fingerprinted;
    const draft: NoteDraft = {
      ...selectors,
      // Made here, so a retried save (the first answer lost) replaces the note instead of adding one.
      id: `urn:uuid:${randomUuid()}`,
      url: location.href,
      canonicalUrl: readCanonicalUrl(),
      title: this.fingerprint.title || document.title,
      fingerprint: this.fingerprint,
      ...result,
    };
    const saved = await this.write(() => sendMessage('notesSave', { draft }), result.body);
    if (!saved) return false;
    this.notes = [...this.notes.filter((n) => n.id !== saved.id), saved];
    await this.reanchor();
    return true;
  }

  /** Moves a note (typically an orphan) to the current selection. */
  async reattach(id: string): Promise<boolean> {
    const note = [...this.notes, ...this.elsewhere].find((n) => n.id === id);
    const at = this.selectionOffsets();
    if (!note || !at) return false;
    await this.refreshFingerprint();
    const moved: NoteDraft = {
      ...note,
      ...this.describeSelection(at.start, at.end),
      url: location.href,
      canonicalUrl: readCanonicalUrl(),
      fingerprint: this.fingerprint,
    };
    await sendMessage('notesSave', { draft: moved });
    await this.reload();
    return true;
  }

  private async edit(note: NoteRecord): Promise<void> {
    const placed = this.placed.find((p) => p.note.id === note.id);
    const rect = (placed?.range && toLiveRange(placed.range)?.getBoundingClientRect()) || null;
    const result = await this.openEditor(note.quote.exact, note, rect);
    if (!result) return;
    const updated = await this.write(
      () => sendMessage('notesUpdate', { id: note.id, changes: result }),
      result.body,
    );
    if (updated) this.notes = this.notes.map((n) => (n.id === updated.id ? updated : n));
    await this.reanchor();
  }

  private async remove(note: NoteRecord): Promise<void> {
    this.mountedUi?.ui.hideCard();
    const removed = await sendMessage('notesDelete', { id: note.id });
    this.notes = this.notes.filter((n) => n.id !== note.id);
    this.undoNote = removed;
    await this.reanchor();
    if (removed && !this.abort.signal.aborted) this.ui.showToast(this.strings.deleted);
  }

  private async undo(): Promise<void> {
    const note = this.undoNote;
    this.undoNote = null;
    if (!note) return;
    const restored = await sendMessage('notesRestore', { note });
    this.notes.push(restored);
    await this.reanchor();
  }

  private async keepHere(note: NoteRecord): Promise<void> {
    this.mountedUi?.ui.hideCard();
    const placed = this.placed.find((p) => p.note.id === note.id && p.outcome.status !== 'orphan');
    if (!placed || placed.outcome.status === 'orphan') return;
    const { id: _id, created: _created, ...rest } = note;
    await this.refreshFingerprint();
    const draft: NoteDraft = {
      ...rest,
      ...this.describeSelection(placed.outcome.start, placed.outcome.end),
      url: location.href,
      canonicalUrl: readCanonicalUrl(),
      fingerprint: this.fingerprint,
    };
    await sendMessage('notesSave', { draft });
    await this.reload();
  }

  private onPointerMove(x: number, y: number): void {
    if (this.orphaned || this.hoverFrame || this.mountedUi?.ui.isEditing()) return;
    this.hoverFrame = requestAnimationFrame(() => {
      this.hoverFrame = 0;
      const found = this.noteAtPoint(x, y);
      if (found === this.hovered) return;
      this.hovered = found;
      const range = found?.range;
      const locate = () => (range && toLiveRange(range)?.getBoundingClientRect()) || null;
      if (!found || !locate()) {
        this.mountedUi?.ui.hideCardSoon();
        return;
      }
      this.ui.showCard(
        {
          note: found.note,
          current: found.outcome.status === 'changed' ? found.outcome.current : undefined,
          offered: found.offered,
        },
        locate,
      );
    });
  }

  private noteAtPoint(x: number, y: number): Placed | null {
    const caret = caretAt(x, y);
    if (!caret || caret.node.nodeType !== Node.TEXT_NODE) return null;
    const offset = offsetFromPoint(this.flat, caret.node, caret.offset);
    const hits = this.placed.filter(
      (p) =>
        p.range &&
        (!p.offered || this.showOffered) &&
        p.outcome.status !== 'orphan' &&
        p.outcome.start <= offset &&
        offset < p.outcome.end,
    );
    // Innermost (shortest) note wins when notes overlap.
    return hits.sort((a, b) => span(a) - span(b))[0] ?? null;
  }
}

/**
 * A random (v4) UUID. Not `crypto.randomUUID()`: it exists only in secure contexts, and many
 * government sites are still served over plain http.
 */
function randomUuid(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The extension's id, undefined once the extension was reloaded under this page. */
function runtimeId(): string | undefined {
  try {
    return browser.runtime?.id;
  } catch {
    return undefined;
  }
}

function span(p: Placed): number {
  return p.outcome.status === 'orphan' ? Infinity : p.outcome.end - p.outcome.start;
}
