import { describe, expect, it } from 'vitest';
import { saveNote } from '../db/notes-repo';
import { draftOn, freshDb } from '../db/test-helpers';
import { BackupError, readBackup, writeBackup } from './backup-file';
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

    expect(report).toEqual({ notes: 2, settings: 6 });
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
        file.sections.library = { schema: 1, rows: [] };
        return JSON.stringify(file);
      },
      /does not know \(library\)/,
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
