/**
 * The message protocol between content scripts, the background and extension pages, one typed map
 * per direction.
 *
 * Each feature declares its messages in its own `protocol-*.ts` file as a map from message name to
 * `{ req; res }`; {@link Directions} says who sends each one, and the per-direction maps below are
 * derived from it, so a name cannot be in two directions or in none. The receiving side enforces the
 * direction: a content-script message from an extension page, or an extension-page message from a
 * content script, is refused (see `dispatch.ts`). Payloads must be structured-clone safe (no
 * functions, no DOM nodes); whatever a content script sends is validated by `schemas.ts`.
 *
 * @module
 */
import type { ConvertProtocol } from './protocol-convert';
import type { PageProtocol } from './protocol-page';
import type { NotesProtocol } from './protocol-notes';
import type { TargetsProtocol } from './protocol-targets';
import type { LibraryProtocol } from './protocol-library';

/** Every message the extension sends, by name. */
export interface ProtocolMap
  extends PageProtocol, ConvertProtocol, NotesProtocol, TargetsProtocol, LibraryProtocol {}

/** A message name. */
export type MessageName = keyof ProtocolMap;
/** The request payload of message `N`. */
export type RequestOf<N extends MessageName> = ProtocolMap[N]['req'];
/** The response payload of message `N`. */
export type ResponseOf<N extends MessageName> = ProtocolMap[N]['res'];

/**
 * Who sends a message to whom:
 * - `content→background`: a content script asks the background (validated; acts on the sender's
 *   own tab and page only, never on an id or address it names);
 * - `page→background`: an extension page (popup, side panel) asks the background; refused from
 *   content scripts;
 * - `→content`: the background or an extension page asks the content script of a tab;
 * - `background→offscreen`: the background asks Chrome's offscreen document;
 * - `content→page`: a content script tells open extension pages (validated).
 */
export type Direction =
  'content→background' | 'page→background' | '→content' | 'background→offscreen' | 'content→page';

/**
 * The direction of every message (types only: no bytes in any bundle). Each receiving context
 * enforces it through the sender kind of its routes (`dispatch.ts`).
 */
export interface Directions {
  scorePageSample: 'content→background';
  pageDetected: 'content→background';
  pdfDocumentShown: 'content→background';
  highlightsUpdated: 'content→background';
  analyzeTargetsPart: 'content→background';
  analyzeTargets: 'content→background';
  convertTexts: 'content→background';
  notesForPage: 'content→background';
  readerPageRecords: 'content→background';
  readerLoadFeature: 'content→background';
  notesFingerprint: 'content→background';
  t2sDictionaries: 'content→background';
  notesSave: 'content→background';
  notesUpdate: 'content→background';
  notesDelete: 'content→background';
  notesRestore: 'content→background';
  correctionsForPage: 'content→background';
  notesEditorOpen: 'content→background';
  libraryRemember: 'content→background';
  libraryHistory: 'content→background';

  getPageStatus: 'page→background';
  setPageEnabled: 'page→background';
  setSiteChoice: 'page→background';
  convertSetTarget: 'page→background';
  convertGetStatus: 'page→background';
  convertGetSettings: 'page→background';
  convertAllowTwp: 'page→background';
  notesEnsureReader: 'page→background';
  notesCountForTab: 'page→background';
  notesEditorSetup: 'page→background';
  notesEditorEvent: 'page→background';
  libraryOpenFigure: 'page→background';
  tabShowsPdf: 'page→background';

  getDetection: '→content';
  setHighlighting: '→content';
  getHighlighting: '→content';
  readerReady: '→content';
  convertApply: '→content';
  convertReadStatus: '→content';
  notesPageAddFromSelection: '→content';
  notesPageState: '→content';
  notesPageScrollTo: '→content';
  notesPageReattach: '→content';
  notesPageReload: '→content';
  notesPageEditorEvent: '→content';
  targetsPageState: '→content';
  targetsPageFocus: '→content';
  targetsPageScrollTo: '→content';
  targetsPageAnchor: '→content';
  targetsPageCorrectionsChanged: '→content';
  targetsPageFocusText: '→content';

  convertTextsOffscreen: 'background→offscreen';

  notesPageUpdated: 'content→page';
  targetsPageHover: 'content→page';
  targetsPageLocation: 'content→page';
  targetsPageUpdated: 'content→page';
}

// Every message has exactly one direction: a name missing above, or one too many, fails here.
type Exactly<A, B> = [Exclude<A, B> | Exclude<B, A>] extends [never] ? true : false;
const _everyMessageHasADirection: Exactly<keyof Directions, MessageName> = true;
void _everyMessageHasADirection;

/** The names of the messages that travel in direction `D`. */
export type NamesIn<D extends Direction> = {
  [N in MessageName]: Directions[N] extends D ? N : never;
}[MessageName];

/** Content script → background. */
export type ContentToBackground = Pick<ProtocolMap, NamesIn<'content→background'>>;
/** Extension page (popup, side panel) → background. */
export type PageToBackground = Pick<ProtocolMap, NamesIn<'page→background'>>;
/** Background or extension page → the content script of a tab. */
export type ToContent = Pick<ProtocolMap, NamesIn<'→content'>>;
/** Background → Chrome's offscreen document. */
export type BackgroundToOffscreen = Pick<ProtocolMap, NamesIn<'background→offscreen'>>;
/** Content script → open extension pages (events). */
export type ContentToPage = Pick<ProtocolMap, NamesIn<'content→page'>>;

/** Messages a content script sends: the ones a receiver must validate. */
export type ContentSentName = NamesIn<'content→background' | 'content→page'>;

/** What actually crosses the wire: a tagged request. */
export interface Envelope<N extends MessageName = MessageName> {
  planlens: N;
  data: RequestOf<N>;
}

/**
 * What comes back. Errors are sent as strings because `Error` objects do not survive structured
 * cloning in every browser.
 */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };
