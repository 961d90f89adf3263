/**
 * Content scripts' access to the notes store. A content script runs in a page we do not control,
 * so every rule is checked against what the background knows, never against what the message says:
 * - reads are scoped to the sender's own address (`notesForPage` ignores the address it is sent);
 * - a note may be written only when it is a note of the sender's page — the note as sent AND the
 *   note already stored under that id, so a page cannot overwrite or take over another site's note
 *   by sending its id (ids of other copies reach a page as "elsewhere" notes);
 * - updates and deletes check the stored note only (the message carries no address).
 *
 * Extension pages (the side panel) use the database directly and never come through here.
 *
 * @module
 */
import { fingerprintDocument } from '../../lib/anchor/fingerprint';
import { getT2s, readT2sDictionaries } from '../../lib/anchor/t2s';
import { isNoteOfPage, type NoteRecord } from '../../lib/db/note';
import { deleteNote, notesForPage, restoreNote, saveNote, updateNote } from '../../lib/db/notes-repo';
import type { PlanLensDb } from '../../lib/db/schema';
import type { ContentSender } from '../../lib/messaging/dispatch';
import type { BackgroundRoutes } from '../../lib/messaging/runtime';
import { CONTENT_SCHEMAS } from '../../lib/messaging/schemas';

/** Message of every refusal (the page learns nothing about the note it tried to reach). */
export const NOT_OWN_NOTE = 'A page can only change its own notes.';

/** Throws unless `note` (possibly absent) is a note of the sender's page. */
function assertOwn(note: Pick<NoteRecord, 'url' | 'canonicalUrl'> | undefined, sender: ContentSender): void {
  if (!isNoteOfPage(note, sender.url)) throw new Error(NOT_OWN_NOTE);
}

/** Throws when a note with `id` is stored and belongs to another page; absent ids are fine. */
async function assertStoredOwn(db: PlanLensDb, id: string | undefined, sender: ContentSender): Promise<void> {
  if (id === undefined) return;
  const stored = await db.notes.get(id);
  if (stored) assertOwn(stored, sender);
}

/** The notes store's messages for content scripts, on the database `db()` returns. */
export function notesStoreRoutes(
  db: () => PlanLensDb,
): Pick<
  BackgroundRoutes,
  | 'notesForPage'
  | 'notesFingerprint'
  | 't2sDictionaries'
  | 'notesSave'
  | 'notesUpdate'
  | 'notesDelete'
  | 'notesRestore'
> {
  return {
    notesForPage: {
      from: 'content',
      schema: CONTENT_SCHEMAS.notesForPage,
      handle: async ({ title, head, canonicalUrl }, sender) => {
        // Folded here: the page's thread never loads the traditional→simplified tables for it.
        const fingerprint = fingerprintDocument(title, head, getT2s());
        const notes = await notesForPage(db(), {
          url: sender.url,
          canonicalUrl,
          fingerprintKey: fingerprint.key,
        });
        return { ...notes, fingerprint };
      },
    },
    notesFingerprint: {
      from: 'content',
      schema: CONTENT_SCHEMAS.notesFingerprint,
      handle: ({ title, head }) => fingerprintDocument(title, head, getT2s()),
    },
    t2sDictionaries: {
      from: 'content',
      schema: CONTENT_SCHEMAS.t2sDictionaries,
      handle: () => readT2sDictionaries(),
    },
    notesSave: {
      from: 'content',
      schema: CONTENT_SCHEMAS.notesSave,
      handle: async ({ draft }, sender) => {
        // The new note must name the sender's page as its address (not only as canonical).
        assertOwn({ url: draft.url, canonicalUrl: '' }, sender);
        await assertStoredOwn(db(), draft.id, sender);
        return saveNote(db(), draft);
      },
    },
    notesUpdate: {
      from: 'content',
      schema: CONTENT_SCHEMAS.notesUpdate,
      handle: async ({ id, changes }, sender) => {
        assertOwn(await db().notes.get(id), sender);
        return updateNote(db(), id, changes);
      },
    },
    notesDelete: {
      from: 'content',
      schema: CONTENT_SCHEMAS.notesDelete,
      handle: async ({ id }, sender) => {
        assertOwn(await db().notes.get(id), sender);
        return deleteNote(db(), id);
      },
    },
    notesRestore: {
      from: 'content',
      schema: CONTENT_SCHEMAS.notesRestore,
      handle: async ({ note }, sender) => {
        assertOwn(note, sender);
        await assertStoredOwn(db(), note.id, sender);
        return restoreNote(db(), note);
      },
    },
  };
}
