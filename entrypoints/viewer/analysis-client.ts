/**
 * The page's side of the analysis worker: one request at a time per call, answered with the
 * reading text (and its map back to the text runs), the detection and the targets.
 *
 * @module
 */
import type { LibraryFigureInput } from '@/lib/db/library';
import type { Detection } from '@/lib/detect/detect';
import type { PdfPageText, PdfReadingText } from '@/lib/pdf/reading-text';
import type { Target } from '@/lib/targets/target';
import AnalysisWorker from './analysis-worker?worker';

/** What the page sends: the runs of the pages read so far (in page order), the address and title. */
export interface AnalysisRequest {
  id: number;
  pages: PdfPageText[];
  url: string;
  title: string;
  /** Also read the targets' library figures (the whole document's analysis). */
  withFigures: boolean;
}

/** What the worker answers. */
export interface AnalysisResult {
  id: number;
  reading: PdfReadingText;
  targets: Target[];
  detection: Detection;
  /** The targets as the library stores them (null unless asked `withFigures`). */
  figures: LibraryFigureInput[] | null;
}

/** A started analysis worker; `analyze` may be called again before an earlier call settles. */
export interface Analyzer {
  analyze(pages: PdfPageText[], url: string, title: string, withFigures?: boolean): Promise<AnalysisResult>;
}

/** Starts the worker; it is terminated when `signal` aborts (pending calls then reject). */
export function startAnalyzer(signal: AbortSignal): Analyzer {
  const worker = new AnalysisWorker();
  const pending = new Map<number, { resolve: (r: AnalysisResult) => void; reject: (e: unknown) => void }>();
  let next = 1;
  worker.addEventListener('message', (event: MessageEvent<AnalysisResult>) => {
    pending.get(event.data.id)?.resolve(event.data);
    pending.delete(event.data.id);
  });
  worker.addEventListener('error', (event) => {
    for (const call of pending.values()) call.reject(new Error(event.message));
    pending.clear();
  });
  signal.addEventListener(
    'abort',
    () => {
      worker.terminate();
      for (const call of pending.values()) call.reject(signal.reason);
      pending.clear();
    },
    { once: true },
  );
  return {
    analyze(pages, url, title, withFigures = false) {
      const id = next++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        const request: AnalysisRequest = { id, pages, url, title, withFigures };
        worker.postMessage(request);
      });
    },
  };
}
