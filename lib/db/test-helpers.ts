/**
 * Test helpers for the notes database: a fresh in-memory IndexedDB per call, and note drafts made
 * from real clauses of the seed plans.
 *
 * @module
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { NoteDraft } from './note';
import { PlanLensDb } from './schema';

/** A PlanLens database on its own in-memory IndexedDB (no state shared between tests). */
export function freshDb(factory = new IDBFactory()): PlanLensDb {
  return new PlanLensDb({ indexedDB: factory, IDBKeyRange });
}

/** A note draft on a real clause of the 2026 plan (seed 003). */
export function draftOn(exact: string, overrides: Partial<NoteDraft> = {}): NoteDraft {
  return {
    url: 'http://www.nmg.gov.cn/zwgk/2026/plan.html#section',
    canonicalUrl: '',
    title: '内蒙古自治区人民政府关于下达2026年自治区国民经济和社会发展计划的通知',
    fingerprint: {
      title: '内蒙古自治区人民政府关于下达2026年自治区国民经济和社会发展计划的通知',
      docNumber: '内政发〔2026〕5号',
      date: '2026-02-13',
      key: 'doc:内政发[2026]5号',
    },
    quote: { type: 'TextQuoteSelector', exact, prefix: '建立常态化帮扶政策体系,', suffix: '。' },
    position: { type: 'TextPositionSelector', start: 100, end: 100 + exact.length },
    sectionPath: ['十一、优化区域经济布局,提升协调发展水平'],
    body: '',
    color: 'yellow',
    tags: [],
    ...overrides,
  };
}
