import { describe, expect, it } from 'vitest';
import type { UiLocale } from './locale';
import * as en from './locales/en';
import * as hans from './locales/zh-hans';
import * as hant from './locales/zh-hant';
import { FEATURE_IDS } from '../detect/features';
import {
  convertStrings,
  describeReason,
  formatString,
  manifestMessageFiles,
  notesStrings,
  uiStrings,
} from './strings';

const LOCALES: [UiLocale, typeof en][] = [
  ['en', en],
  ['zh-Hans', hans],
  ['zh-Hant', hant],
];

describe('the one string table', () => {
  it.each(LOCALES)('%s has every key of every section, none empty, same placeholders', (_, table) => {
    for (const section of ['page', 'notes', 'convert', 'options', 'manifest', 'targets', 'ledger'] as const) {
      const reference = en[section] as Record<string, string>;
      const strings = table[section] as Record<string, string>;
      expect(Object.keys(strings).sort(), section).toEqual(Object.keys(reference).sort());
      for (const [key, text] of Object.entries(reference)) {
        expect(strings[key], `${section}.${key}`).not.toBe('');
        const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
        expect(holes(strings[key]!), `${section}.${key}`).toEqual(holes(text));
      }
    }
  });

  it('speaks each language in every section for one locale (no mixed-script popup)', () => {
    expect([
      uiStrings('zh-Hant').t('highlightSwitch'),
      notesStrings('zh-Hant').addNote,
      convertStrings('zh-Hant').heading,
    ]).toEqual(['在此頁面標示目標', '新增批註', '簡繁轉換']);
    expect([
      uiStrings('zh-Hans').t('highlightSwitch'),
      notesStrings('zh-Hans').addNote,
      convertStrings('zh-Hans').heading,
    ]).toEqual(['在此页面高亮目标', '添加批注', '简繁转换']);
    expect(convertStrings('en').targets.hk).toBe('Traditional (Hong Kong)');
    expect(Object.values(convertStrings('zh-Hant').targets).slice(0, 4)).toEqual([
      '簡體',
      '繁體（臺灣）',
      '繁體（香港）',
      '繁體（臺灣用語）',
    ]);
  });

  it('fills placeholders and leaves a missing one visible', () => {
    expect(uiStrings('en').format('cardPosition', { n: 3, total: 12 })).toBe('3 of 12');
    expect(uiStrings('zh-Hans').format('cardPosition', { n: 3 })).toBe('第 3 个，共 {total} 个');
    expect(formatString(notesStrings('zh-Hans').imported, { added: 3, skipped: 1 })).toBe(
      '已导入 3 条批注，跳过 1 条重复。',
    );
  });

  it('generates the manifest locales Chrome reads', () => {
    const files = manifestMessageFiles();
    expect(files.map((f) => f.relativeDest)).toEqual([
      '_locales/en/messages.json',
      '_locales/zh_CN/messages.json',
      '_locales/zh_TW/messages.json',
    ]);
    const zhTw = JSON.parse(files[2]!.contents) as Record<string, { message: string }>;
    expect(zhTw.commandAddNote).toEqual({ message: '為選取的文字新增批註' });
  });
});

describe('describeReason', () => {
  it.each([
    ['en', 'lead-work-report', 'The page calls itself a government work report'],
    ['zh-Hans', 'lead-work-report', '页面自称政府工作报告'],
    ['zh-Hant', '-lead-statistics', '反向：頁面是統計公報'],
    ['en', '-procedure-wording', 'against: The text is about congress proceedings (review, vote)'],
    ['en', 'some-future-cue', 'some-future-cue'],
    ['en', 'against', 'against'],
  ] as const)('%s %s → %s', (locale, signal, expected) => {
    expect(describeReason(locale, signal)).toBe(expected);
  });

  it('words every reason the detector can give, in every language', () => {
    const ids = [...FEATURE_IDS, 'plan-phrasing', 'other-phrasing', 'mostly-links', 'no-chinese-text'];
    for (const locale of ['en', 'zh-Hans', 'zh-Hant'] as const) {
      for (const id of ids) expect(describeReason(locale, id), `${locale} ${id}`).not.toBe(id);
    }
  });
});
