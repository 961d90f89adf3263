/**
 * The notes feature's in-page UI, in one closed shadow root whose host carries `data-planlens-ui`
 * (so flattening and page-change watchers ignore it): the selection toolbar, the note editor, the
 * hover card and the undo toast. The root is closed so page scripts cannot read a note's text through
 * `host.shadowRoot`; we keep the only reference to it (content scripts run in an isolated world, so
 * the page cannot patch our `attachShadow` either). Built with createElement/textContent only. Every action requires a
 * trusted (user-made) event, so page scripts cannot drive it by dispatching synthetic clicks.
 * Follows the reader's light or dark mode (`prefers-color-scheme`); the hover card follows its
 * clause when the page scrolls, resizes or reflows.
 *
 * @module
 */
import type { NotesStrings } from '@/lib/i18n/strings';
import type { EditorEvent } from '@/lib/messaging/protocol-notes';
import type { NoteColor, NoteRecord } from '@/lib/db/note';
import { watchNoteLineColor } from '../core/reader-settings';
import { createUiHost, el } from '../core/ui-host';
import { openEditorFrame, type EditorFrame } from './editor-frame';
import { followPage } from './follow';
import { MARKS_CSS } from './marks';

/** What the editor returns on Save. */
export interface EditorResult {
  body: string;
  color: NoteColor;
  tags: string[];
}

/** What the hover card shows. */
export interface CardContent {
  note: NoteRecord;
  /** The clause as it reads now, when it changed since the note. */
  current?: string;
  offered: boolean;
}

/** Callbacks from the UI to the session. */
export interface NotesUiHandlers {
  onAddNote(): void;
  onEdit(note: NoteRecord): void;
  onDelete(note: NoteRecord): void;
  onKeepHere(note: NoteRecord): void;
  onUndo(): void;
  /** The reader asked to see notes from other copies of this document. */
  onShowOffered(): void;
}

/** The UI's operations. */
export interface NotesUi {
  showToolbar(rect: DOMRect): void;
  hideToolbar(): void;
  /**
   * Opens the editor (an extension frame, see editor-frame.ts) and resolves with the note on Save,
   * null on Cancel. Rejects when the background cannot be reached to register it.
   */
  openEditor(quote: string, initial: EditorResult, rect: DOMRect | null): Promise<EditorResult | null>;
  /** Passes an event of the editor frame (forwarded by the background); false when not ours. */
  takeEditorEvent(token: string, event: EditorEvent): boolean;
  isEditing(): boolean;
  /** The text typed in the open editor, or null when no editor is open. */
  draft(): string | null;
  /**
   * Shows the card next to the clause `locate` finds (its client rect now, or null when it is
   * gone), and keeps it there as the page scrolls, resizes or reflows; hidden while the clause
   * is out of view.
   */
  showCard(content: CardContent, locate: () => DOMRect | null): void;
  hideCardSoon(): void;
  hideCard(): void;
  showToast(message: string): void;
  /** Offers (count > 0) or withdraws (0) the button that shows notes from other copies. */
  offerOthers(count: number): void;
  /**
   * Keeps `text` (a note that could not be saved) on screen with `message` and a copy button, and
   * withdraws every other control: the reader must not lose what was typed.
   */
  showUnsaved(message: string, text: string): void;
  /** The click-through layer note marks are drawn in (see marks.ts). */
  readonly marks: HTMLElement;
  destroy(): void;
}

const STYLE = `
.layer { color-scheme: light dark; --bg: #fff; --fg: #1d1d1f; --line: #c9c9cf; --button: #f6f6f8;
  --button-line: #b8b8c0; --accent: #2b5fd9; --muted: #66666c; --quote: #55555c; --changed: #fff4d6;
  --del: #a11; --ins: #085; --shadow: rgb(0 0 0 / 0.18); }
@media (prefers-color-scheme: dark) {
  .layer { --bg: #202124; --fg: #e8e8ed; --line: #4a4b50; --button: #2c2d31; --button-line: #55565c;
    --accent: #8ab4f8; --muted: #a4a4ab; --quote: #b9b9c0; --changed: #3b3320; --del: #ff8a80;
    --ins: #81c995; --shadow: rgb(0 0 0 / 0.5); }
  button.primary { color: #111 !important; }
}
* { box-sizing: border-box; font: 14px/1.5 system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; }
.box { position: fixed; pointer-events: auto; background: var(--bg); color: var(--fg); border: 1px solid var(--line);
  border-radius: 8px; box-shadow: 0 6px 24px var(--shadow); }
.toolbar { padding: 4px; }
button { cursor: pointer; border: 1px solid var(--button-line); background: var(--button); color: var(--fg); border-radius: 6px; padding: 4px 10px; }
button.primary { background: var(--accent); border-color: var(--accent); color: #fff; }
button:focus-visible, textarea:focus-visible, input:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.editor-frame { width: 340px; height: 280px; padding: 0; overflow: hidden; color-scheme: light dark; }
textarea { width: 100%; resize: vertical; padding: 6px; border: 1px solid var(--button-line); border-radius: 6px; background: var(--bg); color: var(--fg); }
.row { display: flex; gap: 6px; justify-content: flex-end; }
.card { width: 320px; padding: 10px 12px; display: grid; gap: 6px; }
.body { white-space: pre-wrap; }
.tags { color: var(--accent); }
.changed { background: var(--changed); border-radius: 6px; padding: 6px; }
.changed del { color: var(--del); } .changed ins { color: var(--ins); text-decoration: none; }
.muted { color: var(--muted); font-size: 12px; }
.offer { right: 16px; bottom: 16px; padding: 4px; }
.unsaved { right: 16px; bottom: 16px; width: 360px; padding: 12px; display: grid; gap: 8px; }
.unsaved textarea { min-height: 120px; }
.toast { left: 50%; bottom: 24px; transform: translateX(-50%); padding: 8px 12px; display: flex; gap: 10px; align-items: center; }
`;

/** Places a fixed box next to `rect`, inside the viewport. */
function place(box: HTMLElement, rect: DOMRect | null, width: number): void {
  const top = rect ? rect.bottom + 6 : window.innerHeight / 3;
  const left = rect ? rect.left : (window.innerWidth - width) / 2;
  box.style.top = `${Math.max(4, Math.min(top, window.innerHeight - 60))}px`;
  box.style.left = `${Math.max(4, Math.min(left, window.innerWidth - width - 8))}px`;
}

/** Runs `action` only for user-made events. */
function trusted(action: () => void): (event: Event) => void {
  return (event) => {
    if (event.isTrusted) action();
  };
}

/** Creates the UI (host element appended to `<html>`); `destroy()` removes it. */
export function createNotesUi(strings: NotesStrings, handlers: NotesUiHandlers): NotesUi {
  const { layer, underlay, destroy } = createUiHost({
    name: 'notes',
    css: STYLE + MARKS_CSS,
    underlay: true,
  });
  const lifetime = new AbortController();
  // The line colour chosen on the options page, for the marks drawn in this root. Made only when a
  // colour is chosen: Firefox reports an empty inline style to a strict-CSP page as a violation.
  let lineStyle: HTMLElement | null = null;
  watchNoteLineColor((color) => {
    if (!color) return lineStyle?.remove();
    lineStyle ??= el('style');
    lineStyle.textContent = `:host { --planlens-note-line: ${color}; }`;
    if (!lineStyle.isConnected) layer.prepend(lineStyle);
  }, lifetime.signal);

  // Toolbar: keeps the page selection (mousedown default prevented) until the button acts.
  const addButton = el(
    'button',
    { type: 'button', class: 'primary', 'data-action': 'add-note' },
    strings.addNote,
  );
  const toolbar = el(
    'div',
    { class: 'box toolbar', role: 'toolbar', 'aria-label': strings.toolbarLabel },
    addButton,
  );
  toolbar.hidden = true;
  toolbar.addEventListener('mousedown', (e) => e.preventDefault());
  addButton.addEventListener(
    'click',
    trusted(() => handlers.onAddNote()),
  );
  layer.append(toolbar);

  const offerButton = el(
    'button',
    { type: 'button', 'data-action': 'show-offered', 'aria-label': strings.showOffered },
    strings.showOffered,
  );
  const offer = el('div', { class: 'box offer' }, offerButton);
  offer.hidden = true;
  offerButton.addEventListener(
    'click',
    trusted(() => {
      offer.hidden = true;
      handlers.onShowOffered();
    }),
  );
  layer.append(offer);

  let editor: EditorFrame | null = null;
  let card: HTMLElement | null = null;
  let unfollowCard: (() => void) | null = null;
  let cardTimer = 0;
  let toast: HTMLElement | null = null;
  let toastTimer = 0;

  const hideCard = () => {
    clearTimeout(cardTimer);
    unfollowCard?.();
    unfollowCard = null;
    card?.remove();
    card = null;
  };

  return {
    showToolbar(rect) {
      toolbar.hidden = false;
      place(toolbar, rect, 120);
    },
    hideToolbar() {
      toolbar.hidden = true;
    },
    isEditing: () => editor !== null,
    draft: () => editor?.draft ?? null,
    async openEditor(quote, initial, rect) {
      editor?.close();
      editor = null;
      hideCard();
      toolbar.hidden = true;
      const { body, color, tags } = initial;
      const opened = await openEditorFrame({ quote, body, color, tags }, strings.editorTitle);
      editor = opened;
      layer.append(opened.frame);
      place(opened.frame, rect, 340);
      opened.frame.focus();
      const result = await opened.result;
      if (editor === opened) editor = null;
      return result && { body: result.body, color: result.color, tags: result.tags };
    },
    takeEditorEvent: (token, event) => editor?.take(token, event) ?? false,
    showCard({ note, current, offered }, locate) {
      hideCard();
      const edit = el('button', { type: 'button', 'data-action': 'edit' }, strings.edit);
      const del = el('button', { type: 'button', 'data-action': 'delete' }, strings.delete);
      const keep = offered ? el('button', { type: 'button', 'data-action': 'keep' }, strings.keepHere) : null;
      edit.addEventListener(
        'click',
        trusted(() => handlers.onEdit(note)),
      );
      del.addEventListener(
        'click',
        trusted(() => handlers.onDelete(note)),
      );
      keep?.addEventListener(
        'click',
        trusted(() => handlers.onKeepHere(note)),
      );
      const box = el(
        'div',
        { class: 'box card', role: 'dialog', 'aria-label': strings.cardLabel, 'data-note-id': note.id },
        offered && el('div', { class: 'muted' }, `${strings.offered}: ${note.url}`),
        current !== undefined &&
          el(
            'div',
            { class: 'changed', 'data-state': 'changed' },
            el('strong', {}, strings.changed),
            el('div', {}, `${strings.was}: `, el('del', {}, note.quote.exact)),
            el('div', {}, `${strings.now}: `, el('ins', {}, current)),
          ),
        el('div', { class: 'body' }, note.body || '—'),
        note.tags.length > 0 && el('div', { class: 'tags' }, note.tags.map((t) => `#${t}`).join(' ')),
        el('div', { class: 'row' }, keep, offered ? null : edit, offered ? null : del),
      );
      box.addEventListener('mouseenter', () => clearTimeout(cardTimer));
      box.addEventListener('mouseleave', () => {
        cardTimer = window.setTimeout(hideCard, 300);
      });
      card = box;
      layer.append(box);
      const follow = () => {
        const rect = locate();
        const inView =
          rect !== null &&
          rect.bottom > 0 &&
          rect.top < window.innerHeight &&
          rect.right > 0 &&
          rect.left < window.innerWidth;
        if (!inView) {
          if (card === box) hideCard();
          return;
        }
        place(box, rect, 320);
      };
      follow();
      if (card === box) unfollowCard = followPage(follow, lifetime.signal);
    },
    hideCardSoon() {
      if (!card) return;
      clearTimeout(cardTimer);
      cardTimer = window.setTimeout(hideCard, 300);
    },
    hideCard,
    offerOthers(count) {
      offer.hidden = count === 0;
      offerButton.textContent = `${strings.showOffered} (${count})`;
    },
    showUnsaved(message, text) {
      editor?.close();
      editor = null;
      toolbar.hidden = true;
      offer.hidden = true;
      hideCard();
      toast?.remove();
      const kept = el('textarea', { 'aria-label': strings.noteLabel, readonly: '' });
      kept.value = text;
      const copy = el('button', { type: 'button', class: 'primary', 'data-action': 'copy' }, strings.copy);
      const close = el('button', { type: 'button', 'data-action': 'close' }, strings.close);
      const box = el(
        'div',
        { class: 'box unsaved', role: 'alertdialog', 'aria-label': strings.unsavedTitle },
        el('strong', { role: 'alert' }, message),
        kept,
        el('div', { class: 'row' }, close, copy),
      );
      copy.addEventListener('click', () => {
        kept.select();
        // The clipboard API needs focus and permission; selecting first lets Ctrl+C work regardless.
        navigator.clipboard?.writeText(text).then(
          () => (copy.textContent = strings.copied),
          () => undefined,
        );
      });
      close.addEventListener('click', () => box.remove());
      box.addEventListener('keydown', (e) => e.stopPropagation());
      layer.append(box);
      kept.focus();
    },
    marks: underlay!,
    showToast(message) {
      toast?.remove();
      clearTimeout(toastTimer);
      const undo = el('button', { type: 'button', 'data-action': 'undo' }, strings.undo);
      undo.addEventListener(
        'click',
        trusted(() => {
          toast?.remove();
          handlers.onUndo();
        }),
      );
      toast = el('div', { class: 'box toast', role: 'status' }, message, undo);
      layer.append(toast);
      toastTimer = window.setTimeout(() => toast?.remove(), 10_000);
    },
    destroy() {
      lifetime.abort();
      clearTimeout(cardTimer);
      clearTimeout(toastTimer);
      destroy();
    },
  };
}
