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
import type { TextContent, TextItem } from 'pdfjs-dist/types/src/display/api';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { foldRadicals } from '@/lib/pdf/radicals';
import type { PdfPageText } from '@/lib/pdf/reading-text';
import { yieldAfterFrame } from './yield-to-page';

/**
 * One page of the reader: its box (sized before anything is read), and once read, its proxy, text
 * runs, and once laid out, its text layer's spans (one per text run, in run order).
 */
export interface ViewerPage {
  number: number;
  box: HTMLDivElement;
  canvas: HTMLCanvasElement;
  proxy?: PDFPageProxy;
  content?: TextContent;
  text?: PdfPageText;
  /** The text layer's pieces (empty until laid out). */
  textLayers: TextLayer[];
  /** Empty until the text layer is laid out. */
  spans: HTMLElement[];
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
 * Adds an empty box for page `number` to `container`, sized `width` × `height` CSS px (the first
 * page's size: most PDFs have one page size; {@link readPage} corrects it).
 */
export function addPageBox(
  number: number,
  container: HTMLElement,
  width: number,
  height: number,
): ViewerPage {
  const box = document.createElement('div');
  box.className = 'page';
  box.dataset.pageNumber = String(number);
  box.style.width = `${width}px`;
  box.style.height = `${height}px`;
  const canvas = document.createElement('canvas');
  box.append(canvas);
  container.append(box);
  return { number, box, canvas, textLayers: [], spans: [], paintedScale: 0 };
}

/** Reads a page's text content (pdf.js parses it on its worker) and sizes its box at `scale`. */
export async function readPage(pdf: PDFDocumentProxy, page: ViewerPage, scale: number): Promise<PdfPageText> {
  const proxy = await pdf.getPage(page.number);
  const viewport = proxy.getViewport({ scale });
  page.box.style.width = `${viewport.width}px`;
  page.box.style.height = `${viewport.height}px`;
  page.proxy = proxy;
  page.content = await proxy.getTextContent();
  const items = page.content.items.filter((item): item is TextItem => 'str' in item);
  page.text = readRuns(items, proxy);
  return page.text;
}

/** Text items per TextLayer piece: small enough that one piece never makes a long task. */
const ITEMS_PER_PIECE = 6;

/**
 * Lays out a read page's text layer at `scale` (its spans in run order), a few items at a time:
 * measuring text is slow while the font's glyphs are cold, so `pause` is awaited between pieces
 * (it yields to the page when the current task has run long enough). Radical code points
 * (`⼈⺠`) become the ideographs they show, so selecting and copying gives real text; one unit for
 * one, so the reading text's offsets hold on these nodes.
 */
export async function layOutTextLayer(
  page: ViewerPage,
  scale: number,
  pause: () => Promise<void>,
): Promise<void> {
  if (!page.proxy || !page.content || page.textLayers.length > 0) return;
  const layer = document.createElement('div');
  layer.className = 'textLayer';
  page.box.append(layer);
  const viewport = page.proxy.getViewport({ scale });
  const { items, styles, lang } = page.content;
  const spans: HTMLElement[] = [];
  for (let from = 0; from < items.length || from === 0; from += ITEMS_PER_PIECE) {
    const textLayer = new TextLayer({
      textContentSource: { items: items.slice(from, from + ITEMS_PER_PIECE), styles, lang },
      container: layer,
      viewport,
    });
    page.textLayers.push(textLayer);
    await textLayer.render();
    for (const span of textLayer.textDivs) {
      const node = span.firstChild;
      if (node instanceof Text) {
        const folded = foldRadicals(node.data);
        if (folded !== node.data) node.data = folded;
      }
      spans.push(span);
    }
    await pause();
  }
  page.spans = spans;
}

/** The part of pdf.js's internal render task that says whether it draws in animation frames. */
interface InternalRenderTask {
  _useRequestAnimationFrame?: boolean;
}

/**
 * Paints a page's canvas at `scale` for the screen's pixel ratio (no-op when already painted so).
 * pdf.js draws in slices of ≈ 15 ms, by default each in a `requestAnimationFrame` callback: in the
 * same task as that frame's style, layout and canvas commit, which with the text layers being laid
 * out added up to 25–45 ms of CPU. Here each slice runs in a task of its own after a frame
 * instead: pdf.js is told not to use animation frames (its internal `_useRequestAnimationFrame`,
 * which `render()` offers no option for; its next slice is then a microtask), and `onContinue`
 * (public) defers every slice to {@link yieldAfterFrame}. If a pdf.js update renames the field,
 * drawing falls back to animation frames (`pdf-pages.test.ts` fails first).
 */
export async function paintPage(page: ViewerPage, scale: number): Promise<void> {
  if (page.paintedScale === scale || !page.proxy) return;
  page.paintedScale = scale;
  const ratio = window.devicePixelRatio || 1;
  const viewport = page.proxy.getViewport({ scale: scale * ratio });
  page.canvas.width = Math.floor(viewport.width);
  page.canvas.height = Math.floor(viewport.height);
  const task = page.proxy.render({ canvas: page.canvas, viewport });
  const internal = (task as unknown as { _internalRenderTask?: InternalRenderTask })._internalRenderTask;
  if (typeof internal?._useRequestAnimationFrame === 'boolean') internal._useRequestAnimationFrame = false;
  task.onContinue = (next: () => void) => void yieldAfterFrame().then(next);
  await task.promise;
  // The scale last drawn in full: what tests wait for before reading the canvas.
  page.box.dataset.painted = String(scale);
}

/** Resizes a laid-out page to `scale`: the box, and the text layer in place (its spans stay, so ranges on them hold). */
export function rescalePage(page: ViewerPage, scale: number): void {
  if (!page.proxy) return;
  const viewport = page.proxy.getViewport({ scale });
  page.box.style.width = `${viewport.width}px`;
  page.box.style.height = `${viewport.height}px`;
  for (const textLayer of page.textLayers) textLayer.update({ viewport });
}
