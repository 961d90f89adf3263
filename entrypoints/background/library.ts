/**
 * The library in the background: writes what readers send of their pages (unless paused), answers
 * a card's question about a metric's history in its page's jurisdiction, and opens a ledger figure's
 * page with its sentence focused.
 *
 * @module
 */
import { browser } from 'wxt/browser';
import { fingerprintDocument } from '@/lib/anchor/fingerprint';
import { getT2s } from '@/lib/anchor/t2s';
import { findLibraryDocument, readMetricHistory, rememberDocument } from '@/lib/db/library-repo';
import { normalizePageUrl } from '@/lib/db/note';
import { readDocumentFields } from '@/lib/document/document-fields';
import type { LedgerRow } from '@/lib/ledger/ledger-rows';
import { readLibraryFigures, type LibraryFigureInput } from '@/lib/db/library';
import type { ContentSender } from '@/lib/messaging/dispatch';
import {
  LIBRARY_HEAD_CHARS,
  type HistoryEntry,
  type HistoryFigure,
  type LibraryRememberAnalyzedRequest,
  type LibraryRememberAnswer,
  type LibraryRememberRequest,
} from '@/lib/messaging/protocol-library';
import { sendTabMessage, type BackgroundRoutes } from '@/lib/messaging/runtime';
import { CONTENT_SCHEMAS } from '@/lib/messaging/schemas';
import { buildViewerAddress, isPdfAddress } from '@/lib/pdf/pdf-address';
import { libraryPausedItem } from '@/lib/settings/items';
import { notesDb } from './notes-store';
import { takeAnalysis } from './analysis-memo';
import { ensureReader } from './reader-injection';

/** How long a figure's page may take to load and highlight before focusing it is given up. */
const OPEN_TIMEOUT_MS = 20_000;
/** Pause between attempts to focus the figure while the page's reader is still working. */
const FOCUS_RETRY_MS = 200;

/** The latest library write: a history question waits for it. */
let pendingWrite: Promise<unknown> | null = null;

/** The library's messages. */
export function libraryRoutes(): Pick<
  BackgroundRoutes,
  'libraryRemember' | 'libraryHistory' | 'libraryOpenFigure'
> {
  return {
    libraryRemember: {
      from: 'content',
      schema: CONTENT_SCHEMAS.libraryRemember,
      handle: async (request, sender) => ({ stored: await remember(request, sender) }),
    },
    libraryHistory: {
      from: 'content',
      schema: CONTENT_SCHEMAS.libraryHistory,
      handle: async ({ metrics }, sender) => {
        await pendingWrite; // the page's own entry, when its write is still under way
        const doc = await findLibraryDocument(notesDb(), sender.url);
        if (!doc || doc.jurisdiction === '') return { jurisdiction: null, entries: [] };
        const history = await readMetricHistory(notesDb(), doc.jurisdiction, metrics);
        const entries: HistoryEntry[] = history.map((h) => ({
          metric: h.metric,
          year: h.year,
          target: h.target && toHistoryFigure(h.target),
          achieved: h.achieved && toHistoryFigure(h.achieved),
          met: h.met,
        }));
        return { jurisdiction: doc.jurisdiction, entries };
      },
    },
    libraryOpenFigure: { from: 'extension', handle: (request) => openFigure(request) },
  };
}

/**
 * Remembers the sender's page from the analysis the background made of the text of its last
 * `analyzeTargets` (the library part of `highlightsUpdated`, already validated). `known` is false
 * when that analysis is no longer held (a restarted service worker): the reader sends its figures.
 */
export async function rememberAnalyzed(
  { canonicalUrl, title, headings, chars, count, dropped }: LibraryRememberAnalyzedRequest,
  sender: ContentSender,
): Promise<LibraryRememberAnswer> {
  const analysis = takeAnalysis(sender, chars, count);
  if (!analysis) return { stored: false, known: false };
  const skip = new Set(dropped);
  const targets = skip.size === 0 ? analysis.targets : analysis.targets.filter((_, k) => !skip.has(k));
  const head = analysis.text.slice(0, LIBRARY_HEAD_CHARS);
  // Figures are read only once the page is known to be stored (not paused, not private).
  const figures = () => readLibraryFigures(analysis.text, targets);
  return { stored: await remember({ canonicalUrl, title, headings, head, figures }, sender), known: true };
}

/**
 * Writes a page into the library unless it must not be (not a web page's top frame, the library
 * paused, a private window); resolves whether it will be written. Resolves before the write: a
 * reader whose page is gone by then (Firefox logs an answer that arrives after unload) is not kept
 * waiting on the database. `figures` may be a function, called only when the page is written.
 */
async function remember(
  page: Omit<LibraryRememberRequest, 'figures'> & {
    figures: LibraryFigureInput[] | (() => LibraryFigureInput[]);
  },
  sender: ContentSender,
): Promise<boolean> {
  if (sender.frameId !== 0 || !/^https?:/.test(sender.url)) return false;
  if (await libraryPausedItem.getValue().catch(() => false)) return false;
  // A private window leaves no trace: the library is shared with normal windows.
  const tab = await browser.tabs.get(sender.tabId).catch(() => null);
  if (!tab || tab.incognito) return false;
  const { canonicalUrl, title, headings, head } = page;
  pendingWrite = (async () => {
    const figures = typeof page.figures === 'function' ? page.figures() : page.figures;
    const fields = readDocumentFields({ title, headings, text: head });
    const fingerprint = fingerprintDocument(title, head, getT2s());
    await rememberDocument(notesDb(), { url: sender.url, canonicalUrl, fields, fingerprint, figures });
  })().catch((error: unknown) => console.warn('PlanLens: library write failed', error));
  return true;
}

function toHistoryFigure(row: LedgerRow): HistoryFigure {
  const { value, valueMax, unit, qualifier, direction, firmness, quote } = row;
  return { value, valueMax, unit, qualifier, direction, firmness, quote };
}

/**
 * Switches to a tab showing `url` (fragment ignored) or opens one, makes sure the reader runs in it
 * (a statistics bulletin is not detected as a plan page), and focuses the highlight whose text is
 * `text`, the one nearest `start`. A PDF (a `.pdf` address) opens in the PlanLens reader, which
 * answers the same focus message from its own page (no reader to inject; a tab already showing
 * the reader or the raw PDF is reused). Resolves false when the page is not http(s) or the figure
 * could not be focused within {@link OPEN_TIMEOUT_MS}.
 */
async function openFigure({
  url,
  start,
  text,
}: {
  url: string;
  start: number;
  text: string;
}): Promise<boolean> {
  if (!/^https?:/.test(url)) return false;
  const viewer = isPdfAddress(url) ? buildViewerAddress(browser.runtime.getURL('/viewer.html'), url) : '';
  const wanted = normalizePageUrl(url);
  const tabs = await browser.tabs.query({});
  const open =
    tabs.find((t) => viewer && t.url === viewer) ??
    tabs.find((t) => t.url && /^https?:/.test(t.url) && normalizePageUrl(t.url) === wanted);
  const target = viewer || url;
  const tab =
    open?.id !== undefined
      ? await browser.tabs.update(
          open.id,
          viewer && open.url !== viewer ? { active: true, url: viewer } : { active: true },
        )
      : await browser.tabs.create({ url: target });
  const tabId = tab?.id;
  if (tabId === undefined) return false;
  if (open?.windowId !== undefined)
    await browser.windows.update(open.windowId, { focused: true }).catch(() => undefined);
  const deadline = Date.now() + OPEN_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const current = await browser.tabs.get(tabId).catch(() => null);
    if (!current) return false;
    if (current.status === 'complete' && (viewer || (await ensureReader(tabId)))) {
      const focused = await sendTabMessage(tabId, 'targetsPageFocusText', { start, text }).catch(() => false);
      if (focused) return true;
    }
    await new Promise((resolve) => setTimeout(resolve, FOCUS_RETRY_MS));
  }
  return false;
}
