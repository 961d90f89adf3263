/**
 * The fields of an analysed document — who issued it, for which year its targets are, what kind of
 * document it is, its own title and 发文字号 — read from the page's title, headings and opening
 * lines, so a ledger can file every figure under (jurisdiction, year, metric). Gov portals,
 * news reprints, PDF text layers, traditional-script and pinyin-laced copies give the same values:
 * everything is folded to simplified script without inline pinyin first.
 *
 * @module
 */
import { getT2s } from '../anchor/t2s';
import { findJurisdiction, readLevel, type JurisdictionLevel } from './jurisdiction';

export type { JurisdictionLevel } from './jurisdiction';

/** The kinds of documents a ledger tells apart (see the spec's `type`). */
export type DocumentType =
  | 'work-report'
  | 'annual-plan'
  | 'five-year-plan'
  | 'action-plan'
  | 'livelihood-list'
  | 'policy-address'
  | 'other';

/** One document's fields; `null` where the page does not say. */
export interface DocumentFields {
  /** The issuing government in full form: 内蒙古自治区, 呼和浩特市, 国务院. */
  jurisdiction: string | null;
  level: JurisdictionLevel | null;
  /** The year the targets are for (a five-year plan: its last year). */
  year: number | null;
  type: DocumentType;
  /** The document's own title, simplified, without site chrome; '' when none is found. */
  title: string;
  /** 发文字号 as written in the document, brackets normalised: 内政发〔2026〕5号. */
  docNumber: string | null;
}

/** What the fields are read from: the page's title, its h1–h3 and its text (the article's, or a file's). */
export interface DocumentInput {
  title: string;
  headings?: readonly string[];
  text: string;
}

/** The opening of the text that holds the title, 发文字号 and speaker's line: bounded, so folding is cheap. */
const HEAD_CHARS = 3000;
/** Lines a title may be split over (PDF text layers and CMS line breaks). */
const MAX_TITLE_LINES = 4;
/** A title line longer than this is a sentence. */
const MAX_TITLE_LINE = 60;

/** Inline pinyin after a Han character, with or without tone marks. */
const INLINE_PINYIN = /(?<=[\u3400-\u9fff\uf900-\ufaff])[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,6}[)）]/g;

/** A notice, report or opinion `关于…的…`, or a document named by its kind at the end; `（摘编）` may follow. */
const TITLE_SHAPE =
  /(?:关于.{2,80}的(?:通知|意见|决定|批复|报告|公告|通报)|(?:政府工作报告|施政报告|国民经济和社会发展计划|计划草案|执行情况|规划|纲要|行动方案|实施方案|工作方案|行动计划|民生实事|实事项目|统计公报))(?:[（(][^）)]{1,8}[）)])?$/;

/** Site chrome after a page title: `…的通知_政策文件_内蒙古自治区人民政府`, `…以上-中國電力網`. */
const TITLE_CHROME = /\s*(?:[_|｜]|\s[-–—]\s|(?<!\d)-(?!\d)).*$/;

/** 发文字号: an issuer code, the year in brackets, a serial and 号 (spaces from PDF text allowed). */
const DOC_NUMBER =
  /(?<![\u4e00-\u9fa5])([\u4e00-\u9fa5]{1,8})\s*[〔［[【(（]\s*((?:19|20)\d{2})\s*[〕］\]】)）]\s*(\d{1,4})\s*号/;

/** A speech's dateline: `——2023年1月12日在内蒙古自治区第十四届人民代表大会第一次会议上`. */
const SPEAKER_LINE = /((?:19|20)\d{2})年\d{1,2}月\d{1,2}日在([^，。,\n]{0,40}?人民代表大会)/;

/** `2026年经济社会发展的主要预期目标`, `2026年是“十五五”开局之年`. */
const GOAL_YEAR =
  /((?:19|20)\d{2})年(?:是|(?:自治区|全区|全省|全市)?(?:国民)?经济(?:和)?社会发展的?主要(?:预期)?目标)/;

/** 十四五 / 第十四个五年规划: the plan's ordinal (11 → 2006–2010). */
const FIVE_YEAR_ORDINAL = /十([一二三四五六七八九])五|第十([一二三四五六七八九])个五年/;
const CN_DIGITS = '一二三四五六七八九';

/**
 * Reads the document fields of a page or file.
 *
 * - `title`: the first of the page title (chrome after `_`, ` - `, `|` cut; `.pdf` dropped), the
 *   headings, and the opening lines (a title split over up to four lines is joined, with an issuer
 *   line above it: `内蒙古自治区人民政府` / `关于下达2020年…和` / `社会发展计划的通知`) that has the
 *   shape of a document title. A news page reprinting a report takes the report's own title
 *   (`政府工作报告`), not the headline. A statistics bulletin reprinted without its title line but
 *   opening with its byline (`内蒙古自治区统计局` / `2022年2月28日` / `2021年，…`) is named as every
 *   such bulletin is titled (`内蒙古自治区2021年国民经济和社会发展统计公报`, see
 *   {@link findBulletinTitle}). Falls back to the cleaned page title.
 * - `jurisdiction`: from the title, then the speaker's dateline (`在…人民代表大会` ;
 *   全国人民代表大会 → 国务院), then the page title and opening lines.
 * - `year`: a five-year plan's last year (十四五 → 2025; or the latest year in its title); else the
 *   latest year in the title (`关于2023年…执行情况与2024年…草案的报告` → 2024; not a 发文字号's
 *   〔2026〕 or a 远景 year); else the dateline's year; else `2026年是…`/`2026年…主要预期目标`.
 * - `type` from the title's wording (then the page title's, then the opening lines').
 * - `docNumber`: the first 发文字号 in the title or the opening lines, spaces removed and brackets
 *   written 〔〕; a document cited later in the body is not read.
 *
 * Folding traditional text builds OpenCC's converter on first use (~10 ms), only when the page has
 * traditional characters; simplified pages skip it.
 */
export function readDocumentFields(input: DocumentInput): DocumentFields {
  const fold = createFolder();
  const pageTitle = cleanPageTitle(fold(input.title));
  const headings = (input.headings ?? []).map((h) => cleanPageTitle(fold(h)));
  const head = fold(input.text.slice(0, HEAD_CHARS));
  const lines = head
    .split('\n')
    .map((line) => line.replace(/\s+/g, ''))
    .filter((line) => line !== '');

  const title = findTitle(pageTitle, headings, lines) ?? findBulletinTitle(lines) ?? pageTitle;
  const speaker = SPEAKER_LINE.exec(head.replace(/\s+/g, ''));
  const jurisdiction =
    findJurisdiction(title) ??
    (speaker ? findJurisdiction(speaker[2]!) : null) ??
    findJurisdiction(pageTitle) ??
    findHeadJurisdiction(lines);
  const type =
    readType(title) ??
    readType(pageTitle) ??
    readType(lines.slice(0, 40).filter(isTitleLine).join('\n')) ??
    'other';
  return {
    jurisdiction,
    level: jurisdiction === null ? null : readLevel(jurisdiction),
    year: readYear(title, type, speaker, head),
    type,
    title,
    docNumber: findDocNumber(title, head, lines),
  };
}

/** Folds traditional script to simplified and drops inline pinyin; simplified text stays as it is. */
function createFolder(): (text: string) => string {
  const t2s = getT2s();
  return (text) => t2s(text.replace(INLINE_PINYIN, ''));
}

/** A page title without site chrome or a file extension. */
function cleanPageTitle(title: string): string {
  return title
    .trim()
    .replace(/\.(?:pdf|docx?|wps)$/i, '')
    .replace(TITLE_CHROME, '')
    .trim();
}

/**
 * The first of the page title, a title assembled from the opening lines, and the headings that is
 * shaped like a document title. The opening lines come before the headings because a plain-text
 * file's "headings" are its short lines, fragments of a split title among them (国民经济和社会发展计划).
 */
function findTitle(pageTitle: string, headings: readonly string[], lines: readonly string[]): string | null {
  if (TITLE_SHAPE.test(pageTitle)) return pageTitle;
  return findTitleInLines(lines) ?? headings.find((h) => TITLE_SHAPE.test(h)) ?? null;
}

/**
 * A title assembled from the opening lines, or `null`: the first line that completes a title
 * shape, joined with as few lines before it as needed (`自治区人民政府发布通知` above a split title
 * is not part of it); an issuer line above `关于…` (`内蒙古自治区人民政府`) and a year or region
 * line above a plan's name (`2020年内蒙古自治区` / `国民经济和社会发展计划`) are taken along.
 */
function findTitleInLines(lines: readonly string[]): string | null {
  for (let k = 0; k < lines.length; k++) {
    if (!isTitleLine(lines[k]!)) continue;
    let title = '';
    for (let i = k; i >= 0 && i > k - MAX_TITLE_LINES && isTitleLine(lines[i]!); i--) {
      title = lines[i]! + title;
      if (!TITLE_SHAPE.test(title)) continue;
      const above = lines[i - 1];
      if (above === undefined || !isTitleLine(above)) return title;
      if (title.startsWith('关于') && /^[\u4e00-\u9fa5]{2,20}(?:人民政府|办公厅|国务院)$/.test(above))
        return above + title;
      if (!title.includes('关于') && /(?:\d{4}年|省|自治区|市|县|旗|盟|州)$/.test(above))
        return above + title;
      return title;
    }
  }
  return null;
}

/** A statistics bureau's byline: `内蒙古自治区统计局` (the bureau's name is the jurisdiction's). */
const BUREAU_LINE = /^.{2,20}?统计局$/;
/** The survey team that co-signs a bulletin: `国家统计局内蒙古调查总队`. */
const SURVEY_TEAM_LINE = /^国家统计局.{2,12}调查总队$/;
/** A bulletin's date line: `2022年2月28日`, `（2021年3月9日）`. */
const DATE_LINE = /^[(（]?((?:19|20)\d{2})年\d{1,2}月\d{1,2}日[)）]?$/;
/** The year a bulletin's first sentence reports: `2021年，面对…`. */
const REPORTED_YEAR = /^((?:19|20)\d{2})年[，,]/;

/**
 * The title of a statistics bulletin (统计公报) whose title line was lost in a reprint, from its
 * byline, or `null`: the first lines are the bureau (`内蒙古自治区统计局`, optionally co-signed by
 * `国家统计局…调查总队`) and the date, as every provincial and city bulletin opens under its title.
 * The year is the one the first sentence reports (`2021年，…`), else the year before the date (a
 * bulletin comes out in the following spring). `null` unless the bureau names a jurisdiction this
 * reader knows, so a bureau's news release with another shape is not taken for a bulletin.
 */
function findBulletinTitle(lines: readonly string[]): string | null {
  const at = lines.slice(0, 3).findIndex((line) => BUREAU_LINE.test(line));
  if (at < 0) return null;
  const jurisdiction = findJurisdiction(lines[at]!);
  if (jurisdiction === null) return null;
  let k = at + 1;
  if (SURVEY_TEAM_LINE.test(lines[k] ?? '')) k++;
  const date = DATE_LINE.exec(lines[k] ?? '');
  if (!date) return null;
  const reported = REPORTED_YEAR.exec(lines[k + 1] ?? '');
  const year = reported ? Number(reported[1]) : Number(date[1]) - 1;
  return `${jurisdiction}${year}年国民经济和社会发展统计公报`;
}

/** A line that can be (part of) a title: short, no sentence punctuation, not a breadcrumb. */
function isTitleLine(line: string): boolean {
  return line.length <= MAX_TITLE_LINE && !/[。；;，,：:>]/.test(line);
}

/** The jurisdiction named at the head of one of the opening lines, else anywhere in them. */
function findHeadJurisdiction(lines: readonly string[]): string | null {
  for (const line of lines.slice(0, 40)) {
    const found = findJurisdiction(line);
    if (found) return found;
  }
  return null;
}

/** The type a title's wording says, or `null` when it names none. */
function readType(text: string): DocumentType | null {
  if (/施政报告/.test(text)) return 'policy-address';
  if (/政府工作报告/.test(text)) return 'work-report';
  if (/民生实事|实事项目/.test(text)) return 'livelihood-list';
  if (/五年规划|规划纲要|十[一二三四五六七八九]五.{0,12}规划/.test(text)) return 'five-year-plan';
  if (/国民经济和社会发展(?:年度)?计划|计划执行情况|计划草案/.test(text)) return 'annual-plan';
  if (/行动方案|实施方案|工作方案|行动计划/.test(text)) return 'action-plan';
  if (/规划/.test(text)) return 'five-year-plan';
  return null;
}

/** The years a text names, without 发文字号 years (〔2026〕) or 远景 horizons (2035年远景目标). */
function namedYears(text: string): number[] {
  const years: number[] = [];
  for (const m of text.matchAll(/(?<![〔［[【(（\d])((?:19|20)\d{2})(?![〕］\]】)）\d])(?!年远景)/g)) {
    years.push(Number(m[1]));
  }
  return years;
}

function readYear(
  title: string,
  type: DocumentType,
  speaker: RegExpExecArray | null,
  head: string,
): number | null {
  if (type === 'five-year-plan') {
    const ordinal = FIVE_YEAR_ORDINAL.exec(title) ?? FIVE_YEAR_ORDINAL.exec(head.slice(0, 500));
    if (ordinal) return 1955 + 5 * (10 + CN_DIGITS.indexOf((ordinal[1] ?? ordinal[2])!) + 1);
  }
  const years = namedYears(title);
  if (years.length > 0) return Math.max(...years);
  if (speaker) return Number(speaker[1]);
  const goal = GOAL_YEAR.exec(head);
  return goal ? Number(goal[1]) : null;
}

/**
 * The document's 发文字号, as `内政发〔2026〕5号`, or `null`: the one labelled 发文字号 in the opening,
 * else the first in the title or in the lines before the first sentence (a 发文字号 cited in the
 * body, `国发〔2019〕23号`, is another document's).
 */
function findDocNumber(title: string, head: string, lines: readonly string[]): string | null {
  const labelled = /(?:发文字号|文号)[：:]?\s*(.{1,30})/.exec(head);
  const opening: string[] = [title];
  for (const line of lines) {
    if (line.includes('。')) break;
    opening.push(line);
  }
  for (const text of [labelled?.[1] ?? '', ...opening]) {
    const m = DOC_NUMBER.exec(text);
    if (m) return `${m[1]}〔${m[2]}〕${m[3]}号`;
  }
  return null;
}
