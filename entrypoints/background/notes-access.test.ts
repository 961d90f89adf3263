import { describe, expect, it } from 'vitest';
import { saveNote } from '../../lib/db/notes-repo';
import type { NoteRecord } from '../../lib/db/note';
import type { PlanLensDb } from '../../lib/db/schema';
import { draftOn, freshDb } from '../../lib/db/test-helpers';
import { createDispatcher, routeIn, type RawSender, type Route } from '../../lib/messaging/dispatch';
import type { MessageName, Result } from '../../lib/messaging/protocol';
import { NOT_OWN_NOTE, notesStoreRoutes } from './notes-access';

const SELF = { id: 'planlens-id', baseUrl: 'chrome-extension://planlens-id/' };
/** The 2026 plan on the regional portal, and the same plan reprinted on a news site. */
const PORTAL = 'http://www.nmg.gov.cn/zwgk/2026/plan.html';
const REPRINT = 'https://www.northnews.example/2026/plan.html';

function contentScriptOn(url: string, tabId = 7): RawSender {
  return { id: SELF.id, url, tab: { id: tabId, url }, frameId: 0 };
}

/** Sends one message through the background's dispatcher, as the content script `sender`. */
async function send(
  db: PlanLensDb,
  name: MessageName,
  data: unknown,
  sender: RawSender,
): Promise<Result<unknown>> {
  const routes = notesStoreRoutes(() => db) as unknown as Partial<Record<MessageName, Route<MessageName>>>;
  const dispatch = createDispatcher(routeIn(routes), SELF);
  return new Promise((resolve) => {
    dispatch({ planlens: name, data }, sender, resolve);
  });
}

/** A note the user made on the portal copy. */
async function portalNote(db: PlanLensDb): Promise<NoteRecord> {
  return saveNote(
    db,
    draftOn('投入帮扶资金90亿元以上', { url: PORTAL, body: '比去年多10亿', tags: ['帮扶'] }),
  );
}

describe('notes store access from content scripts', () => {
  it('lets a page save, update, delete and restore its own notes', async () => {
    const db = freshDb();
    const page = contentScriptOn(`${PORTAL}#section`);
    const saved = await send(
      db,
      'notesSave',
      { draft: draftOn('城镇新增就业18万人', { url: PORTAL }) },
      page,
    );
    expect(saved).toMatchObject({ ok: true, value: { url: PORTAL, site: 'www.nmg.gov.cn' } });
    const id = (saved as { value: NoteRecord }).value.id;
    expect(await send(db, 'notesUpdate', { id, changes: { body: '完成' } }, page)).toMatchObject({
      ok: true,
      value: { body: '完成' },
    });
    const removed = await send(db, 'notesDelete', { id }, page);
    expect(await db.notes.get(id)).toBeUndefined();
    // Undo: the note comes back exactly as it was.
    const note = (removed as { value: NoteRecord }).value;
    expect(await send(db, 'notesRestore', { note }, page)).toEqual({ ok: true, value: note });
    expect(await db.notes.get(id)).toEqual(note);
  });

  it('refuses to overwrite another site’s note by its id, even with its own address in the draft', async () => {
    const db = freshDb();
    const victim = await portalNote(db);
    const attacker = contentScriptOn(REPRINT);
    const draft = draftOn('投入帮扶资金90亿元以上', { id: victim.id, url: REPRINT, body: '篡改' });
    expect(await send(db, 'notesSave', { draft }, attacker)).toEqual({ ok: false, error: NOT_OWN_NOTE });
    expect(await db.notes.get(victim.id)).toEqual(victim);
  });

  it('refuses a restore that would replace another site’s stored note', async () => {
    const db = freshDb();
    const victim = await portalNote(db);
    const forged: NoteRecord = { ...victim, url: REPRINT, site: 'www.northnews.example', body: '篡改' };
    expect(await send(db, 'notesRestore', { note: forged }, contentScriptOn(REPRINT))).toEqual({
      ok: false,
      error: NOT_OWN_NOTE,
    });
    expect(await db.notes.get(victim.id)).toEqual(victim);
  });

  it('refuses a note for another address, and update or delete of another site’s note', async () => {
    const db = freshDb();
    const victim = await portalNote(db);
    const attacker = contentScriptOn(REPRINT);
    expect(await send(db, 'notesSave', { draft: draftOn('新增就业', { url: PORTAL }) }, attacker)).toEqual({
      ok: false,
      error: NOT_OWN_NOTE,
    });
    expect(await send(db, 'notesUpdate', { id: victim.id, changes: { body: 'x' } }, attacker)).toEqual({
      ok: false,
      error: NOT_OWN_NOTE,
    });
    expect(await send(db, 'notesDelete', { id: victim.id }, attacker)).toEqual({
      ok: false,
      error: NOT_OWN_NOTE,
    });
    expect(await db.notes.toArray()).toEqual([victim]);
  });

  it('lets a page move its own orphan (same id, same page) to a new place', async () => {
    const db = freshDb();
    const own = await portalNote(db);
    const moved = draftOn('投入帮扶资金90亿元以上', {
      id: own.id,
      url: PORTAL,
      position: { type: 'TextPositionSelector', start: 420, end: 431 },
    });
    expect(await send(db, 'notesSave', { draft: moved }, contentScriptOn(PORTAL))).toMatchObject({
      ok: true,
      value: { id: own.id, created: own.created, position: { start: 420 } },
    });
  });

  it('answers notesForPage for the sender’s own address, not the one in the message', async () => {
    const db = freshDb();
    const portal = await portalNote(db);
    const reprinted = await saveNote(db, draftOn('城镇新增就业18万人', { url: REPRINT }));
    const asked = { url: PORTAL, canonicalUrl: '', title: '', head: '' };
    expect(await send(db, 'notesForPage', asked, contentScriptOn(REPRINT))).toMatchObject({
      ok: true,
      value: { here: [reprinted], elsewhere: [] },
    });
    expect(await send(db, 'notesForPage', asked, contentScriptOn(PORTAL))).toMatchObject({
      ok: true,
      value: { here: [portal], elsewhere: [] },
    });
  });

  // The page sends its title and first lines; the background folds them (simplified, traditional
  // and full-width brackets give one key) and offers the notes of the other copies.
  it.each([
    [
      'the simplified original',
      '内蒙古自治区人民政府关于下达2026年计划的通知\n内政发〔2026〕5号\n',
      '内政发〔2026〕5号',
    ],
    [
      'a traditional reprint',
      '內蒙古自治區人民政府關於下達2026年計劃的通知\n內政發〔2026〕5號\n',
      '內政發〔2026〕5號',
    ],
    [
      'a reprint with ASCII brackets',
      '内蒙古自治区人民政府关于下达2026年计划的通知 内政发[2026]5号',
      '内政发[2026]5号',
    ],
  ])(
    'derives the fingerprint of %s in the background and offers the portal’s notes',
    async (_, head, docNumber) => {
      const db = freshDb();
      const portal = await portalNote(db);
      const lead = { title: '关于下达2026年计划的通知_北疆新闻', head };
      const fingerprint = {
        title: '关于下达2026年计划的通知',
        docNumber,
        date: '',
        key: 'doc:内政发[2026]5号',
      };
      expect(
        await send(db, 'notesForPage', { url: REPRINT, canonicalUrl: '', ...lead }, contentScriptOn(REPRINT)),
      ).toEqual({ ok: true, value: { here: [], elsewhere: [portal], fingerprint } });
      expect(await send(db, 'notesFingerprint', lead, contentScriptOn(REPRINT))).toEqual({
        ok: true,
        value: fingerprint,
      });
    },
  );

  it('refuses the store to extension pages (the side panel uses the database itself)', async () => {
    const db = freshDb();
    const victim = await portalNote(db);
    const popup: RawSender = { id: SELF.id, url: `${SELF.baseUrl}popup.html` };
    expect(await send(db, 'notesDelete', { id: victim.id }, popup)).toMatchObject({ ok: false });
    expect(await db.notes.get(victim.id)).toEqual(victim);
  });
});
