/**
 * Messages for personal notes. Owned by the notes feature.
 *
 * Content script → background: the store (`notes*` reads and writes). The background checks that a
 * content script only writes notes for its own page. Background / side panel → content script:
 * `notesPage*` requests about the page the reader runs in.
 *
 * @module
 */
import type { DocFingerprint } from '../anchor/fingerprint';
import type { T2sDictionaries } from '../anchor/t2s-converter';
import type { NoteColor, NoteDraft, NoteRecord } from '../db/note';

/** Where a note stands on the current page. */
export type NotePlacement = 'anchored' | 'changed' | 'orphan';

/** One note as placed on the page, for the side panel. */
export interface PlacedNote {
  note: NoteRecord;
  placement: NotePlacement;
  /** Offset of the clause in the page text (document order), -1 for orphans. */
  start: number;
  /** The clause as it reads now, when it changed since the note. */
  current?: string;
  /** True for notes made on another copy of the same document. */
  offered: boolean;
}

/** What the reader knows about the notes of its page. */
export interface NotesPageState {
  url: string;
  title: string;
  fingerprintKey: string;
  /** Placed notes in document order, then orphans. */
  notes: PlacedNote[];
}

/**
 * What the background derives a page's fingerprint from (see `lib/anchor/fingerprint`): its
 * `document.title` and the first `FINGERPRINT_HEAD_CHARS` characters of its text. Folding them
 * needs the traditional→simplified tables, which are kept out of the page's thread.
 */
export interface PageLead {
  title: string;
  head: string;
}

/** What the note editor frame opens with: the clause, and the note as it is (empty for a new one). */
export interface EditorSetup {
  quote: string;
  body: string;
  color: NoteColor;
  tags: string[];
}

/**
 * What the note editor frame tells the reader, through the background: the text as typed (so the
 * reader can keep it if the extension goes away), the note to save, cancel, or its content height.
 */
export type EditorEvent =
  | { type: 'draft'; body: string }
  | { type: 'submit'; body: string; color: NoteColor; tags: string[] }
  | { type: 'cancel' }
  | { type: 'size'; height: number };

/** Notes messages. */
export interface NotesProtocol {
  /** The page's notes and those of other copies of its document, and its fingerprint. */
  notesForPage: {
    req: PageLead & { url: string; canonicalUrl: string };
    res: { here: NoteRecord[]; elsewhere: NoteRecord[]; fingerprint: DocFingerprint };
  };
  /** The fingerprint of a page whose text or title changed since `notesForPage`. */
  notesFingerprint: { req: PageLead; res: DocFingerprint };
  /**
   * Reader → background: OpenCC's traditional→simplified dictionaries, asked once a page has notes
   * to anchor or corrections to apply, so `reader.js` does not carry them (~46 kB).
   */
  t2sDictionaries: { req: Record<string, never>; res: T2sDictionaries };
  notesSave: { req: { draft: NoteDraft }; res: NoteRecord };
  notesUpdate: {
    req: { id: string; changes: Partial<Pick<NoteRecord, 'body' | 'color' | 'tags'>> };
    res: NoteRecord | null;
  };
  notesDelete: { req: { id: string }; res: NoteRecord | null };
  notesRestore: { req: { note: NoteRecord }; res: NoteRecord };
  /**
   * Reader → background: an editor frame (`note-editor.html?t=<token>`) is about to open in the
   * sender's tab with `setup`; only that tab's frame with that token gets it.
   */
  notesEditorOpen: { req: { token: string; setup: EditorSetup }; res: null };
  /** Editor frame → background: what to edit (refused to any other page or tab). */
  notesEditorSetup: { req: { token: string }; res: EditorSetup };
  /** Editor frame → background: an event for the reader of the frame's tab (forwarded). */
  notesEditorEvent: { req: { token: string; event: EditorEvent }; res: boolean };
  /** Background → reader: an event of its open editor frame. */
  notesPageEditorEvent: { req: { token: string; event: EditorEvent }; res: boolean };
  /** Popup → background: how many notes the tab's page has (when no reader answers). */
  notesCountForTab: { req: { tabId: number }; res: number };
  /** Side panel → background: make sure the reader runs in the tab (injects it if needed). */
  notesEnsureReader: { req: { tabId: number }; res: boolean };
  /** To the reader: open the note editor on the current selection. */
  notesPageAddFromSelection: { req: Record<string, never>; res: boolean };
  /** To the reader: its notes and where they are. */
  notesPageState: { req: Record<string, never>; res: NotesPageState };
  /** To the reader: scroll to a note's clause and flash it. */
  notesPageScrollTo: { req: { id: string }; res: boolean };
  /** To the reader: move a note (an orphan) to the current selection. */
  notesPageReattach: { req: { id: string }; res: boolean };
  /** Reader → extension pages (the side panel): the page's notes or their places changed. */
  notesPageUpdated: { req: Record<string, never>; res: null };
  /** To the reader: notes changed elsewhere (side panel, import); reload them. */
  notesPageReload: { req: Record<string, never>; res: boolean };
}
