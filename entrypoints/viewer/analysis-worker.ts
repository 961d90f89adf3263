/**
 * The reader's analysis thread: reads the PDF's text runs as a person reads the pages
 * (lib/pdf/reading-text), detects a plan and extracts its targets, off the page's thread, so a
 * 40-page plan never blocks scrolling. Spoken to only by analysis-client.ts (a dedicated worker,
 * not the extension's message protocol: nothing here leaves the reader's page).
 *
 * @module
 */
import { readLibraryFigures } from '@/lib/db/library';
import { detectPlanPage } from '@/lib/detect/detect';
import { readPdfText, type PdfPageText } from '@/lib/pdf/reading-text';
import { analyzeText } from '@/lib/targets/analyze';
import type { AnalysisRequest, AnalysisResult } from './analysis-client';

/** How much of the text detection reads: the opening, where a plan names itself. */
const DETECT_CHARS = 6000;

self.addEventListener('message', (event: MessageEvent<AnalysisRequest>) => {
  const { id, pages, url, title, withFigures } = event.data;
  const reading = readPdfText(pages as PdfPageText[]);
  const detection = detectPlanPage({ url, title, headings: [], text: reading.text.slice(0, DETECT_CHARS) });
  const targets = analyzeText(reading.text);
  // The library's figures read each target's context (a fold of its paragraph): here, off the page.
  const figures = withFigures ? readLibraryFigures(reading.text, targets) : null;
  const result: AnalysisResult = { id, reading, targets, detection, figures };
  (self as unknown as Worker).postMessage(result, [
    reading.page.buffer,
    reading.run.buffer,
    reading.offset.buffer,
  ]);
});
