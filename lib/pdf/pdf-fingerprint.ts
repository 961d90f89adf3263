/**
 * The document fingerprint of a PDF for notes: the file's own identity (pdf.js `fingerprints[0]`,
 * the PDF's /ID or a hash of its first bytes), so notes follow the same file to any address,
 * with the title, 发文字号 and date read from its text as for a web page.
 *
 * @module
 */
import { fingerprintDocument, type DocFingerprint } from '../anchor/fingerprint';
import type { ScriptConverter } from '../anchor/fold';

/**
 * Fingerprints a PDF: `key` is `pdf:<fingerprint in lower case>`; `title`, `docNumber` and `date`
 * come from `title` (the PDF's metadata title, or '') and the first characters of its reading text.
 *
 * Edge cases: an empty or blank pdf.js fingerprint falls back to the text's key (`doc:…` or
 * `title:…`), so such a PDF is still matched with its other copies by 发文字号 or title.
 */
export function fingerprintPdf(
  pdfFingerprint: string,
  title: string,
  text: string,
  t2s?: ScriptConverter,
): DocFingerprint {
  return withPdfKey(fingerprintDocument(title, text, t2s), pdfFingerprint);
}

/** `doc` keyed by the file's own fingerprint, or `doc` as it is when that is blank. */
function withPdfKey(doc: DocFingerprint, pdfFingerprint: string): DocFingerprint {
  const id = pdfFingerprint.trim().toLowerCase();
  return id ? { ...doc, key: `pdf:${id}` } : doc;
}

/**
 * The fingerprint a PDF's library entry and corrections are kept under: the text's own when it
 * gives a 发文字号 (`doc:…`: the same document as its web copy, whose corrections and entry it
 * shares), else the file's ({@link fingerprintPdf}: `pdf:…`). A bare title is not used: every
 * province has a `政府工作报告`.
 */
export function fingerprintPdfDocument(
  pdfFingerprint: string,
  title: string,
  text: string,
  t2s?: ScriptConverter,
): DocFingerprint {
  const doc = fingerprintDocument(title, text, t2s);
  return doc.key.startsWith('doc:') ? doc : withPdfKey(doc, pdfFingerprint);
}
