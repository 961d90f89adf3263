/**
 * The reader page's entry: starts fetching the PDF, then loads the reader. Two dynamic imports so
 * their modules are evaluated in two tasks: pdf.js (≈ 400 kB, most of the page's script) first,
 * which starts the PDF's fetch and parse on its worker, then the reader with the rest. One module
 * graph evaluated at once was the page's first long task.
 *
 * @module
 */
import { readViewerFile } from '@/lib/pdf/pdf-address';
import './style.css';

/** Opens the PDF named in the address and starts the reader on it; stops when the page is left. */
async function startViewer(signal: AbortSignal): Promise<void> {
  const file = readViewerFile(location.search);
  // The PDF's fetch and parse (pdf.js's worker) is the longest wait: it starts before the reader loads.
  const { openPdf } = await import('./pdf-pages');
  const opening = file ? openPdf(file.href, new URL('/pdfjs/cmaps/', location.href).href, signal) : null;
  opening?.catch(() => undefined);
  const { startReader } = await import('./reader');
  await startReader(file, opening, signal);
}

const controller = new AbortController();
window.addEventListener('pagehide', () => controller.abort(), { once: true });
void startViewer(controller.signal);
