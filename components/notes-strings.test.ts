import { describe, expect, it } from 'vitest';
import { formatString, notesStrings } from './notes-strings';

describe('notesStrings', () => {
  it.each([
    ['en-US', 'Add note', 'Save'],
    ['zh-CN', '添加批注', '保存'],
    ['zh', '添加批注', '保存'],
    ['zh-TW', '新增批註', '儲存'],
    ['zh-Hant-HK', '新增批註', '儲存'],
    ['fr', 'Add note', 'Save'],
  ])('gives %s the right names', (language, add, save) => {
    const strings = notesStrings(language);
    expect([strings.addNote, strings.save]).toEqual([add, save]);
  });

  it('has every string in every language, none empty', () => {
    const en = notesStrings('en');
    for (const language of ['zh-CN', 'zh-TW']) {
      const table = notesStrings(language);
      for (const key of Object.keys(en) as (keyof typeof en)[]) expect(table[key], key).not.toBe('');
    }
  });

  it('fills placeholders', () => {
    expect(formatString(notesStrings('zh-CN').imported, { added: 3, skipped: 1 })).toBe(
      '已导入 3 条批注，跳过 1 条重复。',
    );
  });
});
