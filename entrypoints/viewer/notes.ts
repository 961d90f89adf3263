/**
 * Notes in the PDF reader. The reader is an extension page, so like the side panel it uses the
 * notes database directly (lib/db, the extension origin's IndexedDB), never the content-script
 * messages. A note is anchored by its quote on the reading text and keyed by the PDF's own
 * fingerprint (lib/pdf/pdf-fingerprint), so the same file opened from another address finds its
 * notes; each note records the page its clause starts on, which exports cite.
 *
 * @module
 */
import { tellPanel } from './tell-panel';
import { anchorMany, foldPageSliced, foldQuote, type AnchorOutcome } from '@/lib/anchor/match';
import { sectionPathAt } from '@/lib/anchor/section';
import { describePosition, describeQuote } from '@/lib/anchor/selectors';
import { getT2s } from '@/lib/anchor/t2s';
import { FINGERPRINT_HEAD_CHARS } from '@/lib/anchor/fingerprint';
import type { NoteDraft, NoteRecord } from '@/lib/db/note';
import { deleteNote, notesForPage, restoreNote, saveNote, updateNote } from '@/lib/db/notes-repo';
import { PlanLensDb } from '@/lib/db/schema';
import type { PdfStrings } from '@/lib/i18n/strings';
import type { NotesPageState } from '@/lib/messaging/protocol-notes';
import { onMessage } from '@/lib/messaging/runtime';
import { fingerprintPdf } from '@/lib/pdf/pdf-fingerprint';
import type { DocumentModel } from './document-model';
import { indexReading, readingOffsetAt, type ReadingIndex } from './selection-offsets';
import { yieldToPage } from './yield-to-page';

/** A note and where it sits in the reading text (null: not found in this PDF). */
interface PlacedNote {
  note: NoteRecord;
  at: { start: number; end: number } | null;
}

/** What the notes feature needs from the reader. */
export interface NotesContext {
  model: DocumentModel;
  /** The PDF's address (notes are stored under it). */
  file: URL;
  title: string;
  /** pdf.js `fingerprints[0]`. */
  pdfFingerprint: string;
  reader: PdfStrings;
  signal: AbortSignal;
}

function element<T extends HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

/** The reading-text span of the current selection, when it lies on the text layer and is not empty. */
function readSelection(index: ReadingIndex, model: DocumentModel): { start: number; end: number } | null {
  const selection = getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const spans = model.spans;
  const start = readingOffsetAt(index, spans, range.startContainer, range.startOffset, 'start');
  const end = readingOffsetAt(index, spans, range.endContainer, range.endOffset, 'end');
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}

/**
 * Starts notes on a fully read PDF: loads and anchors its notes (drawn as `planlens-note-<colour>`
 * highlights and listed in the notes panel with their pages), and offers "Add note" on a selection.
 * `data-planlens-notes` on the root holds the number of notes placed after each pass.
 */
export async function startNotes(context: NotesContext): Promise<void> {
  const { model, file, reader, signal } = context;
  const reading = model.reading!;
  const db = new PlanLensDb();
  signal.addEventListener('abort', () => db.close(), { once: true });
  const t2s = getT2s();
  const fingerprint = fingerprintPdf(
    context.pdfFingerprint,
    context.title,
    reading.text.slice(0, FINGERPRINT_HEAD_CHARS),
    t2s,
  );
  // Building the 繁→简 tables (above, on a traditional head) and each step below are tasks of
  // their own: together they would make one long task.
  await yieldToPage();
  const folded = await foldPageSliced(reading.text, t2s, [], { signal });
  await yieldToPage();
  const index = indexReading(
    reading,
    model.pages.map((page) => page.text?.runs.map((run) => run.str.length) ?? []),
  );
  let placed: PlacedNote[] = [];
  /** The note deleted last, while its undo is offered. */
  let deleted: NoteRecord | null = null;

  const toggle = element<HTMLButtonElement>('notes-toggle');
  const panel = element('notes-panel');
  const list = element('notes-list');
  toggle.addEventListener('click', () => (panel.hidden = !panel.hidden), { signal });

  const paint = () => {
    const byColor = new Map<string, StaticRange[]>();
    for (const { note, at } of placed) {
      if (!at) continue;
      const ranges = model.rangesOf(at.start, at.end) ?? [];
      byColor.set(note.color, [...(byColor.get(note.color) ?? []), ...ranges]);
    }
    for (const name of [...CSS.highlights.keys()]) {
      if (name.startsWith('planlens-note-')) CSS.highlights.delete(name);
    }
    for (const [color, ranges] of byColor)
      CSS.highlights.set(`planlens-note-${color}`, new Highlight(...ranges));
    toggle.textContent = reader.format('readerNotes', { n: placed.length });
    const items = placed.map(({ note, at }) => {
      const item = document.createElement('li');
      item.dataset.noteId = note.id;
      const where = document.createElement('span');
      where.className = 'note-page';
      where.textContent = at
        ? reader.format('readerPage', { page: note.pdfPage ?? model.pageNumberAt(at.start) })
        : reader.t('readerNoteOrphan');
      const quote = document.createElement('q');
      quote.textContent =
        note.quote.exact.length > 80 ? `${note.quote.exact.slice(0, 80)}…` : note.quote.exact;
      const body = document.createElement('p');
      body.textContent = note.body;
      const edit = makeItemButton('note-edit', reader.t('readerEditNote'), () => openEditor(item, note));
      const remove = makeItemButton(
        'note-delete',
        reader.t('readerDeleteNote'),
        () => void removeNote(note.id),
      );
      const actions = document.createElement('span');
      actions.className = 'note-actions';
      actions.append(edit, remove);
      item.append(where, quote, body, actions);
      if (at) {
        item.tabIndex = 0;
        item.addEventListener('click', () => {
          const first = model.rangesOf(at.start, at.end)?.[0];
          first?.startContainer.parentElement?.scrollIntoView({ block: 'center' });
        });
      }
      return item;
    });
    if (items.length === 0) {
      const empty = document.createElement('li');
      empty.className = 'empty';
      empty.textContent = reader.t('readerNoNotes');
      items.push(empty);
    }
    if (deleted) {
      const undo = document.createElement('li');
      undo.className = 'note-undo';
      undo.setAttribute('role', 'status');
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = reader.t('readerUndo');
      const restored = deleted;
      button.addEventListener('click', () => {
        deleted = null;
        void restoreNote(db, restored).then(load);
      });
      undo.append(`${reader.t('readerNoteDeleted')} `, button);
      items.unshift(undo);
    }
    list.replaceChildren(...items);
    document.documentElement.dataset.planlensNotes = String(placed.filter((p) => p.at).length);
  };

  const load = async () => {
    const { here, elsewhere } = await notesForPage(db, {
      url: file.href,
      canonicalUrl: '',
      fingerprintKey: fingerprint.key,
    });
    // Notes from the same file at another address are this PDF's notes: no "other copy" here.
    const notes = [...here, ...elsewhere];
    const outcomes: AnchorOutcome[] = await anchorMany(
      folded,
      notes.map((note) => foldQuote(note.quote, t2s, note.position.start)),
      { signal },
    );
    placed = notes
      .map((note, i) => {
        const outcome = outcomes[i]!;
        return { note, at: outcome.status === 'orphan' ? null : { start: outcome.start, end: outcome.end } };
      })
      .sort((a, b) => (a.at?.start ?? Infinity) - (b.at?.start ?? Infinity));
    paint();
    tellPanel('notesPageUpdated');
  };
  // The side panel's Notes tab on this tab (tabs.sendMessage reaches an extension page in a tab;
  // these routes take extension senders only, as in a web page's reader).
  const scrollToNote = (id: string) => {
    const at = placed.find((p) => p.note.id === id)?.at;
    const first = at && model.rangesOf(at.start, at.end)?.[0];
    first?.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    return Boolean(first);
  };
  const removers = [
    onMessage('notesPageState', (): NotesPageState => ({
      url: file.href,
      title: context.title || fingerprint.title || file.href,
      fingerprintKey: fingerprint.key,
      notes: placed.map(({ note, at }) => ({
        note,
        placement: at ? 'anchored' : 'orphan',
        start: at?.start ?? -1,
        offered: false,
      })),
    })),
    onMessage('notesPageScrollTo', ({ id }) => scrollToNote(id)),
    onMessage('notesPageReload', () => load().then(() => true)),
  ];
  signal.addEventListener('abort', () => removers.forEach((remove) => remove()), { once: true });

  // Pages laid out later (zoom, script switch) keep their note marks.
  model.onChange(() => placed.length > 0 && paint(), signal);

  // "Add note" next to a selection on the text layer, then a small editor.
  const add = element<HTMLButtonElement>('add-note');
  const editor = element<HTMLFormElement>('note-editor');
  const bodyInput = element<HTMLTextAreaElement>('note-body');
  add.textContent = reader.t('readerAddNote');
  bodyInput.placeholder = reader.t('readerNotePlaceholder');
  element('note-save').textContent = reader.t('readerSave');
  element('note-cancel').textContent = reader.t('readerCancel');
  let pending: { start: number; end: number } | null = null;
  /** The note being edited (null: the editor makes a new note on `pending`). */
  let editing: NoteRecord | null = null;
  /** Opens the editor under `item` on `note`'s text. */
  function openEditor(item: HTMLElement, note: NoteRecord): void {
    editing = note;
    pending = null;
    add.hidden = true;
    const box = item.getBoundingClientRect();
    editor.style.left = `${Math.max(4, Math.min(box.left, window.innerWidth - 340))}px`;
    editor.style.top = `${Math.min(box.bottom + 4, window.innerHeight - 180)}px`;
    editor.hidden = false;
    bodyInput.value = note.body;
    bodyInput.focus();
  }
  /** Deletes note `id`; the list offers to undo it. */
  async function removeNote(id: string): Promise<void> {
    deleted = await deleteNote(db, id);
    if (editing?.id === id) {
      editing = null;
      editor.hidden = true;
    }
    await load();
  }
  const showAdd = () => {
    if (!editor.hidden) return;
    const span = readSelection(index, model);
    if (!span) {
      add.hidden = true;
      return;
    }
    const rect = getSelection()!.getRangeAt(0).getBoundingClientRect();
    add.style.left = `${Math.max(4, rect.left)}px`;
    add.style.top = `${rect.bottom + 6}px`;
    add.hidden = false;
  };
  document.addEventListener('selectionchange', showAdd, { signal });
  add.addEventListener(
    'click',
    () => {
      pending = readSelection(index, model);
      if (!pending) return;
      editing = null;
      add.hidden = true;
      editor.style.left = add.style.left;
      editor.style.top = add.style.top;
      editor.hidden = false;
      bodyInput.value = '';
      bodyInput.focus();
    },
    { signal },
  );
  element('note-cancel').addEventListener(
    'click',
    () => {
      editor.hidden = true;
      editing = null;
    },
    { signal },
  );
  editor.addEventListener(
    'submit',
    (event) => {
      event.preventDefault();
      const note = editing;
      if (note) {
        editing = null;
        editor.hidden = true;
        void updateNote(db, note.id, { body: bodyInput.value }).then(load);
        return;
      }
      const at = pending;
      if (!at) return;
      editor.hidden = true;
      const draft: NoteDraft = {
        url: file.href,
        canonicalUrl: '',
        title: context.title || fingerprint.title || file.pathname.split('/').pop() || file.href,
        fingerprint,
        quote: describeQuote(reading.text, at.start, at.end),
        position: describePosition(at.start, at.end),
        sectionPath: sectionPathAt(reading.text, at.start),
        body: bodyInput.value,
        color: 'yellow',
        tags: [],
        pdfPage: model.pageNumberAt(at.start),
      };
      void saveNote(db, draft).then(load);
    },
    { signal },
  );
  await load();
}

/** A button inside a clickable list item: its click does not also reach the item (which scrolls). */
function makeItemButton(className: string, label: string, onClick: () => void): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = className;
  button.textContent = label;
  button.addEventListener('click', (event) => {
    event.stopPropagation();
    onClick();
  });
  return button;
}
