/**
 * The PlanLens PDF reader (`viewer.html?file=<address of the PDF>`, started by main.ts): renders the PDF with pdf.js,
 * reads its text as a person reads the pages (lib/pdf, on a worker), runs detection and target
 * extraction on it and highlights the quantities on the text layer with the CSS Custom Highlight
 * API. Pages are read and laid out one at a time, the pages in view first, so the first
 * highlights show before a long PDF is read through and no single task blocks scrolling.
 *
 * @module
 */
import { pdfStrings, type PdfStrings } from '@/lib/i18n/strings';
import { uiStrings, type UiStrings } from '@/lib/i18n/strings';
import { loadUiLocale } from '@/lib/settings/items';
import type { PdfPageText } from '@/lib/pdf/reading-text';
import type { Target } from '@/lib/targets/target';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { startAnalyzer } from './analysis-client';
import { hideCard, showCard } from './card';
import { DocumentModel } from './document-model';
import type { ViewerCorrections } from './corrections';
import { servePanel } from './panel-bridge';
import { watchReadingLocation } from './reading-location';
import { tellPanel, tellPanelHover } from './tell-panel';
import { yieldAfterFrame, yieldToPage } from './yield-to-page';
import { addPageBox, layOutTextLayer, paintPage, readPage, rescalePage, type ViewerPage } from './pdf-pages';

/** Zoom steps (CSS px per PDF unit). */
const ZOOM_STEPS = [0.5, 0.75, 1, 1.25, 1.5, 2, 2.5, 3];
/** Fewer non-blank characters than this per page, on average, means the PDF is a scan. */
const MIN_TEXT_PER_PAGE = 20;
/**
 * Pages read when the first analyses run: the first screenful at once (its highlights are what the
 * reader sees first), then enough pages for running headers to repeat; the whole document last.
 */
const EARLY_ANALYSES = [2, 6];

function element<T extends HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

function showMessage(text: string): void {
  const message = element('message');
  message.textContent = text;
  message.hidden = false;
}

/** Sets the registry entry `name` to `ranges` (an empty entry still tells tests the pass ended). */
function setHighlight(name: string, ranges: StaticRange[]): void {
  CSS.highlights.set(name, new Highlight(...ranges));
}

/** Work done in one task before {@link pauseIfDue} yields, in ms: well under a long task's 50. */
const SLICE_MS = 8;
let sliceStart = performance.now();

/**
 * Yields when the current task has run {@link SLICE_MS}; else goes on at once. It waits for the
 * next frame, not just a new task: the spans laid out in a slice are styled and laid out by the
 * browser in the frame that follows, so one slice per frame keeps that frame short too (several
 * slices' spans in one frame made frames of 30–40 ms of style and layout).
 */
async function pauseIfDue(): Promise<void> {
  if (performance.now() - sliceStart < SLICE_MS) return;
  await yieldAfterFrame();
  sliceStart = performance.now();
}

/**
 * Repaints the canvases of the pages in view as they scroll in; returns a function that repaints
 * all visible ones. `visible` is kept up to date (the page order of layout reads it).
 */
function watchVisiblePages(
  pages: ViewerPage[],
  visible: Set<ViewerPage>,
  readScale: () => number,
  signal: AbortSignal,
): () => void {
  const byBox = new Map(pages.map((page) => [page.box as Element, page]));
  const paint = (page: ViewerPage) => void paintPage(page, readScale()).catch(() => undefined);
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        const page = byBox.get(entry.target)!;
        if (entry.isIntersecting) {
          visible.add(page);
          paint(page);
        } else visible.delete(page);
      }
    },
    { rootMargin: '600px 0px' },
  );
  for (const page of pages) observer.observe(page.box);
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  return () => visible.forEach(paint);
}

/** Zoom buttons and Ctrl +/−: rescales the text layers in place (ranges hold) and repaints. */
function wireZoom(
  pages: ViewerPage[],
  visible: Set<ViewerPage>,
  initial: number,
  reader: PdfStrings,
  signal: AbortSignal,
): () => number {
  let scale = initial;
  const container = element('pages');
  const level = element('zoom-level');
  const apply = () => {
    container.style.setProperty('--total-scale-factor', String(scale));
    level.textContent = `${Math.round(scale * 100)}%`;
  };
  apply();
  const repaint = watchVisiblePages(pages, visible, () => scale, signal);
  const zoom = (direction: 1 | -1) => {
    const index = ZOOM_STEPS.findIndex((step) => step >= scale - 1e-6);
    const next = ZOOM_STEPS[Math.max(0, Math.min(ZOOM_STEPS.length - 1, index + direction))]!;
    if (next === scale) return;
    scale = next;
    apply();
    for (const page of pages) rescalePage(page, scale);
    repaint();
  };
  const zoomIn = element('zoom-in');
  const zoomOut = element('zoom-out');
  zoomIn.title = zoomIn.ariaLabel = reader.t('readerZoomIn');
  zoomOut.title = zoomOut.ariaLabel = reader.t('readerZoomOut');
  zoomIn.addEventListener('click', () => zoom(1), { signal });
  zoomOut.addEventListener('click', () => zoom(-1), { signal });
  window.addEventListener(
    'keydown',
    (event) => {
      if (!(event.ctrlKey || event.metaKey)) return;
      if (event.key === '+' || event.key === '=') zoom(1);
      else if (event.key === '-') zoom(-1);
      else return;
      event.preventDefault();
    },
    { signal },
  );
  return () => scale;
}

/** Escapes a string for a RegExp. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The search box: every match in the reading text (blanks ignored) highlighted; Enter goes to the next. */
function wireSearch(model: DocumentModel, reader: PdfStrings, signal: AbortSignal) {
  const input = element<HTMLInputElement>('search');
  const count = element('search-count');
  input.placeholder = input.ariaLabel = reader.t('readerSearch');
  let matches: StaticRange[] = [];
  let current = -1;
  const run = () => {
    const query = input.value.replace(/\s+/g, '');
    matches = [];
    current = -1;
    const reading = model.reading;
    if (query && reading) {
      const pattern = new RegExp([...query].map(escapeRegExp).join('\\s*'), 'g');
      for (const m of reading.text.matchAll(pattern)) {
        matches.push(...(model.rangesOf(m.index, m.index + m[0].length) ?? []));
        if (matches.length >= 5000) break;
      }
    }
    setHighlight('planlens-search', matches);
    count.textContent = query ? reader.format('readerMatches', { n: matches.length }) : '';
  };
  input.addEventListener('input', run, { signal });
  model.onChange(() => {
    if (input.value) run();
  }, signal);
  input.addEventListener(
    'keydown',
    (event) => {
      if (event.key !== 'Enter' || matches.length === 0) return;
      current = (current + (event.shiftKey ? matches.length - 1 : 1)) % matches.length;
      matches[current]!.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    },
    { signal },
  );
}

/** The hover card: a pointer over a highlighted quantity shows what it is. */
function wireCard(model: DocumentModel, strings: UiStrings, signal: AbortSignal) {
  const card = element('card');
  // Which placed quantities touch each span: the hit test only measures those.
  let bySpan = new Map<Node, number[]>();
  model.onChange(() => {
    bySpan = new Map();
    const reading = model.reading;
    if (!reading) return;
    model.placed.forEach(({ target, ranges }, index) => {
      if (!ranges) return;
      const touched = new Set<Node>();
      for (let k = target.start; k < target.end; k++) {
        const span = model.pages[reading.page[k]!]?.spans[reading.run[k]!];
        if (span) touched.add(span);
      }
      for (const span of touched) bySpan.set(span, [...(bySpan.get(span) ?? []), index]);
    });
  }, signal);
  let focused: Target | null = null;
  document.addEventListener(
    'pointermove',
    (event) => {
      const candidates = event.target instanceof HTMLElement ? bySpan.get(event.target) : undefined;
      const hit = candidates
        ?.map((index) => model.placed[index]!)
        .find(({ ranges }) =>
          (ranges ?? []).some((range) => {
            const live = document.createRange();
            live.setStart(range.startContainer, range.startOffset);
            live.setEnd(range.endContainer, range.endOffset);
            return [...live.getClientRects()].some(
              (r) =>
                event.clientX >= r.left &&
                event.clientX <= r.right &&
                event.clientY >= r.top &&
                event.clientY <= r.bottom,
            );
          }),
        );
      if (!hit) {
        if (focused) {
          focused = null;
          hideCard(card);
          CSS.highlights.delete('planlens-focus');
          tellPanelHover(-1);
        }
        return;
      }
      if (hit.target === focused) return;
      focused = hit.target;
      setHighlight('planlens-focus', hit.ranges!);
      showCard(card, hit.target, strings, event.clientX, event.clientY);
      tellPanelHover(model.placed.indexOf(hit));
    },
    { signal },
  );
}

/** Keeps the highlight registry in step with the placed targets. */
function wireHighlights(model: DocumentModel, signal: AbortSignal) {
  let first = true;
  model.onChange(() => {
    const byKind = (kind: Target['kind']) =>
      model.placed.filter((p) => p.target.kind === kind).flatMap((p) => p.ranges ?? []);
    const targets = byKind('target');
    const achieved = byKind('achieved');
    setHighlight('planlens-target', targets);
    setHighlight('planlens-achieved', achieved);
    if (first && targets.length + achieved.length > 0) {
      first = false;
      performance.measure('planlens:pdf-first-highlight', { start: 0, end: performance.now() });
    }
  }, signal);
}

/** A document being read: resolves `done` when every page is read and laid out. */
interface DocumentReading {
  done: Promise<void>;
  /** Lays out page `index` (0-based) now, once it is read, if it is not yet (the side panel shows a quantity on it). */
  layOutPage(index: number): Promise<void>;
}

/**
 * Reads every page's text (pdf.js's worker parses it) and lays out the text layers one page per
 * task, the pages in view first. Analyses the first pages as soon as they are read, then the
 * whole document.
 */
function readDocument(
  pdf: PDFDocumentProxy,
  model: DocumentModel,
  visible: Set<ViewerPage>,
  readScale: () => number,
  file: URL,
  title: string,
  signal: AbortSignal,
): DocumentReading {
  const analyzer = startAnalyzer(signal);
  const texts: PdfPageText[] = [];
  const analyses: Promise<unknown>[] = [];
  const analyze = (count: number) => {
    const complete = count === model.pages.length;
    analyses.push(
      analyzer.analyze(texts.slice(0, count), file.href, title, complete).then((result) => {
        if (signal.aborted) return;
        model.setAnalysis(result.reading, result.targets, result.detection, complete, result.figures);
      }),
    );
  };
  const layouts = new Map<ViewerPage, Promise<void>>();
  const layOut = (page: ViewerPage): Promise<void> => {
    let layout = layouts.get(page);
    if (!layout) {
      layout = layOutTextLayer(page, readScale(), pauseIfDue).then(() => model.place());
      layouts.set(page, layout);
    }
    return layout;
  };
  const layOutNext = async () => {
    const ready = (page: ViewerPage) => page.content && !layouts.has(page);
    const page = [...visible].sort((a, b) => a.number - b.number).find(ready) ?? model.pages.find(ready);
    if (!page) return false;
    await layOut(page);
    return true;
  };
  // Reading (pdf.js's worker parses, this thread only receives) runs ahead of layout, so the
  // first analysis does not wait for pages to be laid out.
  const wakers = new Set<() => void>();
  const wake = () => {
    for (const waker of wakers) waker();
    wakers.clear();
  };
  const nextRead = () => new Promise<void>((resolve) => wakers.add(resolve));
  let allRead = false;
  const reading = (async () => {
    for (const page of model.pages) {
      if (signal.aborted) return;
      texts.push(await readPage(pdf, page, readScale()));
      if (EARLY_ANALYSES.includes(texts.length) || texts.length === model.pages.length) {
        analyze(texts.length);
      }
      wake();
    }
  })().finally(() => {
    allRead = true;
    wake();
  });
  const done = (async () => {
    // Lay out what was read, the pages in view first, in slices.
    while (!signal.aborted) {
      if (await layOutNext()) {
        await pauseIfDue();
        continue;
      }
      if (allRead) break;
      await nextRead();
    }
    await reading;
    await Promise.all(analyses);
  })();
  return {
    done,
    async layOutPage(index) {
      const page = model.pages[index];
      if (!page) return;
      while (!page.content && !allRead && !signal.aborted) await nextRead();
      if (page.content) await layOut(page);
    },
  };
}

/**
 * Lays out the pages of the PDF being opened (`opening`, from main.ts: its fetch started before
 * this module was evaluated), then reads and highlights it. `file` null: no readable `?file=`.
 */
export async function startReader(
  file: URL | null,
  opening: Promise<PDFDocumentProxy> | null,
  signal: AbortSignal,
): Promise<void> {
  const strings = uiStrings(await loadUiLocale());
  const reader = pdfStrings(strings.locale);
  document.documentElement.lang = strings.locale;
  document.title = reader.t('readerTitle');
  const status = element('status');
  if (!file || !opening) {
    showMessage(reader.t('readerNoFile'));
    return;
  }
  let pdf;
  try {
    pdf = await opening;
  } catch (error) {
    showMessage(`${reader.t('readerLoadError')} ${error instanceof Error ? error.message : String(error)}`);
    document.documentElement.dataset.planlensReader = 'error';
    return;
  }
  const info = (await pdf.getMetadata().catch(() => null))?.info as { Title?: unknown } | undefined;
  const title = typeof info?.Title === 'string' ? info.Title : '';
  const name = decodeURIComponent(file.pathname.split('/').pop() ?? '');
  document.title = `${title || name} — ${reader.t('readerTitle')}`;
  const container = element('pages');
  const first = await pdf.getPage(1);
  const [, , pageWidth] = first.view;
  const scale = Math.min(1.5, Math.max(0.5, (window.innerWidth - 48) / (pageWidth ?? 595)));
  container.style.setProperty('--total-scale-factor', String(scale));
  const model = new DocumentModel();
  const size = first.getViewport({ scale });
  for (let n = 1; n <= pdf.numPages; n++) model.pages.push(addPageBox(n, container, size.width, size.height));
  const visible = new Set<ViewerPage>();
  const readScale = wireZoom(model.pages, visible, scale, reader, signal);
  wireHighlights(model, signal);
  wireCard(model, strings, signal);
  wireSearch(model, reader, signal);
  const counts = { pages: pdf.numPages, targets: 0, achieved: 0 };
  model.onChange(() => {
    counts.targets = model.placed.filter((p) => p.target.kind === 'target').length;
    counts.achieved = model.placed.length - counts.targets;
    const detection = model.detection;
    const detected = !detection
      ? ''
      : detection.match
        ? `${strings.t('detected')} (${strings.t(`kind_${detection.kind!}`)}) · `
        : `${strings.t('notDetected')} · `;
    status.textContent = detected + reader.format('readerCounts', counts);
  }, signal);
  const read = readDocument(pdf, model, visible, readScale, file, title, signal);
  let corrections: ViewerCorrections | null = null;
  const location = watchReadingLocation(model, signal);
  servePanel({
    model,
    file,
    readTitle: () => title || name,
    strings,
    layOutPage: (index) => read.layOutPage(index),
    readCorrections: () => corrections,
    readSection: location.find,
    signal,
  });
  await read.done;
  if (signal.aborted) return;
  const reading = model.reading!;
  (window as unknown as { __reading: string }).__reading = reading.text;
  if (reading.text.replace(/\s+/g, '').length < MIN_TEXT_PER_PAGE * pdf.numPages * 0.25) {
    showMessage(reader.t('readerScanned'));
    setHighlight('planlens-target', []);
    setHighlight('planlens-achieved', []);
    document.documentElement.dataset.planlensReader = 'no-text';
    return;
  }
  // Conversion and notes (with their OpenCC tables and the database) load once the document is
  // read, each in its own task: evaluating them is no part of showing the first page.
  await yieldToPage();
  const { wireScriptSwitch } = await import('./script-switch');
  wireScriptSwitch(model, reader, signal);
  document.documentElement.dataset.planlensReader = 'ready';
  tellPanel('targetsPageUpdated');
  await yieldToPage();
  const pdfFingerprint = pdf.fingerprints[0] ?? '';
  const { startCorrections } = await import('./corrections');
  corrections = await startCorrections({ model, file, title: title || name, pdfFingerprint, signal }).catch(
    (error: unknown) => {
      if (!signal.aborted) console.warn('PlanLens reader: corrections unavailable', error);
      return null;
    },
  );
  // Corrections change what the panel's table shows.
  if (corrections) tellPanel('targetsPageUpdated');
  await yieldToPage();
  const { rememberPdf } = await import('./library');
  await rememberPdf({ model, file, title, pdfFingerprint, signal })
    .then((entry) => {
      // The entry's key, '' when not written: the sign that this step is over.
      document.documentElement.dataset.planlensLibrary = entry?.key ?? '';
    })
    .catch((error: unknown) => {
      if (!signal.aborted) console.warn('PlanLens reader: library write failed', error);
    });
  await yieldToPage();
  const { startNotes } = await import('./notes');
  await startNotes({
    model,
    file,
    title,
    pdfFingerprint,
    reader,
    signal,
  }).catch((error: unknown) => {
    if (!signal.aborted) console.warn('PlanLens reader: notes unavailable', error);
  });
}
