/**
 * Whether an HTTP response is a PDF the browser shows in the tab, read from its headers alone:
 * for documents known only by their content type (`/download?id=3` served as `application/pdf`),
 * which Firefox shows in its own viewer where no content script runs.
 *
 * @module
 */

/** One response header as `webRequest` gives it (`value` may be missing for binary values). */
export interface ResponseHeader {
  name: string;
  value?: string;
}

/** Media types that are PDF whatever the address (`application/x-pdf` is the old unregistered name). */
const PDF_TYPES = new Set(['application/pdf', 'application/x-pdf']);

/**
 * The media type of a `Content-Type` value: lower case, without parameters or spaces
 * (`Application/PDF; charset=binary` → `application/pdf`). '' for an empty or missing value.
 */
export function readMediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

/** Decodes an RFC 8187 `ext-value` (`UTF-8''%E8%A7%84%E5%88%92.pdf`); null when it is not one. */
function decodeExtValue(value: string): string | null {
  const match = /^([\w!#$%&+^`{}~-]+)'[\w-]*'(.*)$/.exec(value);
  if (!match) return null;
  const charset = match[1]!.toLowerCase();
  try {
    if (charset === 'utf-8') return decodeURIComponent(match[2]!);
    if (charset === 'iso-8859-1')
      return match[2]!.replace(/%([0-9a-f]{2})/gi, (_, hex: string) =>
        String.fromCharCode(Number.parseInt(hex, 16)),
      );
  } catch {
    return null; // malformed percent-encoding
  }
  return null; // a charset no browser decodes either
}

/**
 * The parts of a `Content-Disposition` value: its type (`inline`, `attachment`, lower case; ''
 * when the value is empty or starts with a parameter) and its file name, `filename*` (RFC 8187, UTF-8 or ISO-8859-1)
 * preferred over `filename` as browsers do; quoted names may hold `;` and `\"`. The name is ''
 * when there is none or it cannot be decoded.
 */
export function readContentDisposition(value: string | undefined): { type: string; filename: string } {
  let text = (value ?? '').trim();
  // A value that starts with a parameter (`filename=a.pdf`, no type) is read as having none.
  const first = /^[^;]*/.exec(text)![0];
  const type = first.includes('=') ? '' : first.trim().toLowerCase();
  if (!type) text = `;${text}`;
  let plain = '';
  let extended = '';
  const param = /;\s*([^\s=;]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/g;
  for (let match = param.exec(text); match; match = param.exec(text)) {
    const name = match[1]!.toLowerCase();
    const raw = match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : match[3]!.trim();
    if (name === 'filename' && !plain) plain = raw;
    if (name === 'filename*' && !extended) extended = decodeExtValue(raw) ?? '';
  }
  return { type, filename: extended || plain };
}

/**
 * Whether a response with these headers (names in any case) is a PDF shown in the tab: its type is
 * `application/pdf` or `application/x-pdf`, or `application/octet-stream` (or no type at all)
 * with a `Content-Disposition` file name ending in `.pdf` (Firefox shows those in its viewer
 * too). A response sent as an `attachment` is a download, not the tab's document: false, whatever
 * its type.
 */
export function isPdfResponse(headers: readonly ResponseHeader[]): boolean {
  const find = (name: string) => headers.find((h) => h.name.toLowerCase() === name)?.value;
  const disposition = readContentDisposition(find('content-disposition'));
  if (disposition.type === 'attachment') return false;
  const type = readMediaType(find('content-type'));
  if (PDF_TYPES.has(type)) return true;
  return (type === 'application/octet-stream' || type === '') && /\.pdf$/i.test(disposition.filename.trim());
}
