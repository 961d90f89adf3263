/**
 * Document fingerprints: what identifies a policy across the sites that republish it — its
 * 发文字号 (e.g. 内政发〔2026〕5号) when it has one, else its title — so notes made on one copy are
 * offered on the others.
 *
 * @module
 */
import { foldText, type ScriptConverter } from './fold';

/** The identifying parts of a document and the key derived from them. */
export interface DocFingerprint {
  title: string;
  /** 发文字号, as printed; '' when none was found. */
  docNumber: string;
  /** The first full date in the text, `YYYY-MM-DD`; '' when none. */
  date: string;
  /** `doc:<folded 发文字号>` or `title:<folded title>`: equal for copies in either script. */
  key: string;
}

const DOC_NUMBER = /[\p{Script=Han}]{1,10}\s*[〔［[【(（]\s*(\d{4})\s*[〕］\]】)）]\s*(\d{1,4})\s*[号號]/u;
const DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|(\d{4})-(\d{2})-(\d{2})/u;
// Site names appended to <title> by portals and news sites: "…通知_北疆新闻", "… - 中国政府网".
const TITLE_SUFFIX = /\s*(?:[_|｜]|\s[-–—]\s).*$/u;

/** How much of a page's text its fingerprint reads: callers may pass only this many first characters. */
export const FINGERPRINT_HEAD_CHARS = 3000;

/**
 * Derives the fingerprint of a page from its title and (the first {@link FINGERPRINT_HEAD_CHARS}
 * characters of) its text.
 *
 * Edge cases: the key folds script, width and punctuation, so a traditional reprint and the
 * simplified original agree; pages with neither doc number nor title get the key `title:`.
 */
export function fingerprintDocument(title: string, text: string, t2s?: ScriptConverter): DocFingerprint {
  const head = text.slice(0, FINGERPRINT_HEAD_CHARS);
  const number = DOC_NUMBER.exec(head);
  const docNumber = number ? number[0].replace(/\s+/gu, '') : '';
  const d = DATE.exec(head);
  const date = d
    ? d[1]
      ? `${d[1]}-${d[2]!.padStart(2, '0')}-${d[3]!.padStart(2, '0')}`
      : `${d[4]}-${d[5]}-${d[6]}`
    : '';
  const cleanTitle = title.replace(TITLE_SUFFIX, '').trim();
  const key = docNumber
    ? `doc:${foldText(docNumber, { t2s }).text}`
    : `title:${foldText(cleanTitle, { t2s }).text}`;
  return { title: cleanTitle, docNumber, date, key };
}
