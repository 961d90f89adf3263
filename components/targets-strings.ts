/**
 * The side panel's Targets and Outline strings in English, 简体中文 and 繁體中文, chosen from the
 * browser's UI language (same shape as notes-strings, until the options work unifies the tables).
 *
 * @module
 */

const EN = {
  tabTargets: 'Targets',
  tabOutline: 'Outline',
  tableLabel: 'Targets on this page',
  col_indicator: 'Indicator',
  col_quote: 'As written',
  col_normal: 'Value',
  col_unit: 'Unit',
  col_qualifier: 'Qualifier',
  col_direction: 'Direction',
  col_kind: 'Kind',
  col_year: 'Year',
  col_section: 'Section',
  dir_up: 'up',
  dir_down: 'down',
  kind_target: 'target',
  kind_achieved: 'achieved',
  filterText: 'Filter',
  filterTextPlaceholder: 'Filter (简/繁 alike)',
  filterKind: 'Kind',
  filterSection: 'Section',
  any: 'All',
  shown: '{shown} of {total} shown',
  exportCsv: 'CSV',
  copyTsv: 'Copy',
  exportJson: 'JSON',
  exportMarkdown: 'Markdown',
  exportLabel: 'Export what is shown',
  copied: '{n} rows copied.',
  copyFailed: 'Could not copy:',
  noTargets: 'No highlighted quantities on this page.',
  noReader: 'PlanLens is not running in this tab.',
  outlineLabel: 'Sections of this page',
  noOutline: 'This page has no numbered sections.',
  outlineCounts: '{targets} targets · {achieved} achieved',
  sortBy: 'Sort by {column}',
};

/** A key of the targets strings. */
export type TargetsStringKey = keyof typeof EN;
/** A table of targets UI strings. */
export type TargetsStrings = Record<TargetsStringKey, string>;

const HANS: TargetsStrings = {
  tabTargets: '目标',
  tabOutline: '目录',
  tableLabel: '本页的目标',
  col_indicator: '指标',
  col_quote: '原文',
  col_normal: '数值',
  col_unit: '单位',
  col_qualifier: '限定',
  col_direction: '方向',
  col_kind: '类别',
  col_year: '年份',
  col_section: '章节',
  dir_up: '增长',
  dir_down: '降低',
  kind_target: '目标',
  kind_achieved: '实绩',
  filterText: '筛选',
  filterTextPlaceholder: '筛选（简繁通用）',
  filterKind: '类别',
  filterSection: '章节',
  any: '全部',
  shown: '显示 {shown} / {total} 条',
  exportCsv: 'CSV',
  copyTsv: '复制',
  exportJson: 'JSON',
  exportMarkdown: 'Markdown',
  exportLabel: '导出所显示的行',
  copied: '已复制 {n} 行。',
  copyFailed: '无法复制：',
  noTargets: '本页没有标出的数量。',
  noReader: 'PlanLens 未在此标签页运行。',
  outlineLabel: '本页章节',
  noOutline: '本页没有编号章节。',
  outlineCounts: '目标 {targets} · 实绩 {achieved}',
  sortBy: '按{column}排序',
};

const HANT: TargetsStrings = {
  ...HANS,
  tabTargets: '目標',
  tabOutline: '目錄',
  tableLabel: '本頁的目標',
  col_indicator: '指標',
  col_normal: '數值',
  col_unit: '單位',
  col_direction: '方向',
  col_kind: '類別',
  col_section: '章節',
  dir_up: '增長',
  kind_target: '目標',
  kind_achieved: '實績',
  filterText: '篩選',
  filterTextPlaceholder: '篩選（簡繁通用）',
  filterKind: '類別',
  filterSection: '章節',
  shown: '顯示 {shown} / {total} 條',
  copyTsv: '複製',
  exportLabel: '匯出所顯示的列',
  copied: '已複製 {n} 列。',
  copyFailed: '無法複製：',
  noTargets: '本頁沒有標出的數量。',
  noReader: 'PlanLens 未在此分頁執行。',
  outlineLabel: '本頁章節',
  noOutline: '本頁沒有編號章節。',
  outlineCounts: '目標 {targets} · 實績 {achieved}',
  sortBy: '按{column}排序',
};

/** The strings for a BCP 47 language tag: 繁體 for zh-TW/HK/MO/Hant, 简体 for other zh, else English. */
export function targetsStrings(language: string): TargetsStrings {
  const tag = language.toLowerCase();
  if (!tag.startsWith('zh')) return EN;
  return /hant|tw|hk|mo/u.test(tag) ? HANT : HANS;
}
