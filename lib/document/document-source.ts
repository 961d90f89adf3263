/**
 * Where a quoted figure comes from, in the words a citation needs: the document's title without
 * the site's chrome, its date (成文日期, the signature or speech dateline, else the published date),
 * and a plain-text citation of a sentence. Small and dependency-free, so the in-page reader can
 * carry it (lib/document/document-fields is the full reading, for the ledger).
 *
 * @module
 */

/** A document as a citation names it. */
export interface DocumentSource {
  /** The document's title without site chrome; the address when the page has no title. */
  title: string;
  url: string;
  /** `YYYY-MM-DD`, or '' when the page states no date for the document. */
  date: string;
}

/** What {@link readDocumentDate} reads. */
export interface DocumentDateInput {
  /** The first characters of the page's whole text (labels such as 成文日期 sit above the article). */
  pageHead: string;
  /** The article's text (its signature or speech dateline). */
  article: string;
  /** Dates the page's metadata gives (`<meta name="PubDate">`, `article:published_time`), as written. */
  metaDates?: readonly string[];
}

/** Site chrome after a page title: `…的通知_政策文件_内蒙古自治区人民政府`, `… - 中国政府网`, `…|新华网`. */
const TITLE_CHROME = /\s*(?:[_|｜]|\s[-–—]\s|(?<![\d\s])-(?![\d\s])).*$/u;

/** A written date: `2026年2月13日`, `2026年02月13日`, `二〇二六年二月十三日`, `2026-02-13`, `2026/2/13`, `2026.02.13`. */
const DATE =
  '((?:19|20)\\d{2}|[一二][〇○零一二三四五六七八九]{3})\\s*年\\s*([\\d一二三四五六七八九十]{1,3})\\s*月\\s*([\\d一二三四五六七八九十]{1,3})\\s*日|((?:19|20)\\d{2})[-/.](\\d{1,2})[-/.](\\d{1,2})(?!\\d)';

/** 成文日期 (the date the document was signed): the document's own date wherever it is shown. */
const SIGNED_LABEL = new RegExp(`成文日期\\s*[:：]?\\s*(?:${DATE})`, 'u');
/** A line that is a date and nothing else (a notice's signature date). */
const DATE_LINE = new RegExp(`^[\\s（(]*(?:${DATE})[\\s）)]*$`, 'mu');
/** A speech's dateline: `——2023年1月12日在内蒙古自治区第十四届人民代表大会…`. */
const SPEECH_LINE = new RegExp(`^[\\s—－-]*(?:${DATE})\\s*在`, 'mu');
/** 发布日期 / 发布时间 / 發佈時間 / 日期 labels of a portal's article header. */
const PUBLISHED_LABEL = new RegExp(
  `(?:发布|發布|發佈|发文|印发|印發)?(?:日期|时间|時間)\\s*[:：]?\\s*(?:${DATE})`,
  'u',
);

/** Chinese digits as a signature writes them (〇 and ○ both seen for zero). */
const CN_DIGITS = '〇一二三四五六七八九';

function digitOf(c: string): number {
  return c === '○' || c === '零' ? 0 : Math.max(0, CN_DIGITS.indexOf(c));
}

/** `13`, `十三`, `二十`, `十` → a number; the year form (`二〇二六`) reads digit by digit. */
function readNumber(written: string): number {
  if (/^\d+$/u.test(written)) return Number(written);
  if (!written.includes('十')) return Number([...written].map(digitOf).join(''));
  const [tens, ones] = written.split('十');
  return (tens ? digitOf(tens) : 1) * 10 + (ones ? digitOf(ones) : 0);
}

/** A match of {@link DATE} (groups from `at`) as `YYYY-MM-DD`, or '' when it is no calendar date. */
function toIsoDate(groups: readonly (string | undefined)[], at: number): string {
  const [y, m, d] = groups[at] ? groups.slice(at, at + 3) : groups.slice(at + 3, at + 6);
  const year = readNumber(y ?? '');
  const month = readNumber(m ?? '');
  const day = readNumber(d ?? '');
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > 31) return '';
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The first date `pattern` finds in `text`, as `YYYY-MM-DD`; '' when none. */
function findDate(pattern: RegExp, text: string): string {
  const match = pattern.exec(text);
  return match ? toIsoDate([...match], 1) : '';
}

/**
 * The document's date as `YYYY-MM-DD`, from the first of: a 成文日期 label in the page's head; a
 * line of the article that is only a date (the signature, `2026年2月13日` or `二〇二六年二月十三日`);
 * a speech's dateline (`——2023年1月12日在…人民代表大会`); a 发布日期/发布时间/發布時間/日期 label
 * in the page's head; the page's metadata. '' when none of these holds a calendar date.
 *
 * Edge cases: a portal's "today" in its header (`2026年11月22日 星期日`) is not a date line (it
 * has a weekday) and has no label, so it is never taken; impossible dates (month 13) are skipped.
 */
export function readDocumentDate({ pageHead, article, metaDates = [] }: DocumentDateInput): string {
  for (const [pattern, text] of [
    [SIGNED_LABEL, pageHead],
    [DATE_LINE, article],
    [SPEECH_LINE, article],
    [PUBLISHED_LABEL, pageHead],
  ] as const) {
    const date = findDate(pattern, text);
    if (date) return date;
  }
  const anyDate = new RegExp(DATE, 'u');
  for (const meta of metaDates) {
    const date = findDate(anyDate, meta);
    if (date) return date;
  }
  return '';
}

/**
 * A page title without the site's chrome (`…的通知_政策文件_内蒙古自治区人民政府` → `…的通知`);
 * the title as it is when cutting would leave nothing. Dates and ranges (`2021-2025年`) are kept.
 */
export function cleanDocumentTitle(title: string): string {
  const trimmed = title.trim();
  return trimmed.replace(TITLE_CHROME, '').trim() || trimmed;
}

/**
 * A sentence with its source, as pasted into a report: the sentence, then `——《title》，date` and the
 * address on its own line (parts the document lacks are left out).
 */
export function citeSentence(sentence: string, source: DocumentSource): string {
  const title = source.title && source.title !== source.url ? `《${source.title}》` : '';
  const byline = [title, source.date].filter(Boolean).join('，');
  return [sentence.trim(), byline && `——${byline}`, source.url].filter(Boolean).join('\n');
}
