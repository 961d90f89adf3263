import { describe, expect, it } from 'vitest';
import { analyzeText } from '../targets/analyze';
import { correctionIdOf } from './correction';
import { correctionsForDocument, restoreCorrection, saveCorrection } from './corrections-repo';
import { freshDb } from './test-helpers';

const [rate, jobs] = analyzeText('地区生产总值增长5%左右；城镇新增就业18万人以上。');
const KEY = 'doc:内政发[2026]5号';
const subject = (target = rate!, anchor = '值增长|5%左右|;城镇新') => ({
  fingerprintKey: KEY,
  anchor,
  target,
  url: 'http://www.nmg.gov.cn/zwgk/2026/plan.html',
  title: '2026年计划',
});

describe('corrections repository', () => {
  it('stores one correction per quantity of a document, replacing it and keeping its creation time', async () => {
    const db = freshDb();
    const first = await saveCorrection(
      db,
      subject(),
      { dismissed: true, kind: null, indicator: null },
      new Date('2026-03-01T00:00:00Z'),
    );
    expect(first).toMatchObject({
      id: correctionIdOf(KEY, '值增长|5%左右|;城镇新'),
      dismissed: true,
      quote: '5%',
      extractedKind: 'target',
      extractedIndicator: rate!.indicator,
    });
    const second = await saveCorrection(
      db,
      subject(),
      { dismissed: false, kind: 'achieved', indicator: null },
      new Date('2026-03-02T00:00:00Z'),
    );
    expect(second).toMatchObject({ dismissed: false, kind: 'achieved', created: '2026-03-01T00:00:00.000Z' });
    await saveCorrection(db, subject(jobs!, 'b'), { dismissed: false, kind: null, indicator: '新增就业' });
    await saveCorrection(
      db,
      { ...subject(jobs!, 'b'), fingerprintKey: 'title:other' },
      {
        dismissed: true,
        kind: null,
        indicator: null,
      },
    );
    const rows = await correctionsForDocument(db, KEY);
    expect(rows.map((r) => r.anchor)).toEqual(['值增长|5%左右|;城镇新', 'b']);
    expect(await correctionsForDocument(db, 'title:nothing')).toEqual([]);
  });

  it('deletes a correction that corrects nothing, and undoes to the record before', async () => {
    const db = freshDb();
    const made = await saveCorrection(db, subject(), { dismissed: false, kind: 'achieved', indicator: null });
    expect(
      await saveCorrection(db, subject(), { dismissed: false, kind: 'target', indicator: null }),
    ).toBeNull();
    expect(await db.corrections.count()).toBe(0);
    await restoreCorrection(db, made!.id, made);
    expect(await db.corrections.get(made!.id)).toEqual(made);
    await restoreCorrection(db, made!.id, null);
    expect(await db.corrections.count()).toBe(0);
  });
});
