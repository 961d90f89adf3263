/**
 * The PlanLens PDF reader (`viewer.html?file=<address of the PDF>`): renders the PDF with pdf.js,
 * reads its text as a person reads the pages (lib/pdf), runs detection and target extraction on it
 * and highlights the quantities on the text layer with the CSS Custom Highlight API.
 *
 * @module
 */
import { pdfStrings, type PdfStrings } from '@/lib/i18n/strings';
import { uiStrings, type UiStrings } from '@/lib/i18n/strings';
import { loadUiLocale } from '@/lib/settings/items';
import { detectPlanPage } from '@/lib/detect/detect';
import { readViewerFile } from '@/lib/pdf/pdf-address';
import { readPdfText, type PdfReadingText } from '@/lib/pdf/reading-text';
import { analyzeText } from '@/lib/targets/analyze';
import type { Target } from '@/lib/targets/target';
import { hideCard, showCard } from './card';
import { layOutPage, openPdf, paintPage, rescalePage, type ViewerPage } from './pdf-pages';
import { rangeOnTextLayer } from './text-ranges';
import './style.css';

/** Zoom steps (CSS px per PDF unit). */
const ZOOM_STEPS = [0.5, 0.75, 1, 1.25, 1.5, 2, 2.5, 3];
/** Fewer non-blank characters than this per page, on average, means the PDF is a scan. */
const MIN_TEXT_PER_PAGE = 20;

interface Placed {
  target: Target;
  range: StaticRange;
}

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

/** Repaints the canvases of the pages in view as they scroll in; returns a function that repaints all visible ones. */
function watchVisiblePages(pages: ViewerPage[], readScale: () => number, signal: AbortSignal): () => void {
  const visible = new Set<ViewerPage>();
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
function wireZoom(pages: ViewerPage[], initial: number, reader: PdfStrings, signal: AbortSignal) {
  let scale = initial;
  const container = element('pages');
  const level = element('zoom-level');
  const apply = () => {
    container.style.setProperty('--total-scale-factor', String(scale));
    level.textContent = `${Math.round(scale * 100)}%`;
  };
  apply();
  const repaint = watchVisiblePages(pages, () => scale, signal);
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
}

/** Escapes a string for a RegExp. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The search box: every match in the reading text (blanks ignored) highlighted; Enter goes to the next. */
function wireSearch(
  reading: PdfReadingText,
  spans: HTMLElement[][],
  reader: PdfStrings,
  signal: AbortSignal,
) {
  const input = element<HTMLInputElement>('search');
  const count = element('search-count');
  input.placeholder = input.ariaLabel = reader.t('readerSearch');
  let matches: StaticRange[] = [];
  let current = -1;
  const run = () => {
    const query = input.value.replace(/\s+/g, '');
    matches = [];
    current = -1;
    if (query) {
      const pattern = new RegExp([...query].map(escapeRegExp).join('\\s*'), 'g');
      for (const m of reading.text.matchAll(pattern)) {
        const range = rangeOnTextLayer(reading, spans, m.index, m.index + m[0].length);
        if (range) matches.push(range);
        if (matches.length >= 5000) break;
      }
    }
    setHighlight('planlens-search', matches);
    count.textContent = query ? reader.format('readerMatches', { n: matches.length }) : '';
  };
  input.addEventListener('input', run, { signal });
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
function wireCard(
  placed: Placed[],
  reading: PdfReadingText,
  spans: HTMLElement[][],
  strings: UiStrings,
  signal: AbortSignal,
) {
  const card = element('card');
  // Which highlighted quantities touch each span: the hit test only measures those.
  const bySpan = new Map<Node, number[]>();
  placed.forEach(({ target }, index) => {
    const touched = new Set<Node>();
    for (let k = target.start; k < target.end; k++) {
      const span = spans[reading.page[k]!]?.[reading.run[k]!];
      if (span) touched.add(span);
    }
    for (const span of touched) bySpan.set(span, [...(bySpan.get(span) ?? []), index]);
  });
  let focused = -1;
  document.addEventListener(
    'pointermove',
    (event) => {
      const candidates = event.target instanceof HTMLElement ? bySpan.get(event.target) : undefined;
      const hit = candidates?.find((index) => {
        const { range } = placed[index]!;
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
      });
      if (hit === undefined) {
        if (focused >= 0) {
          focused = -1;
          hideCard(card);
          CSS.highlights.delete('planlens-focus');
        }
        return;
      }
      if (hit === focused) return;
      focused = hit;
      setHighlight('planlens-focus', [placed[hit]!.range]);
      showCard(card, placed[hit]!.target, strings, event.clientX, event.clientY);
    },
    { signal },
  );
}

/** Opens the PDF named in the address, lays out its pages, then reads and highlights it. */
async function startReader(signal: AbortSignal): Promise<void> {
  const strings = uiStrings(await loadUiLocale());
  const reader = pdfStrings(strings.locale);
  document.documentElement.lang = strings.locale;
  document.title = reader.t('readerTitle');
  const status = element('status');
  const file = readViewerFile(location.search);
  if (!file) {
    showMessage(reader.t('readerNoFile'));
    return;
  }
  let pdf;
  try {
    pdf = await openPdf(file.href, new URL('/pdfjs/cmaps/', location.href).href, signal);
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
  const pages: ViewerPage[] = [];
  for (let n = 1; n <= pdf.numPages && !signal.aborted; n++) {
    pages.push(await layOutPage(pdf, n, container, scale));
  }
  wireZoom(pages, scale, reader, signal);
  const spanTable = pages.map((page) => page.spans);
  const reading = readPdfText(pages.map((page) => page.text));
  (window as unknown as { __reading: string }).__reading = reading.text;
  wireSearch(reading, spanTable, reader, signal);
  const counts = { pages: pdf.numPages, targets: 0, achieved: 0 };
  if (reading.text.replace(/\s+/g, '').length < MIN_TEXT_PER_PAGE * pdf.numPages * 0.25) {
    showMessage(reader.t('readerScanned'));
    setHighlight('planlens-target', []);
    setHighlight('planlens-achieved', []);
    status.textContent = reader.format('readerCounts', counts);
    document.documentElement.dataset.planlensReader = 'no-text';
    return;
  }
  const detection = detectPlanPage({
    url: file.href,
    title,
    headings: [],
    text: reading.text.slice(0, 6000),
  });
  const placed: Placed[] = [];
  for (const target of analyzeText(reading.text)) {
    const range = rangeOnTextLayer(reading, spanTable, target.start, target.end);
    if (range) placed.push({ target, range });
  }
  const byKind = (kind: Target['kind']) => placed.filter((p) => p.target.kind === kind).map((p) => p.range);
  setHighlight('planlens-target', byKind('target'));
  setHighlight('planlens-achieved', byKind('achieved'));
  counts.targets = byKind('target').length;
  counts.achieved = byKind('achieved').length;
  performance.measure('planlens:pdf-first-highlight', { start: 0, end: performance.now() });
  const detected = detection.match
    ? `${strings.t('detected')} (${strings.t(`kind_${detection.kind!}`)}) · `
    : `${strings.t('notDetected')} · `;
  status.textContent = detected + reader.format('readerCounts', counts);
  document.documentElement.dataset.planlensReader = 'ready';
  wireCard(placed, reading, spanTable, strings, signal);
}

const controller = new AbortController();
window.addEventListener('pagehide', () => controller.abort(), { once: true });
void startReader(controller.signal);
