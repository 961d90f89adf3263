/**
 * The sites whose PDFs open in the PlanLens reader directly: a list of host names the user keeps
 * on the options page (`settings:pdfReaderSites`).
 *
 * @module
 */

/** At most this many sites are kept. */
export const MAX_PDF_SITES = 200;

const HOST =
  /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

/**
 * Reads one line the user typed as a host name: lower case, without scheme, path, port or a
 * leading `*.`/`.` (`https://WWW.Gov.cn/zhengce/` → `www.gov.cn`). '' when it is not a host name.
 */
export function parsePdfSite(line: string): string {
  let host = line.trim().toLowerCase();
  host = host.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/[/?#].*$/, '');
  host = host
    .replace(/:\d+$/, '')
    .replace(/^\*?\./, '')
    .replace(/\.$/, '');
  try {
    host = new URL(`http://${host}/`).hostname; // punycode for 中文 domains
  } catch {
    return '';
  }
  return HOST.test(host) ? host : '';
}

/**
 * The stored list as it must be: host names ({@link parsePdfSite}), no duplicates, in the order
 * given, at most {@link MAX_PDF_SITES}. Anything that is not an array of strings gives [].
 */
export function parsePdfReaderSites(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const hosts = value.filter((v): v is string => typeof v === 'string').map(parsePdfSite);
  return [...new Set(hosts.filter(Boolean))].slice(0, MAX_PDF_SITES);
}

/**
 * Whether a PDF at `address` comes from one of `sites`: its host is a listed host or below one
 * (`www.gov.cn` lists `files.www.gov.cn`; `gov.cn` lists every `*.gov.cn`). Never for an
 * unparsable address or a local file (those are opened from the popup's offer).
 */
export function isPdfReaderSite(sites: readonly string[], address: string): boolean {
  let host: string;
  try {
    host = new URL(address).hostname;
  } catch {
    return false;
  }
  if (!host) return false;
  return sites.some((site) => host === site || host.endsWith(`.${site}`));
}
