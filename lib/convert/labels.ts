/**
 * UI strings of the conversion feature in 简体中文, 繁體中文 and English, chosen by the browser
 * language.
 *
 * @module
 */
import type { PageScript, ScriptTarget } from './targets';

/** The UI languages we ship. */
export type UiLanguage = 'zh-Hans' | 'zh-Hant' | 'en';

/** Maps a browser language tag (zh-CN, zh-TW, zh-HK, en-US…) to a UI language; unknown → English. */
export function pickUiLanguage(tag: string | undefined): UiLanguage {
  const lower = (tag ?? '').toLowerCase().replace('_', '-');
  if (!lower.startsWith('zh')) return 'en';
  return /hant|tw|hk|mo/.test(lower) ? 'zh-Hant' : 'zh-Hans';
}

interface ConvertStrings {
  targets: Record<ScriptTarget, string>;
  scripts: Record<PageScript, string>;
  heading: string;
  detected: string;
  twpOptIn: string;
  twpNote: string;
  hidePinyin: string;
  rememberSite: string;
  rememberDefault: string;
  unavailable: string;
  menuParent: string;
}

const STRINGS: Record<UiLanguage, ConvertStrings> = {
  'zh-Hans': {
    targets: {
      cn: '简体',
      tw: '繁体（台湾）',
      hk: '繁体（香港）',
      twp: '繁体（台湾用语）',
      original: '原文',
    },
    scripts: { simplified: '简体', traditional: '繁体', mixed: '简繁混合', unknown: '未知' },
    heading: '简繁转换',
    detected: '本页文字',
    twpOptIn: '提供“台湾用语”选项',
    twpNote: '台湾用语会改写词汇（如 经济运行→經濟執行），不适合政策原文。',
    hidePinyin: '隐藏夹注拼音',
    rememberSite: '记住此网站',
    rememberDefault: '设为规划页面默认',
    unavailable: '此页面无法转换。',
    menuParent: '简繁转换',
  },
  'zh-Hant': {
    targets: {
      cn: '簡體',
      tw: '繁體（臺灣）',
      hk: '繁體（香港）',
      twp: '繁體（臺灣用語）',
      original: '原文',
    },
    scripts: { simplified: '簡體', traditional: '繁體', mixed: '簡繁混合', unknown: '未知' },
    heading: '簡繁轉換',
    detected: '本頁文字',
    twpOptIn: '提供「臺灣用語」選項',
    twpNote: '臺灣用語會改寫詞彙（如 经济运行→經濟執行），不適合政策原文。',
    hidePinyin: '隱藏夾注拼音',
    rememberSite: '記住此網站',
    rememberDefault: '設為規劃頁面預設',
    unavailable: '此頁面無法轉換。',
    menuParent: '簡繁轉換',
  },
  en: {
    targets: {
      cn: 'Simplified',
      tw: 'Traditional (Taiwan)',
      hk: 'Traditional (Hong Kong)',
      twp: 'Traditional (Taiwan phrases)',
      original: 'Original',
    },
    scripts: { simplified: 'Simplified', traditional: 'Traditional', mixed: 'Mixed', unknown: 'Unknown' },
    heading: 'Chinese script',
    detected: 'This page is in',
    twpOptIn: 'Offer Taiwan phrases',
    twpNote: 'Taiwan phrases rewrite vocabulary (经济运行→經濟執行); not for quoting policy text.',
    hidePinyin: 'Hide inline pinyin',
    rememberSite: 'Remember for this site',
    rememberDefault: 'Default for plan pages',
    unavailable: 'This page cannot be converted.',
    menuParent: 'Chinese script',
  },
};

/** The conversion feature's strings for `language`. */
export function convertStrings(language: UiLanguage): ConvertStrings {
  return STRINGS[language];
}
