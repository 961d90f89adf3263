import { describe, expect, it } from 'vitest';
import { deleteNote, notesForPage, restoreNote, saveNote, searchNotes, updateNote } from './notes-repo';
import { draftOn, freshDb } from './test-helpers';

describe('notes repository', () => {
  it('saves a note with derived fields and finds it by page', async () => {
    const db = freshDb();
    const note = await saveNote(db, draftOn('投入帮扶资金90亿元以上', { tags: [' 帮扶 ', '帮扶', ''] }));
    expect(note.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(note).toMatchObject({
      url: 'http://www.nmg.gov.cn/zwgk/2026/plan.html',
      site: 'www.nmg.gov.cn',
      fingerprintKey: 'doc:内政发[2026]5号',
      quoteFolded: '投入帮扶资金90亿元以上',
      tags: ['帮扶'],
    });
    const page = await notesForPage(db, {
      url: 'http://www.nmg.gov.cn/zwgk/2026/plan.html#other',
      canonicalUrl: '',
      fingerprintKey: 'doc:内政发[2026]5号',
    });
    expect(page.here.map((n) => n.id)).toEqual([note.id]);
    expect(page.elsewhere).toEqual([]);
  });

  it('offers notes from other copies of the same document', async () => {
    const db = freshDb();
    const note = await saveNote(db, draftOn('投入帮扶资金90亿元以上'));
    const reprint = await notesForPage(db, {
      url: 'https://www.northnews.example/2026/plan.html',
      canonicalUrl: '',
      fingerprintKey: 'doc:内政发[2026]5号',
    });
    expect(reprint.here).toEqual([]);
    expect(reprint.elsewhere.map((n) => n.id)).toEqual([note.id]);
    const unrelated = await notesForPage(db, {
      url: 'https://x.example/',
      canonicalUrl: '',
      fingerprintKey: '',
    });
    expect(unrelated).toEqual({ here: [], elsewhere: [] });
  });

  it('edits, recolours, tags, deletes and undoes', async () => {
    const db = freshDb();
    const note = await saveNote(db, draftOn('推动盟市零基预算全覆盖'));
    const edited = await updateNote(db, note.id, { body: '零基预算', color: 'blue', tags: ['财政'] });
    expect(edited).toMatchObject({ body: '零基预算', color: 'blue', tags: ['财政'], created: note.created });
    const removed = await deleteNote(db, note.id);
    expect(await db.notes.count()).toBe(0);
    await restoreNote(db, removed!);
    expect(await db.notes.get(note.id)).toEqual(edited);
    expect(await updateNote(db, 'urn:uuid:missing', { body: 'x' })).toBeNull();
  });

  it.each([
    ['帮扶资金', 1],
    ['幫扶資金', 1], // traditional query, simplified note
    ['零 基 预 算', 1], // spacing ignored
    ['财政', 1], // tag text
    ['不存在的词', 0],
  ])('searches %j ignoring 简/繁 and spacing (%i hits)', async (text, hits) => {
    const db = freshDb();
    await saveNote(db, draftOn('投入帮扶资金90亿元以上'));
    await saveNote(
      db,
      draftOn('推动盟市零基预算全覆盖', { tags: ['财政'], url: 'https://www.gov.cn/a.html' }),
    );
    expect(await searchNotes(db, { text })).toHaveLength(hits);
  });

  it('filters by tag and site', async () => {
    const db = freshDb();
    await saveNote(db, draftOn('投入帮扶资金90亿元以上', { tags: ['帮扶'] }));
    await saveNote(
      db,
      draftOn('推动盟市零基预算全覆盖', { tags: ['财政'], url: 'https://www.gov.cn/a.html' }),
    );
    expect((await searchNotes(db, { tag: '财政' })).map((n) => n.site)).toEqual(['www.gov.cn']);
    expect((await searchNotes(db, { site: 'www.nmg.gov.cn' })).map((n) => n.tags)).toEqual([['帮扶']]);
    expect(await searchNotes(db, { site: 'www.nmg.gov.cn', tag: '财政' })).toEqual([]);
  });
});
