/**
 * The positioned text runs of a PDF's pages, as the reader takes them from pdf.js's text content:
 * what lib/pdf reads the text from.
 *
 * @module
 */

/** One text run of a page (pdf.js's TextItem), positioned in PDF user space (y grows upwards). */
export interface PdfTextRun {
  str: string;
  /** Left edge of the run. */
  x: number;
  /** Baseline of the run. */
  y: number;
  width: number;
  /** Font height: the unit for gaps and indents. */
  height: number;
  /** pdf.js marks a run that ends a line. */
  hasEOL: boolean;
}

/** One page's runs, in the order the text layer creates its spans. */
export interface PdfPageText {
  width: number;
  height: number;
  runs: PdfTextRun[];
}
