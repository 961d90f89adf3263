/**
 * Printing the fixture pages to PDF in the test run, as a publisher would: the site's chrome
 * hidden, Chromium's own running header and footer on (the reader must leave them out).
 *
 * @module
 */
import type { Page } from 'playwright-core';

/** Page chrome a document printed for publication does not have. */
export const PRINT_CSS = `header.top, nav, aside, footer, .breadcrumb, .share-panel, .qr-tip, .article-tools { display: none !important; }
body, .wrap, .pdf { background: #fff !important; }`;

/**
 * The page at `url` (null: the page `printer` shows) printed to an A4 PDF, with a running header
 * (date, title) and footer (address, `1/5`).
 */
export async function printPageToPdf(printer: Page, url: string | null): Promise<Buffer> {
  if (url !== null) await printer.goto(url);
  await printer.addStyleTag({ content: PRINT_CSS });
  await printer.emulateMedia({ media: 'print' });
  return printer.pdf({ format: 'A4', displayHeaderFooter: true, margin: { top: '60px', bottom: '60px' } });
}
