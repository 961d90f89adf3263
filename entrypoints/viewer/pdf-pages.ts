/**
 * The PDF side of the reader: loads a document with pdf.js (worker bundled from the package, no
 * remote code, no eval), lays out one box per page with its text layer, and paints canvases as
 * pages come into view.
 *
 * @module
 */
import {
  getDocument,
  GlobalWorkerOptions,
  TextLayer,
  type PDFDocumentProxy,
  type PDFPageProxy,
} from 'pdfjs-dist';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { foldRadicals } from '@/lib/pdf/radicals';
import type { PdfPageText } from '@/lib/pdf/reading-text';

/** One laid-out page: its box, its text layer's spans (one per text run, in run order) and its runs. */
export interface ViewerPage {
  proxy: PDFPageProxy;
  box: HTMLDivElement;
  canvas: HTMLCanvasElement;
  textLayer: TextLayer;
  spans: HTMLElement[];
  text: PdfPageText;
  /** The scale the canvas was last painted at (0: not painted). */
  paintedScale: number;
}

/** Opens the PDF at `url`. `cMapUrl` points at the bundled character maps (Chinese CID fonts need them). */
export async function openPdf(url: string, cMapUrl: string, signal: AbortSignal): Promise<PDFDocumentProxy> {
  GlobalWorkerOptions.workerSrc = workerUrl;
  const task = getDocument({ url, cMapUrl, cMapPacked: true, isEvalSupported: false, enableXfa: false });
  signal.addEventListener('abort', () => void task.destroy(), { once: true });
  return task.promise;
}

/** The runs of a page's text content in PDF units, in the order TextLayer makes its spans. */
function readRuns(items: readonly TextItem[], page: PDFPageProxy): PdfPageText {
  const [, , width, height] = page.view;
  return {
    width: width!,
    height: height!,
    runs: items.map((item) => ({
      str: item.str,
      x: item.transform[4] as number,
      y: item.transform[5] as number,
      width: item.width,
      height: item.height || Math.hypot(item.transform[2] as number, item.transform[3] as number),
      hasEOL: item.hasEOL,
    })),
  };
}

/**
 * Lays out page `number` (1-based) in `container` at `scale`: a sized box, an unpainted canvas and
 * the text layer, whose spans are returned in run order.
 */
export async function layOutPage(
  pdf: PDFDocumentProxy,
  number: number,
  container: HTMLElement,
  scale: number,
): Promise<ViewerPage> {
  const proxy = await pdf.getPage(number);
  const viewport = proxy.getViewport({ scale });
  const box = document.createElement('div');
  box.className = 'page';
  box.dataset.pageNumber = String(number);
  box.style.width = `${viewport.width}px`;
  box.style.height = `${viewport.height}px`;
  const canvas = document.createElement('canvas');
  const layer = document.createElement('div');
  layer.className = 'textLayer';
  box.append(canvas, layer);
  container.append(box);
  const content = await proxy.getTextContent();
  const textLayer = new TextLayer({ textContentSource: content, container: layer, viewport });
  await textLayer.render();
  // Radical code points (`⼈⺠`) become the ideographs they show, so selecting and copying gives
  // real text; one unit for one, so the reading text's offsets hold on these nodes.
  for (const span of textLayer.textDivs) {
    const node = span.firstChild;
    if (node instanceof Text) {
      const folded = foldRadicals(node.data);
      if (folded !== node.data) node.data = folded;
    }
  }
  const items = content.items.filter((item): item is TextItem => 'str' in item);
  return {
    proxy,
    box,
    canvas,
    textLayer,
    spans: textLayer.textDivs,
    text: readRuns(items, proxy),
    paintedScale: 0,
  };
}

/** Paints a page's canvas at `scale` for the screen's pixel ratio (no-op when already painted so). */
export async function paintPage(page: ViewerPage, scale: number): Promise<void> {
  if (page.paintedScale === scale) return;
  page.paintedScale = scale;
  const ratio = window.devicePixelRatio || 1;
  const viewport = page.proxy.getViewport({ scale: scale * ratio });
  page.canvas.width = Math.floor(viewport.width);
  page.canvas.height = Math.floor(viewport.height);
  await page.proxy.render({ canvas: page.canvas, viewport }).promise;
}

/** Resizes a laid-out page to `scale`: the box, and the text layer in place (its spans stay, so ranges on them hold). */
export function rescalePage(page: ViewerPage, scale: number): void {
  const viewport = page.proxy.getViewport({ scale });
  page.box.style.width = `${viewport.width}px`;
  page.box.style.height = `${viewport.height}px`;
  page.textLayer.update({ viewport });
}
