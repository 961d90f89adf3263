/**
 * The note editor: an extension page framed in the reader's closed UI on a web page (see
 * `background/notes-editor.ts`). What is typed here stays in this document: the page's key and
 * input listeners never see it. The page cannot read this frame either (another origin). The
 * typed text goes to the reader through the background as it changes, so a reader whose extension
 * was reloaded can still show it with a Copy button; Save hands the note to the reader, which
 * saves it (with its retries) as before.
 *
 * @module
 */
import { NOTE_PALETTE, shownNoteColor, type NoteColor, type PaletteColor } from '@/lib/db/note';
import { notesStrings } from '@/lib/i18n/strings';
import type { EditorEvent } from '@/lib/messaging/protocol-notes';
import { sendMessage } from '@/lib/messaging/runtime';
import { loadUiLocale } from '@/lib/settings/items';
import { writeWithRetry } from '@/entrypoints/reader.content/notes/write';

/** Swatch colours (the marks' tints at full strength, as in the reader's notes UI). */
const SWATCH: Record<PaletteColor, string> = {
  purple: '#a78bfa',
  grey: '#a1a1aa',
  green: '#4ade80',
  pink: '#f472b6',
};

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

/** Sends an event to the reader (through the background, which may be waking up). */
function tell(token: string, event: EditorEvent): Promise<boolean> {
  return writeWithRetry(() => sendMessage('notesEditorEvent', { token, event }));
}

async function start(): Promise<void> {
  const token = new URLSearchParams(location.search).get('t') ?? '';
  const locale = await loadUiLocale();
  const strings = notesStrings(locale);
  document.documentElement.lang = locale;
  const setup = await writeWithRetry(() => sendMessage('notesEditorSetup', { token }));

  let color: NoteColor = setup.color;
  const textarea = el('textarea', { 'aria-label': strings.noteLabel, placeholder: strings.notePlaceholder });
  textarea.value = setup.body;
  const tagsInput = el('input', {
    type: 'text',
    'aria-label': strings.tagsLabel,
    placeholder: strings.tagsLabel,
  });
  tagsInput.value = setup.tags.join(', ');
  const shown = shownNoteColor(setup.color);
  const swatches = NOTE_PALETTE.map((c) => {
    const b = el('button', {
      type: 'button',
      class: 'swatch',
      role: 'radio',
      'aria-label': strings[`color_${c}`],
      'aria-checked': String(c === shown),
      'data-color': c,
    });
    b.style.background = SWATCH[c];
    b.addEventListener('click', () => {
      color = c;
      for (const s of swatches) s.setAttribute('aria-checked', String(s === b));
    });
    return b;
  });
  const save = el('button', { type: 'button', class: 'primary', 'data-action': 'save' }, strings.save);
  const cancel = el('button', { type: 'button', 'data-action': 'cancel' }, strings.cancel);
  const error = el('p', { class: 'error', role: 'alert' });
  error.hidden = true;
  const box = el(
    'div',
    { class: 'editor', role: 'dialog', 'aria-label': strings.editorTitle },
    el('div', { class: 'quote' }, setup.quote),
    textarea,
    el(
      'fieldset',
      { role: 'radiogroup', 'aria-label': strings.colorLabel },
      el('legend', {}, strings.colorLabel),
      ...swatches,
    ),
    tagsInput,
    error,
    el('div', { class: 'row' }, cancel, save),
  );
  document.body.append(box);

  // The typed text, sent as it changes: one message in flight, the newest text after it.
  let sent = setup.body;
  let sending = false;
  const sendDraft = async () => {
    if (sending) return;
    sending = true;
    try {
      while (sent !== textarea.value) {
        sent = textarea.value;
        await tell(token, { type: 'draft', body: sent }).catch(() => undefined);
      }
    } finally {
      sending = false;
    }
  };
  textarea.addEventListener('input', () => void sendDraft());

  let closing = false;
  const finish = async (event: EditorEvent) => {
    if (closing) return;
    closing = true;
    try {
      if (!(await tell(token, event))) throw new Error('no reader');
    } catch {
      // The page's reader is gone: the text stays here, to be copied.
      closing = false;
      error.textContent = strings.unsavedFailed;
      error.hidden = false;
    }
  };
  const submit = () =>
    void finish({
      type: 'submit',
      body: textarea.value.trim(),
      color,
      tags: tagsInput.value
        .split(/[,，、;；]/u)
        .map((t) => t.trim())
        .filter(Boolean),
    });
  save.addEventListener('click', (e) => e.isTrusted && submit());
  cancel.addEventListener('click', () => void finish({ type: 'cancel' }));
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') void finish({ type: 'cancel' });
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && e.isTrusted) submit();
  });

  // The reader sizes the frame to the editor (the textarea can be resized, the message can show).
  new ResizeObserver(() => {
    void tell(token, { type: 'size', height: Math.ceil(box.getBoundingClientRect().height) }).catch(
      () => undefined,
    );
  }).observe(box);
  textarea.focus();
  // Ready: set up, filled and focused. Tests wait for this instead of polling for controls (the
  // page cannot read it: this document is of another origin).
  document.documentElement.dataset.ready = 'true';
}

void start();
