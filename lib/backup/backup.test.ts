import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../targets/analyze';
import { saveCorrection } from '../db/corrections-repo';
import { countLibrary, loadLedgerRows } from '../db/library-repo';
import { saveNote } from '../db/notes-repo';
import { draftOn, freshDb } from '../db/test-helpers';
import { BackupError, readBackup, writeBackup } from './backup-file';
import { BACKUP_LIMITS } from './stored-record-checks';
import { exportEverything, restoreEverything, type BackupStorage } from './restore';

/** An in-memory `browser.storage.local` that can be told to fail its next `set`. */
function fakeStorage(initial: Record<string, unknown> = {}) {
  let data = structuredClone(initial);
  let failNextSet = false;
  const storage: BackupStorage & { data(): Record<string, unknown>; failNextSet(): void } = {
    get: async () => structuredClone(data),
    set: async (items) => {
      if (failNextSet) {
        failNextSet = false;
        throw new Error('quota');
      }
      data = { ...data, ...structuredClone(items) };
    },
    remove: async (keys) => {
      data = Object.fromEntries(Object.entries(data).filter(([k]) => !keys.includes(k)));
    },
    data: () => data,
    failNextSet: () => (failNextSet = true),
  };
  return storage;
}

const SETTINGS = {
  'site-choice:www.nmg.gov.cn': 'always',
  'site-choice:news.example.com': 'never',
  'convert:settings': {
    sites: { 'www.gov.cn': { target: 'hk', hidePinyin: true } },
    defaultTarget: 'tw',
    twpAllowed: false,
  },
  'settings:uiLanguage': 'zh-Hant',
  'settings:highlightColors': { target: '#ff0000', achieved: '#38bdf8', note: '#785000' },
  'settings:backupReminderEvery': 25,
};

async function filledProfile() {
  const db = freshDb();
  await saveNote(
    db,
    draftOn('投入帮扶资金90亿元以上', { body: '比去年多?', tags: ['帮扶'], color: 'green' }),
  );
  await saveNote(
    db,
    draftOn('推动盟市零基预算全覆盖', { body: '=SUM(A1) "引号"', url: 'https://www.gov.cn/a.html' }),
  );
  const storage = fakeStorage({
    ...SETTINGS,
    'backup:lastAt': '2026-12-01T00:00:00.000Z',
    'unrelated:key': 1,
  });
  return { db, storage };
}

describe('export everything → restore', () => {
  it('restores notes and settings exactly into a profile that had other data', async () => {
    const source = await filledProfile();
    const text = await exportEverything(source.db, source.storage, new Date('2026-12-03T12:00:00Z'));

    const target = {
      db: freshDb(),
      storage: fakeStorage({ 'site-choice:other.cn': 'always', 'backup:lastAt': null }),
    };
    await saveNote(target.db, draftOn('城镇调查失业率5.5%左右'));
    const report = await restoreEverything(target.db, target.storage, text);

    expect(report).toEqual({ notes: 2, settings: 6, corrections: 0, documents: 0, figures: 0 });
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect((await target.db.notes.toArray()).sort(byId)).toEqual(
      (await source.db.notes.toArray()).sort(byId),
    );
    expect(target.storage.data()).toEqual({ ...SETTINGS, 'backup:lastAt': null });
    // The notes' text keeps its Chinese and its quotes byte for byte.
    expect(text).toContain('"exact": "投入帮扶资金90亿元以上"');
  });

  it('leaves the last-backup date and unrelated keys out of the file', async () => {
    const { db, storage } = await filledProfile();
    const file = JSON.parse(await exportEverything(db, storage)) as {
      sections: { settings: { entries: object } };
    };
    expect(Object.keys(file.sections.settings.entries)).toEqual(Object.keys(SETTINGS).sort());
  });

  it('changes nothing when writing fails half way', async () => {
    const source = await filledProfile();
    const text = await exportEverything(source.db, source.storage);
    const target = { db: freshDb(), storage: fakeStorage({ 'site-choice:other.cn': 'always' }) };
    const kept = await saveNote(target.db, draftOn('城镇调查失业率5.5%左右'));
    target.storage.failNextSet();
    await expect(restoreEverything(target.db, target.storage, text)).rejects.toThrow('quota');
    expect(target.storage.data()).toEqual({ 'site-choice:other.cn': 'always' });
    expect(await target.db.notes.toArray()).toEqual([kept]);
  });
});

describe('readBackup refuses a corrupt file with a clear reason', () => {
  interface LooseFile {
    version: number;
    sections: Record<string, unknown> & {
      notes: { rows: unknown[] };
      settings: { entries: Record<string, unknown> };
    };
  }
  const valid = (): LooseFile => JSON.parse(writeBackup([], SETTINGS)) as LooseFile;
  const note = async () =>
    (await saveNote(freshDb(), draftOn('投入帮扶资金90亿元以上'))) as unknown as Record<string, unknown>;

  const cases: [string, () => string, RegExp][] = [
    ['not JSON', () => '{"format": "planlens-backup",', /not JSON/],
    [
      'another format',
      () => JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld' }),
      /not a PlanLens backup/,
    ],
    ['a newer envelope', (): string => JSON.stringify({ ...valid(), version: 2 }), /newer PlanLens/],
    [
      'an unknown section',
      () => {
        const file = valid();
        file.sections.annotations = { schema: 1, rows: [] };
        return JSON.stringify(file);
      },
      /does not know \(annotations\)/,
    ],
    [
      'a bad setting',
      () => {
        const file = valid();
        file.sections.settings.entries['site-choice:www.gov.cn'] = 'sometimes';
        return JSON.stringify(file);
      },
      /"site-choice:www.gov.cn" has an invalid value/,
    ],
    [
      'a foreign setting',
      () => {
        const file = valid();
        file.sections.settings.entries['evil'] = 1;
        return JSON.stringify(file);
      },
      /"evil" is not one PlanLens knows/,
    ],
  ];
  it.each(cases)('%s', (_, make, reason) => {
    expect(() => readBackup(make())).toThrow(BackupError);
    expect(() => readBackup(make())).toThrow(reason);
  });

  it('names the broken note', async () => {
    const file = valid();
    const good = await note();
    file.sections.notes.rows = [
      good,
      { ...good, id: 'urn:uuid:2', quote: { type: 'TextQuoteSelector', exact: 1 } },
    ];
    expect(() => readBackup(JSON.stringify(file))).toThrow('Note 2 has an incomplete "quote".');
    file.sections.notes.rows = [good, good];
    expect(() => readBackup(JSON.stringify(file))).toThrow(/Note 2 repeats the id/);
    file.sections.notes.rows = [{ ...good, color: 'orange' }];
    expect(() => readBackup(JSON.stringify(file))).toThrow('Note 1 has an unknown colour "orange".');
  });
});

const FIXTURES = path.resolve(import.meta.dirname, '../../tests/fixtures/notes');
/** A frozen backup file: notes and settings only, as PlanLens wrote them before the library joined. */
const OLD_FILE = readFileSync(path.join(FIXTURES, 'backup-notes-settings.json'), 'utf8');
/** A frozen backup file with a note, a correction, and a plan and a statistics bulletin in the library. */
const LIBRARY_FILE = readFileSync(path.join(FIXTURES, 'backup-with-library.json'), 'utf8');

/** A profile with a library document of its own and a correction, to be replaced or kept by a restore. */
async function profileWithLibrary() {
  const db = freshDb();
  const storage = fakeStorage({});
  await restoreEverything(db, storage, LIBRARY_FILE);
  const [jobs] = analyzeText('城镇新增就业18万人以上。');
  await saveCorrection(
    db,
    {
      fingerprintKey: 'doc:川府发〔2026〕1号',
      anchor: 'a|18万人|b',
      target: jobs!,
      url: 'https://sc.gov.cn/',
      title: '四川',
    },
    { dismissed: true, kind: null, indicator: null },
  );
  return { db, storage };
}

describe('the library and corrections in the backup', () => {
  it('restores a frozen file’s library and corrections, and its ledger pairs the plan with the bulletin', async () => {
    const db = freshDb();
    const report = await restoreEverything(db, fakeStorage({}), LIBRARY_FILE);
    expect(report).toEqual({ notes: 1, settings: 2, corrections: 1, documents: 2, figures: 7 });
    expect(await countLibrary(db)).toEqual({ documents: 2, figures: 7 });
    expect((await db.corrections.toArray()).map((c) => c.indicator)).toEqual(['全区地区生产总值']);
    const rows = await loadLedgerRows(db);
    expect(rows.map((r) => `${r.year} ${r.metric} ${r.kind} ${r.value}`)).toEqual([
      '2026 gdp_growth target 5',
      '2026 gdp_growth achieved 5.2',
      '2026 urban_new_jobs target 180000',
      '2026 urban_new_jobs achieved 175000',
      '2026 urban_unemployment target 5.7',
      '2026 urban_unemployment achieved 5.4',
    ]);
  });

  it('exports the library and corrections and restores them exactly over another profile’s', async () => {
    const source = freshDb();
    const sourceStorage = fakeStorage({});
    await restoreEverything(source, sourceStorage, LIBRARY_FILE);
    const text = await exportEverything(source, sourceStorage, new Date('2026-12-03T12:00:00Z'));
    const target = await profileWithLibrary();
    await target.db.libraryDocs.put({
      ...(await source.libraryDocs.toArray())[0]!,
      key: 'title:其他|四川省|2026',
    });
    await restoreEverything(target.db, target.storage, text);
    for (const table of ['corrections', 'libraryDocs', 'libraryFigures'] as const) {
      expect(await target.db[table].toArray()).toEqual(await source[table].toArray());
    }
    expect(JSON.parse(text)).toEqual(JSON.parse(LIBRARY_FILE));
  });

  it('restores an old file without them, leaving the library and corrections as they were', async () => {
    const { db, storage } = await profileWithLibrary();
    const before = {
      corrections: await db.corrections.toArray(),
      docs: await db.libraryDocs.toArray(),
      figures: await db.libraryFigures.toArray(),
    };
    const report = await restoreEverything(db, storage, OLD_FILE);
    expect(report).toEqual({ notes: 1, settings: 2, corrections: null, documents: null, figures: null });
    expect((await db.notes.toArray()).map((n) => n.quote.exact)).toEqual(['投入帮扶资金90亿元以上']);
    expect(await db.corrections.toArray()).toEqual(before.corrections);
    expect(await db.libraryDocs.toArray()).toEqual(before.docs);
    expect(await db.libraryFigures.toArray()).toEqual(before.figures);
  });

  interface LibraryFile {
    sections: {
      notes: { rows: unknown[] };
      corrections: { schema: number; rows: Record<string, unknown>[] };
      library: { schema: number; docs: Record<string, unknown>[]; figures: Record<string, unknown>[] };
    };
  }
  const cases: [string, (file: LibraryFile) => void, string | RegExp][] = [
    [
      'a newer library schema',
      (f) => (f.sections.library.schema = 5),
      'The library was saved with schema 5; this PlanLens reads 4.',
    ],
    [
      'a library without figures',
      (f) => delete (f.sections.library as Partial<LibraryFile['sections']['library']>).figures,
      /library section has no documents or no figures/,
    ],
    [
      'an unknown metric',
      (f) => (f.sections.library.figures[1]!.metric = 'happiness'),
      'Library figure 2 has an unknown metric "happiness".',
    ],
    [
      'a figure value that is not a number',
      (f) => (f.sections.library.figures[0]!.value = '5'),
      'Library figure 1 has no number "value".',
    ],
    [
      'a figure of a missing document',
      (f) => (f.sections.library.figures[6]!.docKey = 'title:无'),
      'Library figure 7 belongs to a document that is not in the backup.',
    ],
    [
      'a figure in another jurisdiction than its document',
      (f) => (f.sections.library.figures[0]!.jurisdiction = '四川省'),
      'Library figure 1 names another jurisdiction than its document.',
    ],
    [
      'two figures with one id',
      (f) => (f.sections.library.figures[1]!.id = f.sections.library.figures[0]!.id),
      /Library figure 2 repeats the id/,
    ],
    [
      'a document twice',
      (f) => f.sections.library.docs.push(f.sections.library.docs[0]!),
      /Library document 3 repeats the key/,
    ],
    [
      'a document whose fields are not a document’s',
      (f) => ((f.sections.library.docs[0]!.fields as Record<string, unknown>).type = 'poem'),
      'Library document 1 has incomplete or invalid "fields".',
    ],
    [
      'a document with too many addresses',
      (f) => (f.sections.library.docs[0]!.urls = Array.from({ length: 51 }, (_, k) => `https://a.cn/${k}`)),
      'Library document 1 has more than 50 addresses.',
    ],
    [
      'an overlong figure quote',
      (f) => (f.sections.library.figures[0]!.quote = '5'.repeat(20_001)),
      'Library figure 1 has a field "quote" longer than 20,000 characters.',
    ],
    [
      'a correction whose id is not its anchor',
      (f) => (f.sections.corrections.rows[0]!.id = 'x'),
      'Correction 1 has an id that is not its document and anchor.',
    ],
    [
      'a correction of an unknown kind',
      (f) => (f.sections.corrections.rows[0]!.kind = 'wish'),
      'Correction 1 has an unknown kind "wish".',
    ],
    [
      'a newer corrections schema',
      (f) => (f.sections.corrections.schema = 4),
      'The corrections were saved with schema 4; this PlanLens reads 3.',
    ],
    [
      'too many library documents',
      (f) => (f.sections.library.docs = Array.from({ length: BACKUP_LIMITS.libraryDocs + 1 }, () => ({}))),
      'This backup holds 10,001 library documents; at most 10,000 can be restored.',
    ],
    [
      'too many notes',
      (f) => (f.sections.notes.rows = Array.from({ length: BACKUP_LIMITS.notes + 1 }, () => ({}))),
      'This backup holds 50,001 notes; at most 50,000 can be restored.',
    ],
  ];
  it.each(cases)('refuses %s, naming it, and changes nothing', async (_, spoil, reason) => {
    const file = JSON.parse(LIBRARY_FILE) as LibraryFile;
    spoil(file);
    const { db, storage } = await profileWithLibrary();
    const docs = await db.libraryDocs.toArray();
    await expect(restoreEverything(db, storage, JSON.stringify(file))).rejects.toThrow(BackupError);
    expect(() => readBackup(JSON.stringify(file))).toThrow(reason);
    expect(await db.libraryDocs.toArray()).toEqual(docs);
    expect(await db.corrections.count()).toBe(2);
  });

  it('refuses a file larger than any backup before parsing it', () => {
    expect(() => readBackup(' '.repeat(BACKUP_LIMITS.fileBytes + 1))).toThrow(/larger than 96 MB/);
  });
});
