/**
 * Which addresses the PDF reader opens, and how a tab showing a PDF is recognised.
 *
 * @module
 */

/** Schemes the reader fetches from: web addresses, and local files when the user allows it. */
const READABLE_SCHEMES = new Set(['http:', 'https:', 'file:']);

/**
 * The PDF address a reader page was given in `?file=`, or null when there is none or it is not
 * http(s) or file (a `javascript:`, `data:` or extension address is refused). Accepts the
 * search part of the reader's own address (`?file=https%3A%2F%2F…`).
 */
export function readViewerFile(search: string): URL | null {
  const value = new URL(
    `https://reader.invalid/${search.startsWith('?') ? search : `?${search}`}`,
  ).searchParams.get('file');
  if (!value) return null;
  try {
    const url = new URL(value);
    return READABLE_SCHEMES.has(url.protocol) ? url : null;
  } catch {
    return null;
  }
}

/**
 * Whether a tab at `address` (with the document's content type when known) shows a PDF: the
 * content type is `application/pdf`, or the path ends in `.pdf` (any case; the query and hash do
 * not count). Only addresses the reader can open qualify.
 */
export function isPdfAddress(address: string, contentType = ''): boolean {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return false;
  }
  if (!READABLE_SCHEMES.has(url.protocol)) return false;
  if (/^application\/pdf\b/i.test(contentType.trim())) return true;
  return /\.pdf$/i.test(url.pathname);
}

/** The reader's address for the PDF at `address`, under the extension's `viewerPage` address. */
export function buildViewerAddress(viewerPage: string, address: string): string {
  return `${viewerPage}?file=${encodeURIComponent(address)}`;
}
