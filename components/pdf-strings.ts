/**
 * The PDF reader's strings (the reader page and the popup's offer) in 简体中文, 繁體中文 and English,
 * in the style of ui-strings.ts but apart from it, so the reader content script, which bundles
 * ui-strings for its card, does not carry them.
 *
 * @module
 */
import type { UiLocale } from './ui-strings';

const EN = {
  pdfTab: 'This tab shows a PDF.',
  pdfOpenReader: 'Open in PlanLens reader',
  readerTitle: 'PlanLens reader',
  readerNoFile: 'No PDF address was given, or it is not a web or file address.',
  readerLoadError: 'The PDF could not be opened:',
  readerScanned:
    'This PDF has no text layer (it is probably a scanned image), so PlanLens cannot read or highlight it.',
  readerZoomIn: 'Zoom in',
  readerZoomOut: 'Zoom out',
  readerSearch: 'Search in the PDF',
  readerMatches: '{n} matches',
  readerCounts: '{pages} pages · {targets} targets · {achieved} achieved',
};

/** Every reader string key. */
export type PdfStringKey = keyof typeof EN;

const TABLES: Record<UiLocale, Record<PdfStringKey, string>> = {
  en: EN,
  'zh-Hans': {
    pdfTab: '此标签页显示的是 PDF。',
    pdfOpenReader: '在 PlanLens 阅读器中打开',
    readerTitle: 'PlanLens 阅读器',
    readerNoFile: '未提供 PDF 地址，或地址不是网页或本地文件地址。',
    readerLoadError: '无法打开此 PDF：',
    readerScanned: '此 PDF 没有文字层（可能是扫描图像），PlanLens 无法读取或高亮。',
    readerZoomIn: '放大',
    readerZoomOut: '缩小',
    readerSearch: '在 PDF 中搜索',
    readerMatches: '{n} 处匹配',
    readerCounts: '{pages} 页 · {targets} 个目标 · {achieved} 个完成情况',
  },
  'zh-Hant': {
    pdfTab: '此分頁顯示的是 PDF。',
    pdfOpenReader: '在 PlanLens 閱讀器中開啟',
    readerTitle: 'PlanLens 閱讀器',
    readerNoFile: '未提供 PDF 位址，或位址不是網頁或本機檔案位址。',
    readerLoadError: '無法開啟此 PDF：',
    readerScanned: '此 PDF 沒有文字層（可能是掃描影像），PlanLens 無法讀取或標示。',
    readerZoomIn: '放大',
    readerZoomOut: '縮小',
    readerSearch: '在 PDF 中搜尋',
    readerMatches: '{n} 處相符',
    readerCounts: '{pages} 頁 · {targets} 個目標 · {achieved} 個完成情況',
  },
};

/** The reader's string table for a locale; `format` fills `{n}` placeholders as uiStrings does. */
export function pdfStrings(locale: UiLocale) {
  const table = TABLES[locale];
  return {
    t: (key: PdfStringKey) => table[key],
    format: (key: PdfStringKey, values: Record<string, string | number>) =>
      table[key].replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole)),
  };
}

/** A locale's reader string helpers. */
export type PdfStrings = ReturnType<typeof pdfStrings>;
