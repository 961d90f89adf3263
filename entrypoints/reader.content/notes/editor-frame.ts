/**
 * The note editor as the reader sees it: an `<iframe>` of our own `note-editor.html` in the notes
 * UI's closed root. Typing happens in that extension document, so the page's capture listeners for
 * key and input events see nothing (they see every composed event typed into an element of the
 * page's own document, shadow roots included). The reader registers the editor with the
 * background under a fresh token, and hears the frame only through the background
 * (`notesPageEditorEvent`), never through `postMessage`, which the page could read or forge.
 *
 * @module
 */
import type { EditorEvent, EditorSetup } from '@/lib/messaging/protocol-notes';
import { sendMessage } from '@/lib/messaging/runtime';
import { browser } from 'wxt/browser';
import { el } from '../core/ui-host';
import { writeWithRetry } from './write';

/** What the frame returned on Save. */
export type EditorFrameResult = Extract<EditorEvent, { type: 'submit' }>;

/** One open editor frame. */
export interface EditorFrame {
  readonly frame: HTMLIFrameElement;
  /** The text typed so far, as last reported by the frame. */
  readonly draft: string;
  /** Resolves with the note on Save, null on Cancel (or when closed). */
  readonly result: Promise<EditorFrameResult | null>;
  /** Handles an event the background forwarded; false when it is for another editor. */
  take(token: string, event: EditorEvent): boolean;
  /** Removes the frame; a pending result resolves null. */
  close(): void;
}

/** A token no page can guess (the frame's address carries it; the background checks it). */
function randomToken(): string {
  return [...crypto.getRandomValues(new Uint32Array(4))].map((n) => n.toString(36)).join('');
}

/**
 * Registers an editor for `setup` with the background, then makes its frame (not yet in the page:
 * the caller places it). Rejects when the background cannot be reached.
 */
export async function openEditorFrame(setup: EditorSetup, title: string): Promise<EditorFrame> {
  const token = randomToken();
  await writeWithRetry(() => sendMessage('notesEditorOpen', { token, setup }));
  const frame = el('iframe', {
    class: 'box editor-frame',
    title,
    src: `${browser.runtime.getURL('/note-editor.html')}?t=${token}`,
  });
  let draft = setup.body;
  let settle: (value: EditorFrameResult | null) => void = () => undefined;
  const result = new Promise<EditorFrameResult | null>((resolve) => (settle = resolve));
  const close = () => {
    frame.remove();
    settle(null);
  };
  return {
    frame,
    get draft() {
      return draft;
    },
    result,
    take(from, event) {
      if (from !== token || !frame.isConnected) return false;
      if (event.type === 'draft') draft = event.body;
      else if (event.type === 'size') frame.style.height = `${Math.max(80, Math.min(event.height, 600))}px`;
      else if (event.type === 'cancel') close();
      else {
        draft = event.body;
        frame.remove();
        settle(event);
      }
      return true;
    },
    close,
  };
}
