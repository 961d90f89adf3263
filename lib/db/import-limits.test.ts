import { describe, expect, it } from 'vitest';
import { exportJsonLd } from './export';
import { IMPORT_LIMITS, ImportError, importAnnotations } from './import';
import type { NoteRecord } from './note';
import { completeNote, notesForPage, saveNote } from './notes-repo';
import { draftOn, freshDb } from './test-helpers';

/** Clauses of the 2026 plan (seed 003) to quote. */
const CLAUSES = [
  '投入帮扶资金90亿元以上',
  '推动盟市零基预算全覆盖',
  '奶产量稳定在750万吨左右',
  '粮食产量超过840亿斤',
];
const PLAN_URL = 'http://www.nmg.gov.cn/zwgk/2026/plan.html';

/** `count` distinct notes, all on the same page (the worst case for a per-address duplicate scan). */
function manyNotes(count: number, url = PLAN_URL): NoteRecord[] {
  return Array.from({ length: count }, (_, k) =>
    completeNote(
      draftOn(CLAUSES[k % CLAUSES.length]!, {
        url,
        body: `第${k + 1}条批注`,
        created: new Date(Date.UTC(2026, 0, 1, 0, 0, k)).toISOString(),
      }),
    ),
  );
}

describe('import limits', () => {
  it('imports 20,000 notes on one page (the duplicate check is linear)', async () => {
    const db = freshDb();
    const file = exportJsonLd(manyNotes(20_000));
    expect(await importAnnotations(db, file)).toEqual({ added: 20_000, skipped: 0, renamed: 0 });
    expect(await db.notes.count()).toBe(20_000);
  }, 60_000);

  it('lets a page load its notes while a long import runs', async () => {
    const db = freshDb();
    await saveNote(db, draftOn(CLAUSES[0]!, { url: 'https://www.gov.cn/other.html' }));
    let importDone = false;
    const importing = importAnnotations(db, exportJsonLd(manyNotes(5_000))).then((report) => {
      importDone = true;
      return report;
    });
    // Wait until the first batch is in, then read as a tab would.
    while ((await db.notes.count()) < 2) await new Promise((resolve) => setTimeout(resolve, 0));
    const page = await notesForPage(db, {
      url: 'https://www.gov.cn/other.html',
      canonicalUrl: '',
      fingerprintKey: '',
    });
    expect(page.here).toHaveLength(1);
    expect(importDone).toBe(false);
    expect((await importing).added).toBe(5_000);
  }, 60_000);

  it('reports a note whose id is taken by a different note and keeps both', async () => {
    const db = freshDb();
    const mine = await saveNote(db, draftOn(CLAUSES[0]!, { body: '我的批注' }));
    const theirs = completeNote(draftOn(CLAUSES[1]!, { id: mine.id, body: '另一条批注' }));
    const same = { ...mine };
    const report = await importAnnotations(db, exportJsonLd([theirs, same]));
    expect(report).toEqual({ added: 1, skipped: 1, renamed: 1 });
    expect(await db.notes.get(mine.id)).toEqual(mine);
    const all = await db.notes.toArray();
    expect(all.map((n) => n.body).sort()).toEqual(['另一条批注', '我的批注']);
    expect(all.find((n) => n.body === '另一条批注')!.id).not.toBe(mine.id);
  });

  it('reports an id used twice in one file for different notes', async () => {
    const db = freshDb();
    const [a, b] = manyNotes(2);
    const report = await importAnnotations(db, exportJsonLd([a!, { ...b!, id: a!.id }]));
    expect(report).toEqual({ added: 2, skipped: 0, renamed: 1 });
  });

  const long = (n: number) => '长'.repeat(n + 1);
  it.each([
    [
      'a note body',
      { body: long(IMPORT_LIMITS.bodyChars) },
      /Annotation 1: the note is longer than 100,000/u,
    ],
    ['a quote', { quote: long(IMPORT_LIMITS.quoteChars) }, /the quoted text is longer than 20,000/u],
    [
      'an address',
      { url: `${PLAN_URL}?q=${'a'.repeat(IMPORT_LIMITS.urlChars)}` },
      /the address is longer than 4,096/u,
    ],
    ['a title', { title: long(IMPORT_LIMITS.titleChars) }, /the title is longer than 2,000/u],
    ['tags', { tags: Array.from({ length: 101 }, (_, k) => `标签${k}`) }, /more than 100 tags/u],
    ['a tag', { tags: [long(IMPORT_LIMITS.tagChars)] }, /a tag is longer than 200/u],
    ['a section path', { sectionPath: Array.from({ length: 21 }, () => '一、') }, /more than 20 levels/u],
  ])(
    'refuses %s over the limit, with a clear message, and writes nothing',
    async (_name, change, message) => {
      const db = freshDb();
      const { quote, ...rest } = change as { quote?: string } & Record<string, unknown>;
      const note = completeNote(draftOn(quote ?? CLAUSES[0]!, rest));
      const error = await importAnnotations(db, exportJsonLd([note, ...manyNotes(3)])).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ImportError);
      expect((error as Error).message).toMatch(message);
      expect(await db.notes.count()).toBe(0);
    },
  );

  it('refuses a file over the size limit before parsing it', async () => {
    const db = freshDb();
    const huge = `[${' '.repeat(IMPORT_LIMITS.fileBytes)}]`;
    await expect(importAnnotations(db, huge)).rejects.toThrow(/larger than 32 MB/u);
  });

  it('refuses a file with more notes than the limit', async () => {
    const db = freshDb();
    const one = {
      type: 'Annotation',
      target: { source: PLAN_URL, selector: { type: 'TextQuoteSelector', exact: '增长5%' } },
    };
    const file = JSON.stringify(Array.from({ length: IMPORT_LIMITS.notes + 1 }, () => one));
    await expect(importAnnotations(db, file)).rejects.toThrow(/holds 50,001 annotations; at most 50,000/u);
    expect(await db.notes.count()).toBe(0);
  });
});

describe('notes of one page stay within the message budget', () => {
  it('leaves out the oldest notes of a page past the budget', async () => {
    const db = freshDb();
    const body = '批'.repeat(50_000);
    const notes = manyNotes(40).map((n, k) => ({ ...n, body, modified: n.created, id: `urn:uuid:n${k}` }));
    await db.notes.bulkAdd(notes);
    const budget = 1_000_000;
    const { here } = await notesForPage(db, { url: PLAN_URL, canonicalUrl: '', fingerprintKey: '' }, budget);
    expect(JSON.stringify(here).length).toBeLessThanOrEqual(budget + here.length + 2);
    expect(here.length).toBeGreaterThan(10);
    expect(here.length).toBeLessThan(40);
    // The newest are kept.
    expect(here.map((n) => n.id)).toContain('urn:uuid:n39');
    expect(here.map((n) => n.id)).not.toContain('urn:uuid:n0');
  });
});
