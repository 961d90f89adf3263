/**
 * Messages about a page's status: detection, targets, the per-site reader choice.
 * Owned by the highlighting feature.
 *
 * Flow: on pages with Chinese text the gate sends its sample (`scorePageSample`) and gets the
 * verdict back; on plan pages (and "always" sites) it then sends `pageDetected`; the background decides (per-site choice) and injects the
 * reader; the reader reports `highlightsUpdated`; the popup reads `getPageStatus` and changes things
 * with `setPageEnabled` / `setSiteChoice`; the background drives the reader with `setHighlighting`.
 *
 * @module
 */
import type { Detection, PageSample } from '../detect/detect';
import type { LibraryRememberAnalyzedRequest, LibraryRememberAnswer } from './protocol-library';
import type { SiteChoice } from '../site-prefs/site-choice';
import type { NotesProtocol } from './protocol-notes';
import type { TargetsProtocol } from './protocol-targets';

/**
 * The reader's features that are built as files of their own and injected when a page first needs
 * them (`entrypoints/reader-<feature>.ts`), so a page that never uses them never parses them.
 */
export const READER_FEATURE_FILES = ['convert', 'notes'] as const;
/** One of {@link READER_FEATURE_FILES}. */
export type ReaderFeatureFile = (typeof READER_FEATURE_FILES)[number];

/** What the reader found in a page, for the popup. */
export interface HighlightCounts {
  /** Highlighted goals (`planlens-target`). */
  target: number;
  /** Highlighted reported results (`planlens-achieved`). */
  achieved: number;
}

/** Everything the popup shows about one tab. */
export interface PageStatus {
  tabId: number;
  url: string;
  hostname: string;
  /** The gate's verdict, or null when no gate ran (e.g. a chrome:// page or a page still loading). */
  detection: Detection | null;
  /** The reader content script is in the page. */
  injected: boolean;
  /** Highlights are shown. */
  enabled: boolean;
  /** Counts from the reader's last pass, or null before the first one. */
  counts: HighlightCounts | null;
  /** The remembered choice for this hostname. */
  siteChoice: SiteChoice;
  /** Whether PlanLens can run in this tab at all (http/https pages only). */
  supported: boolean;
}

/**
 * What the gate sends to be scored: its bounded sample of the page (`lib/dom/page-sample.ts`)
 * without the address — the background scores it with the sender's own address.
 */
export type GateSample = Omit<PageSample, 'url'>;

/** Page-level messages. */
export interface PageProtocol {
  /**
   * Gate → background: score this sample (`detectPlanPage`, off the page's thread); answers the
   * verdict, keeps nothing. Sent only for pages whose sample has Chinese text (the gate answers
   * the others itself, `lib/detect/prefilter.ts`), so English pages never wake the background.
   * Sender policy: a content script of a tab, any frame; the address scored is the sender's, never
   * one the page names; the sample is page-derived and bounded by its schema (6,000 characters of
   * text, 12 headings of 200, a 10,000-character title). A content script that lies about its
   * sample only changes its own page's verdict — which it could already do by sending
   * `pageDetected` — so the answer needs no other check.
   */
  scorePageSample: { req: GateSample; res: Detection };
  /**
   * Gate → background: the verdict for the page that just loaded (again when it comes back from the
   * back/forward cache). Sent only for plan pages, on sites set to "always" and on sites with a
   * remembered script, so other pages never wake the background. `documentToken` names the
   * document, so the reader is injected into it and never into a page the tab shows later.
   */
  pageDetected: {
    req: {
      url: string;
      detection: Detection;
      documentToken: string;
      /** The site has a remembered 简/繁 choice: start the reader to apply it, plan page or not. */
      scriptRemembered?: boolean;
      /** The site has notes (lib/site-prefs/noted-sites): start a notes-only reader if this page has. */
      notedSite?: boolean;
    };
    res: null;
  };
  /**
   * Gate → background: this tab's top document is a PDF (`document.contentType` is
   * `application/pdf`, whatever its address) from a site chosen for the PDF reader. Sent only
   * then, so other PDFs never wake the background. The background opens the sender's own address
   * in the reader (never one the message names) if its host is still on the list; answers whether
   * it did.
   */
  pdfDocumentShown: { req: Record<string, never>; res: boolean };
  /**
   * Popup → background: was a PDF response for `url` seen in tab `tabId` (by its headers)? Only
   * where the background watches top-level responses (Firefox: `webRequest`; its own PDF viewer
   * runs no script of ours). False when none was seen — always in Chromium, where the popup reads
   * the document's content type itself — so false means "not known", not "not a PDF".
   */
  tabShowsPdf: { req: { tabId: number; url: string }; res: boolean };
  /** Background → gate: the verdict the gate reached for this page (the popup on other pages). */
  getDetection: { req: Record<string, never>; res: { url: string; detection: Detection } };
  /**
   * Reader → background: highlights were (re)drawn or removed. With `library` (a pass whose figures
   * changed), also remember the page in the library as `LibraryRememberAnalyzedRequest` says, in the
   * same message (each message costs the page's thread about a millisecond on a cold start); the
   * answer is then the library's (`known` false: the reader sends `libraryRemember`), else null.
   */
  highlightsUpdated: {
    req: { enabled: boolean; counts: HighlightCounts; library?: LibraryRememberAnalyzedRequest };
    res: LibraryRememberAnswer | null;
  };
  /** Popup → background: this tab's status. */
  getPageStatus: { req: { tabId: number }; res: PageStatus };
  /** Popup → background: turn highlights on/off for this page (injects the reader when needed). */
  setPageEnabled: { req: { tabId: number; enabled: boolean }; res: PageStatus };
  /** Popup → background: remember always/automatic/never for this tab's hostname. */
  setSiteChoice: { req: { tabId: number; choice: SiteChoice }; res: PageStatus };
  /** Background → reader: show or remove highlights; answers the resulting state. */
  setHighlighting: { req: { enabled: boolean }; res: { enabled: boolean; counts: HighlightCounts } };
  /** Background → reader: is a reader alive in this tab, and what does it show? */
  getHighlighting: { req: Record<string, never>; res: { enabled: boolean; counts: HighlightCounts } };
  /**
   * Background → reader core: does a reader run in this tab with EVERY feature started (each one's
   * messages answered)? The core answers it only once all features have started, so an answer
   * means any feature's message can be sent next (`ensureReader` waits for it).
   */
  readerReady: { req: Record<string, never>; res: true };
  /**
   * Reader core → background, once as the reader starts: what `notesForPage` and
   * `correctionsForPage` answer, in one round trip (each answer runs on the page's thread). The
   * features' later reads (a page change, a reload) ask their own messages.
   */
  /**
   * Reader core → background: inject the file of an on-demand feature (see
   * `reader.content/core/lazy-features.ts`) into the sender's document. Answers once the file ran.
   */
  readerLoadFeature: { req: { feature: ReaderFeatureFile }; res: true };
  readerPageRecords: {
    req: NotesProtocol['notesForPage']['req'];
    res: {
      notes: NotesProtocol['notesForPage']['res'];
      corrections: TargetsProtocol['correctionsForPage']['res'];
    };
  };
}
