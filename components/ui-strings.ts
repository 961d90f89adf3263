/**
 * The page feature's UI strings (popup and hover card) in 简体中文, 繁體中文 and English, and the
 * choice among them from the browser's UI language. Pure: no extension API here.
 *
 * @module
 */

/** The three UI languages. */
export type UiLocale = 'zh-Hans' | 'zh-Hant' | 'en';

const EN = {
  popupTitle: 'PlanLens',
  unsupported: 'PlanLens works on web pages (http and https) only.',
  noDetection: 'This page has not been checked yet.',
  detected: 'Plan page detected',
  notDetected: 'Not detected as a plan page',
  kindLabel: 'Kind',
  scoreLabel: 'Score',
  kind_plan: 'development plan',
  kind_report: 'work report',
  kind_policy: 'policy notice',
  showSignals: 'Detection signals',
  noSignals: 'No signals.',
  targetsLabel: 'Targets',
  achievedLabel: 'Achieved figures',
  highlightSwitch: 'Highlight targets on this page',
  siteChoiceLegend: 'On this site',
  choice_auto: 'Automatic (plan pages only)',
  choice_always: 'Always on',
  choice_never: 'Never',
  error: 'Something went wrong:',
  cardLabel: 'PlanLens target',
  cardIndicator: 'Indicator',
  cardQuantity: 'Quantity',
  cardQualifier: 'Qualifier',
  cardKind: 'Kind',
  cardSection: 'Section',
  cardNone: '—',
  kind_target: 'target',
  kind_achieved: 'achieved',
  cardPrev: 'Previous target',
  cardNext: 'Next target',
  cardClose: 'Close',
  cardPosition: '{n} of {total}',
  cardHint: '[ and ] move, Esc closes',
};

/** Every string key. */
export type UiStringKey = keyof typeof EN;

const TABLES: Record<UiLocale, Record<UiStringKey, string>> = {
  en: EN,
  'zh-Hans': {
    popupTitle: 'PlanLens 规划透镜',
    unsupported: 'PlanLens 只在网页（http 和 https）上工作。',
    noDetection: '尚未检查此页面。',
    detected: '已识别为规划类页面',
    notDetected: '未识别为规划类页面',
    kindLabel: '类型',
    scoreLabel: '得分',
    kind_plan: '发展计划',
    kind_report: '工作报告',
    kind_policy: '政策文件',
    showSignals: '识别依据',
    noSignals: '无依据。',
    targetsLabel: '目标',
    achievedLabel: '完成情况',
    highlightSwitch: '在此页面高亮目标',
    siteChoiceLegend: '在此网站',
    choice_auto: '自动（仅规划类页面）',
    choice_always: '始终开启',
    choice_never: '从不',
    error: '出错了：',
    cardLabel: 'PlanLens 目标',
    cardIndicator: '指标',
    cardQuantity: '数量',
    cardQualifier: '限定词',
    cardKind: '类别',
    cardSection: '章节',
    cardNone: '—',
    kind_target: '目标',
    kind_achieved: '已完成',
    cardPrev: '上一个目标',
    cardNext: '下一个目标',
    cardClose: '关闭',
    cardPosition: '第 {n} 个，共 {total} 个',
    cardHint: '[ 和 ] 切换，Esc 关闭',
  },
  'zh-Hant': {
    popupTitle: 'PlanLens 規劃透鏡',
    unsupported: 'PlanLens 只在網頁（http 和 https）上運作。',
    noDetection: '尚未檢查此頁面。',
    detected: '已識別為規劃類頁面',
    notDetected: '未識別為規劃類頁面',
    kindLabel: '類型',
    scoreLabel: '分數',
    kind_plan: '發展計劃',
    kind_report: '工作報告',
    kind_policy: '政策文件',
    showSignals: '識別依據',
    noSignals: '無依據。',
    targetsLabel: '目標',
    achievedLabel: '完成情況',
    highlightSwitch: '在此頁面標示目標',
    siteChoiceLegend: '在此網站',
    choice_auto: '自動（僅規劃類頁面）',
    choice_always: '一律開啟',
    choice_never: '永不',
    error: '發生錯誤：',
    cardLabel: 'PlanLens 目標',
    cardIndicator: '指標',
    cardQuantity: '數量',
    cardQualifier: '限定詞',
    cardKind: '類別',
    cardSection: '章節',
    cardNone: '—',
    kind_target: '目標',
    kind_achieved: '已完成',
    cardPrev: '上一個目標',
    cardNext: '下一個目標',
    cardClose: '關閉',
    cardPosition: '第 {n} 個，共 {total} 個',
    cardHint: '[ 和 ] 切換，Esc 關閉',
  },
};

/**
 * Picks the UI language for a BCP 47 tag: `zh-TW`, `zh-HK`, `zh-MO` and any `zh-Hant*` → 繁體;
 * any other `zh*` → 简体; everything else (and '') → English. Case and `_` separators are tolerated.
 */
export function pickUiLocale(language: string): UiLocale {
  const tag = language.toLowerCase().replaceAll('_', '-');
  if (!tag.startsWith('zh')) return 'en';
  return /^zh-(hant|tw|hk|mo)\b/.test(tag) ? 'zh-Hant' : 'zh-Hans';
}

/**
 * The string table for a locale. `format(key, {n: 1})` fills `{n}` placeholders; a missing
 * placeholder value leaves the braces, so a bug shows instead of silently vanishing.
 */
export function uiStrings(locale: UiLocale) {
  const table = TABLES[locale];
  return {
    locale,
    t: (key: UiStringKey) => table[key],
    format: (key: UiStringKey, values: Record<string, string | number>) =>
      table[key].replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole)),
  };
}

/** A locale's string helpers. */
export type UiStrings = ReturnType<typeof uiStrings>;
