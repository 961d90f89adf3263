import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION, DB_NAME, SCHEMA } from './schema';
import { freshDb } from './test-helpers';

interface Dump {
  database: string;
  version: number;
  stores: Record<string, string>;
  notes: Record<string, unknown>[];
}

const fixtures = path.resolve(import.meta.dirname, '../../tests/fixtures/notes');
const load = (name: string) => JSON.parse(readFileSync(path.join(fixtures, name), 'utf8')) as Dump;
/** Databases as each schema version wrote them; add one per new version. */
const FROZEN: Dump[] = [
  load('v1-dump.json'),
  load('v2-dump.json'),
  load('v3-dump.json'),
  load('v4-dump.json'),
];
const EARLIER = FROZEN.filter((d) => d.version < CURRENT_VERSION);

/** Writes a frozen dump with a Dexie instance that knows only that version's schema. */
async function loadFrozen(dump: Dump, factory: IDBFactory): Promise<void> {
  const old = new Dexie(dump.database, { indexedDB: factory, IDBKeyRange });
  old.version(dump.version).stores(dump.stores);
  await old.table('notes').bulkAdd(dump.notes);
  old.close();
}

describe('schema versions', () => {
  it('keeps a frozen dump for every earlier version', () => {
    const versions = FROZEN.map((d) => d.version);
    for (let v = 1; v < CURRENT_VERSION; v++) expect(versions).toContain(v);
    for (const dump of FROZEN) {
      expect(dump.database).toBe(DB_NAME);
      expect(dump.stores).toEqual(SCHEMA[dump.version as keyof typeof SCHEMA]);
    }
  });

  it.each(EARLIER.filter((d) => d.version >= 2))(
    'keeps every note of a frozen v$version database unchanged and has the corrections table',
    async (dump) => {
      const factory = new IDBFactory();
      await loadFrozen(dump, factory);
      const db = freshDb(factory);
      expect(await db.notes.orderBy('id').toArray()).toEqual(
        [...dump.notes].sort((a, b) => String(a.id).localeCompare(String(b.id))),
      );
      expect(db.verno).toBe(CURRENT_VERSION);
      expect(await db.corrections.count()).toBe(0);
      expect(await db.libraryDocs.count()).toBe(0);
      db.close();
    },
  );

  it.each(EARLIER.filter((d) => d.version === 1))(
    'upgrades a frozen v$version database to the current schema',
    async (dump) => {
      const factory = new IDBFactory();
      await loadFrozen(dump, factory);
      const db = freshDb(factory);
      const notes = await db.notes.toArray();
      expect(notes).toHaveLength(dump.notes.length);
      expect(db.verno).toBe(CURRENT_VERSION);
      const first = await db.notes.get('urn:uuid:6f0c1a52-0d8e-4c55-9b7e-2a1f1c1e0001');
      expect(first).toMatchObject({
        site: 'www.nmg.gov.cn',
        tags: [],
        quoteFolded: '投入帮扶资金90亿元以上',
      });
      // The traditional quote with pinyin is folded to simplified for search and indexed.
      const second = await db.notes.where('quoteFolded').equals('力争并网装机2500万千瓦以上').first();
      expect(second?.id).toBe('urn:uuid:6f0c1a52-0d8e-4c55-9b7e-2a1f1c1e0002');
      expect(second?.site).toBe('www.chinapower.example');
      // Fields of v1 are untouched.
      expect(second).toMatchObject({
        body: '新能源装机目标',
        color: 'green',
        modified: '2026-03-02T09:00:00.000Z',
      });
      // The v2 indexes work on upgraded rows.
      expect(await db.notes.where('site').equals('www.nmg.gov.cn').count()).toBe(1);
      await db.notes.update(first!.id, { tags: ['帮扶'] });
      expect(await db.notes.where('tags').equals('帮扶').count()).toBe(1);
      db.close();
    },
  );

  it('upgrades a frozen v2 database to the current schema: every note kept as it was, an empty library added', async () => {
    const dump = FROZEN.find((d) => d.version === 2)!;
    const factory = new IDBFactory();
    await loadFrozen(dump, factory);
    const db = freshDb(factory);
    expect(await db.notes.orderBy('id').toArray()).toEqual(dump.notes);
    expect(await db.libraryDocs.count()).toBe(0);
    expect(await db.libraryFigures.count()).toBe(0);
    db.close();
  });

  it('opens a frozen database of the current version unchanged', async () => {
    const dump = FROZEN.find((d) => d.version === CURRENT_VERSION)!;
    const factory = new IDBFactory();
    await loadFrozen(dump, factory);
    const db = freshDb(factory);
    expect(await db.notes.orderBy('id').toArray()).toEqual(dump.notes);
    expect(await db.notes.where('tags').equals('能源').count()).toBe(1);
    db.close();
  });

  it('creates an empty current database from scratch', async () => {
    const db = freshDb();
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(db.notes.schema.indexes.map((i) => i.name).sort()).toEqual(
      ['canonicalUrl', 'fingerprintKey', 'modified', 'quoteFolded', 'site', 'tags', 'url'].sort(),
    );
    expect(db.corrections.schema.indexes.map((i) => i.name).sort()).toEqual(['fingerprintKey', 'modified']);
    db.close();
  });
});
