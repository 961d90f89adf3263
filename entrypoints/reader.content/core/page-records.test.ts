// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPageRecords } from './page-records';

const sent = vi.hoisted(() => [] as Array<{ name: string; data: unknown }>);

vi.mock('../../../lib/messaging/runtime', () => ({
  sendMessage: async (name: string, data: unknown) => {
    sent.push({ name, data });
    return {
      notes: { here: [], elsewhere: [], fingerprint: null },
      corrections: { fingerprintKey: 'k', corrections: [] },
    };
  },
}));

const LEAD = { title: '2025年国民经济和社会发展计划', head: '关于2024年国民经济和社会发展计划执行情况' };

describe('createPageRecords', () => {
  beforeEach(() => {
    sent.length = 0;
  });

  it('sends one request for both features and gives each the answer once', async () => {
    const records = createPageRecords();
    const notes = records.take('notes', LEAD);
    const highlight = records.take('highlight', { ...LEAD });
    expect(sent.map((s) => s.name)).toEqual(['readerPageRecords']);
    expect(sent[0]!.data).toMatchObject(LEAD);
    expect((await highlight)?.corrections.fingerprintKey).toBe('k');
    expect(await notes).toBe(await highlight);
    // A second read (after a save, a reload) asks the feature's own message.
    expect(records.take('notes', LEAD)).toBeNull();
    expect(records.take('highlight', LEAD)).toBeNull();
    expect(sent).toHaveLength(1);
  });

  it('gives no start-up answer to a feature reading a page whose head changed since', () => {
    const records = createPageRecords();
    expect(records.take('notes', LEAD)).not.toBeNull();
    expect(
      records.take('highlight', { ...LEAD, head: '关于2025年国民经济和社会发展计划草案的报告' }),
    ).toBeNull();
    expect(sent).toHaveLength(1);
  });
});
