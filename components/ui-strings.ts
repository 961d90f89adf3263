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
  reasonAgainst: 'against: {reason}',
  'reason_lead-work-report': 'The page calls itself a government work report',
  'reason_lead-annual-plan': 'The page calls itself an annual development plan or its progress report',
  'reason_lead-outline': 'The page calls itself a five-year plan outline',
  'reason_lead-scheme': 'The page calls itself an action or implementation plan',
  'reason_lead-livelihood': 'The page calls itself a list of livelihood projects',
  'reason_lead-policy-address': 'The page calls itself a policy address',
  'reason_text-work-report': 'The text talks about a government work report',
  'reason_text-annual-plan': 'The text talks about an annual development plan',
  'reason_text-outline': 'The text talks about a five-year plan',
  'reason_text-scheme': 'The text talks about an action or implementation plan',
  'reason_text-livelihood': 'The text talks about livelihood projects',
  'reason_text-policy-address': 'The text talks about a policy address',
  'reason_targets-heading': 'The text names its main targets',
  'reason_target-wording': 'Many figures are worded as targets (about, at least, within)',
  'reason_growth-wording': 'The text talks about growth and increases',
  'reason_future-wording': 'The text looks ahead (this year, by 2030)',
  'reason_percent-figures': 'The text has many percentages',
  'reason_speech-to-congress': 'It reads like a speech to a people’s congress',
  'reason_numeric-targets': 'Figures are set as targets',
  'reason_goal-words': 'The text speaks of goals',
  'reason_gov-host': 'A government website',
  'reason_lead-statistics': 'The page is a statistics bulletin',
  'reason_text-statistics': 'The text cites a statistics bulletin',
  'reason_lead-procedure': 'The headline is about congress proceedings',
  'reason_procedure-wording': 'The text is about congress proceedings (review, vote)',
  'reason_word-count-commentary': 'The text comments on the report (word counts, key words)',
  'reason_lead-commentary': 'The headline reads as commentary or a preview',
  'reason_lead-numeric-targets': 'The headline states targets in figures',
  'reason_named-with-targets': 'The page names itself a plan and states figures as targets',
  'reason_company-wording': 'The text is about a company',
  'reason_admissions-wording': 'The text is about school admissions',
  'reason_sports-wording': 'The text is about sports',
  'reason_budget-wording': 'The text is about a budget',
  'reason_encyclopedia-wording': 'The page is an encyclopedia or glossary entry',
  'reason_achieved-wording': 'The figures are results already achieved',
  'reason_resolution-wording': 'The text is about a resolution or approval',
  'reason_mostly-links': 'The page is mostly links (an index page)',
  'reason_no-chinese-text': 'No Chinese text on the page',
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
    reasonAgainst: '反向：{reason}',
    'reason_lead-work-report': '页面自称政府工作报告',
    'reason_lead-annual-plan': '页面自称国民经济和社会发展计划或其执行情况报告',
    'reason_lead-outline': '页面自称五年规划（纲要）',
    'reason_lead-scheme': '页面自称行动方案或实施方案',
    'reason_lead-livelihood': '页面自称民生实事项目',
    'reason_lead-policy-address': '页面自称施政报告',
    'reason_text-work-report': '正文提到政府工作报告',
    'reason_text-annual-plan': '正文提到国民经济和社会发展计划',
    'reason_text-outline': '正文提到五年规划',
    'reason_text-scheme': '正文提到行动方案或实施方案',
    'reason_text-livelihood': '正文提到民生实事',
    'reason_text-policy-address': '正文提到施政报告',
    'reason_targets-heading': '正文列出主要目标',
    'reason_target-wording': '大量“左右、以上、不低于”等目标用语',
    'reason_growth-wording': '正文多谈增长与提高',
    'reason_future-wording': '正文着眼今后（今年、到2030年）',
    'reason_percent-figures': '正文有大量百分比',
    'reason_speech-to-congress': '像是向人民代表大会所作的报告',
    'reason_numeric-targets': '有数字形式的目标',
    'reason_goal-words': '正文多谈目标',
    'reason_gov-host': '政府网站',
    'reason_lead-statistics': '页面是统计公报',
    'reason_text-statistics': '正文引用统计公报',
    'reason_lead-procedure': '标题讲的是会议议程',
    'reason_procedure-wording': '正文讲的是会议审议、表决等程序',
    'reason_word-count-commentary': '正文是对报告的评论（字数、热词）',
    'reason_lead-commentary': '标题像是评论或前瞻',
    'reason_lead-numeric-targets': '标题给出数字目标',
    'reason_named-with-targets': '页面自称规划类文件并给出数字目标',
    'reason_company-wording': '正文讲的是企业',
    'reason_admissions-wording': '正文讲的是招生录取',
    'reason_sports-wording': '正文讲的是体育赛事',
    'reason_budget-wording': '正文讲的是预算',
    'reason_encyclopedia-wording': '页面是百科或释义',
    'reason_achieved-wording': '数字多为已完成的结果',
    'reason_resolution-wording': '正文讲的是决议或批准',
    'reason_mostly-links': '页面大多是链接（目录页）',
    'reason_no-chinese-text': '页面没有中文',
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
    reasonAgainst: '反向：{reason}',
    'reason_lead-work-report': '頁面自稱政府工作報告',
    'reason_lead-annual-plan': '頁面自稱國民經濟和社會發展計劃或其執行情況報告',
    'reason_lead-outline': '頁面自稱五年規劃（綱要）',
    'reason_lead-scheme': '頁面自稱行動方案或實施方案',
    'reason_lead-livelihood': '頁面自稱民生實事項目',
    'reason_lead-policy-address': '頁面自稱施政報告',
    'reason_text-work-report': '正文提到政府工作報告',
    'reason_text-annual-plan': '正文提到國民經濟和社會發展計劃',
    'reason_text-outline': '正文提到五年規劃',
    'reason_text-scheme': '正文提到行動方案或實施方案',
    'reason_text-livelihood': '正文提到民生實事',
    'reason_text-policy-address': '正文提到施政報告',
    'reason_targets-heading': '正文列出主要目標',
    'reason_target-wording': '大量「左右、以上、不低於」等目標用語',
    'reason_growth-wording': '正文多談增長與提高',
    'reason_future-wording': '正文著眼今後（今年、到2030年）',
    'reason_percent-figures': '正文有大量百分比',
    'reason_speech-to-congress': '像是向人民代表大會所作的報告',
    'reason_numeric-targets': '有數字形式的目標',
    'reason_goal-words': '正文多談目標',
    'reason_gov-host': '政府網站',
    'reason_lead-statistics': '頁面是統計公報',
    'reason_text-statistics': '正文引用統計公報',
    'reason_lead-procedure': '標題講的是會議議程',
    'reason_procedure-wording': '正文講的是會議審議、表決等程序',
    'reason_word-count-commentary': '正文是對報告的評論（字數、熱詞）',
    'reason_lead-commentary': '標題像是評論或前瞻',
    'reason_lead-numeric-targets': '標題給出數字目標',
    'reason_named-with-targets': '頁面自稱規劃類文件並給出數字目標',
    'reason_company-wording': '正文講的是企業',
    'reason_admissions-wording': '正文講的是招生錄取',
    'reason_sports-wording': '正文講的是體育賽事',
    'reason_budget-wording': '正文講的是預算',
    'reason_encyclopedia-wording': '頁面是百科或釋義',
    'reason_achieved-wording': '數字多為已完成的結果',
    'reason_resolution-wording': '正文講的是決議或批准',
    'reason_mostly-links': '頁面大多是連結（目錄頁）',
    'reason_no-chinese-text': '頁面沒有中文',
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

/**
 * A detection reason (`lead-work-report`, `-procedure-wording`; see lib/detect/detect.ts) in plain
 * words of `strings`' language; a `-` prefix (a reason against) reads "against: …". An id without
 * a string (from a newer detector) is shown as it is rather than dropped.
 */
export function describeReason(strings: UiStrings, signal: string): string {
  const against = signal.startsWith('-');
  const key = `reason_${against ? signal.slice(1) : signal}`;
  if (!(key in EN)) return signal;
  const words = strings.t(key as UiStringKey);
  return against ? strings.format('reasonAgainst', { reason: words }) : words;
}
