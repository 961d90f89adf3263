/**
 * The schema of every payload a content script sends (`content→background` and `content→page`).
 * A content script runs in a page we do not control: whatever it sends is checked here before any
 * handler sees it, and rebuilt without unknown fields. The type of {@link CONTENT_SCHEMAS} makes
 * the compiler check that each schema produces exactly its message's request type.
 *
 * @module
 */
import type { PlanKind } from '../detect/detect';
import { SAMPLE_CHARS, SAMPLE_HEADING_CHARS, SAMPLE_HEADINGS, SAMPLE_TITLE_CHARS } from '../detect/sample';
import { ENGINE_PRESETS, SCRIPT_TARGETS } from '../convert/targets';
import { NOTE_COLORS } from '../db/note';
import type { ContentSentName, RequestOf, ResponseOf } from './protocol';
import { METRIC_IDS } from '../targets/metric';
import { MAX_LIBRARY_FIGURES } from './protocol-library';
import { READER_FEATURE_FILES } from './protocol-page';
import {
  array,
  boolean,
  empty,
  nullable,
  number,
  object,
  oneOf,
  optional,
  SchemaError,
  string,
  type Schema,
} from './validate';

const PLAN_KINDS = ['plan', 'report', 'policy'] as const satisfies readonly PlanKind[];
// A new PlanKind must be added above, or the gate's verdicts for it would be refused.
const _everyPlanKind: Exclude<PlanKind, (typeof PLAN_KINDS)[number]> extends never ? true : never = true;
void _everyPlanKind;

/** Addresses, titles, quotes: generous, but bounded. */
const url = string(8_192);
const id = string(200);
const shortText = string(10_000);
const offset = number({ integer: true, min: 0 });

const detection = object({
  match: boolean,
  kind: oneOf([...PLAN_KINDS, null]),
  score: number(),
  signals: array(string(1_000), 100),
});

/** A page's title and text head (`FINGERPRINT_HEAD_CHARS` = 3,000 characters; a little slack). */
const pageLead = { title: shortText, head: string(4_000) };

const fingerprint = object({ title: shortText, docNumber: shortText, date: string(40), key: shortText });
const quote = object({
  type: oneOf(['TextQuoteSelector']),
  exact: shortText,
  prefix: shortText,
  suffix: shortText,
});
const position = object({ type: oneOf(['TextPositionSelector']), start: offset, end: offset });
const color = oneOf(NOTE_COLORS);
const tags = array(string(200), 100);

/** The fields a reader fills in for a note (the store derives site, folded quote and index key). */
const draftFields = {
  url,
  canonicalUrl: url,
  title: shortText,
  fingerprint,
  quote,
  position,
  sectionPath: array(shortText, 50),
  body: string(100_000),
  color,
  tags,
};

const noteDraft = object({
  ...draftFields,
  id: optional(id),
  created: optional(string(40)),
  modified: optional(string(40)),
});

const noteRecord = object({
  ...draftFields,
  id,
  site: string(300),
  fingerprintKey: shortText,
  quoteFolded: shortText,
  created: string(40),
  modified: string(40),
});

/**
 * Longest article text the background analyses: 8 M characters (a 5 MB plan page has about
 * 1.6 M; 8 M CJK characters are about 24 MB of JSON, well under Chrome's 64 MiB message limit).
 * The default string cap (1 M) silently refused every page above ~3 MB, which then got no
 * highlights at all. Readers send at most this prefix of a longer text.
 */
export const MAX_ANALYZED_CHARS = 8_000_000;
/**
 * Longest part of an article text in one message (`analyzeTargetsPart`): sending serialises the
 * message synchronously on the page's thread, ≈45 ms per million characters, so a part costs the
 * page about 6 ms (below the 50 ms of a long task even on a machine four times slower).
 * {@link MAX_ANALYZED_CHARS} is a whole number of parts.
 */
export const ANALYZE_PART_CHARS = 125_000;
/** A figure the reader sends for the library (see `LibraryFigureInput`). */
const libraryFigure = object({
  quote: string(200),
  text: string(400),
  value: number(),
  valueMax: nullable(number()),
  unit: string(40),
  qualifier: string(40),
  indicator: string(400),
  kind: oneOf(['target', 'achieved']),
  section: string(2_000),
  start: offset,
  metric: oneOf([...METRIC_IDS, '']),
  year: nullable(number({ integer: true, min: 0 })),
  direction: oneOf(['up', 'down', null]),
  firmness: oneOf(['hard', 'soft', null]),
  headline: boolean,
  average: boolean,
});

/** The library part of `highlightsUpdated`: it names the background's analysis by its sizes. */
const libraryRememberAnalyzed = object({
  canonicalUrl: url,
  title: shortText,
  headings: array(string(1_000), 100),
  chars: offset,
  count: number({ integer: true, min: 1 }),
  dropped: array(offset, MAX_LIBRARY_FIGURES),
});

/** One schema per message a content script may send. */
export const CONTENT_SCHEMAS: { [N in ContentSentName]: Schema<RequestOf<N>> } = {
  // The gate's page sample, exactly as bounded as the sampler makes it.
  scorePageSample: object({
    title: string(SAMPLE_TITLE_CHARS),
    headings: array(string(SAMPLE_HEADING_CHARS), SAMPLE_HEADINGS),
    text: string(SAMPLE_CHARS),
    linkText: optional(number({ integer: true, min: 0 })),
  }),
  pageDetected: object({
    url,
    detection,
    documentToken: string(100),
    scriptRemembered: optional(boolean),
    notedSite: optional(boolean),
  }),
  pdfDocumentShown: empty,
  highlightsUpdated: object({
    enabled: boolean,
    counts: object({ target: offset, achieved: offset }),
    library: optional(libraryRememberAnalyzed),
  }),
  analyzeTargetsPart: object({
    request: string(100),
    index: offset,
    text: string(ANALYZE_PART_CHARS),
  }),
  analyzeTargets: object({
    text: string(MAX_ANALYZED_CHARS),
    request: optional(string(100)),
    parts: optional(offset),
  }),
  convertTexts: object({ preset: oneOf(ENGINE_PRESETS), texts: array(string(), 200_000) }),
  notesForPage: object({ url, canonicalUrl: url, ...pageLead }),
  readerPageRecords: object({ url, canonicalUrl: url, ...pageLead }),
  readerLoadFeature: object({ feature: oneOf(READER_FEATURE_FILES) }),
  notesFingerprint: object(pageLead),
  t2sDictionaries: empty,
  notesSave: object({ draft: noteDraft }),
  notesUpdate: object({
    id,
    changes: object({ body: optional(string(100_000)), color: optional(color), tags: optional(tags) }),
  }),
  notesDelete: object({ id }),
  notesRestore: object({ note: noteRecord }),
  notesEditorOpen: object({
    token: string(100),
    setup: object({ quote: shortText, body: string(100_000), color, tags }),
  }),
  notesPageUpdated: empty,
  correctionsForPage: object(pageLead),
  targetsPageHover: object({ index: number({ integer: true, min: -1 }) }),
  targetsPageLocation: object({ section: number({ integer: true, min: -1 }) }),
  targetsPageUpdated: empty,
  libraryRemember: object({
    canonicalUrl: url,
    title: shortText,
    headings: array(string(1_000), 100),
    head: string(10_000),
    figures: array(libraryFigure, 20_000),
  }),
  libraryHistory: object({ metrics: array(oneOf(METRIC_IDS), METRIC_IDS.length) }),
};

const counts = object({ target: offset, achieved: offset });
const convertStatus = object({
  detected: oneOf(['simplified', 'traditional', 'mixed', 'unknown']),
  target: oneOf(SCRIPT_TARGETS),
  hidePinyin: boolean,
  hasPinyin: boolean,
});
const highlighting = object({ enabled: boolean, counts });
/** The reader core's readiness answer: exactly `true` (anything else is no ready reader). */
const literalTrue: Schema<true> = (value, path) => {
  if (value !== true) throw new SchemaError(path, 'true');
  return true;
};

/** Content-script answers the background acts on or stores (see `askTab`). */
export const TAB_ANSWER_SCHEMAS: {
  [
    N in
      | 'getDetection'
      | 'getHighlighting'
      | 'setHighlighting'
      | 'convertReadStatus'
      | 'convertApply'
      | 'readerReady'
  ]: Schema<ResponseOf<N>>;
} = {
  getDetection: object({ url, detection }),
  getHighlighting: highlighting,
  readerReady: literalTrue,
  setHighlighting: highlighting,
  convertReadStatus: convertStatus,
  convertApply: convertStatus,
};
