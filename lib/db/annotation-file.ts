/**
 * Reading a W3C Web Annotation JSON-LD file (ours or another tool's) into note drafts: the whole
 * file is checked against {@link IMPORT_LIMITS} and validated before the caller writes anything.
 * Pure (strings in, drafts out); writing them is `import.ts`.
 *
 * @module
 */
import type { TextPositionSelector, TextQuoteSelector } from '../anchor/selectors';
import type { PlanLensExtras } from './export';
import { DEFAULT_NOTE_COLOR, isNoteColor, type NoteDraft } from './note';

/** Why a file was refused or an import stopped; `message` is meant for the user. */
export class ImportError extends Error {
  override name = 'ImportError';
  /** @param added notes already written when the import stopped (0: nothing was imported) */
  constructor(
    message: string,
    readonly added = 0,
  ) {
    super(message);
  }
}

/**
 * What one import may hold. A note anywhere near these is not a note but an attack or a broken
 * file; the caps keep the database, the side panel and every message that carries a page's notes
 * (Chrome refuses one over 64 MiB) within bounds.
 */
export const IMPORT_LIMITS = {
  /** File size, in bytes. */
  fileBytes: 32 * 1024 * 1024,
  notes: 50_000,
  /** Characters of the quoted text; of its prefix and suffix each. */
  quoteChars: 20_000,
  contextChars: 2_000,
  /** Characters of the note's text. */
  bodyChars: 100_000,
  /** Characters of the page title and of the fingerprint's fields each. */
  titleChars: 2_000,
  /** Characters of the page address and of the canonical address each. */
  urlChars: 4_096,
  tags: 100,
  tagChars: 200,
  sectionParts: 20,
  sectionPartChars: 1_000,
} as const;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** The annotations in a parsed file: a collection (with `first.items`), a page, a list or one. */
function annotationsIn(data: unknown): unknown[] {
  if (Array.isArray(data)) return data;
  if (!isObject(data)) throw new ImportError('This file is not W3C Web Annotation JSON-LD.');
  if (data.type === 'AnnotationCollection') {
    const first = data.first;
    if (isObject(first)) return asArray(first.items);
    throw new ImportError('The AnnotationCollection has no annotations (no "first" page).');
  }
  if (data.type === 'AnnotationPage') return asArray(data.items);
  if (data.type === 'Annotation') return [data];
  throw new ImportError(
    'This file is not W3C Web Annotation JSON-LD (no Annotation or AnnotationCollection).',
  );
}

function isDate(value: unknown): value is string {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value));
}

/**
 * Converts one W3C annotation to a note draft, or throws an ImportError saying what is wrong.
 * Needs a target with an http(s) `source` and a non-empty TextQuoteSelector; everything else has
 * defaults (violet, no tags, no fingerprint for foreign annotations). A FragmentSelector `page=N`
 * (RFC 3778, as PDF viewers write it) gives the note its PDF page.
 */
export function annotationToDraft(value: unknown, index: number): NoteDraft {
  const where = `Annotation ${index + 1}`;
  if (!isObject(value) || value.type !== 'Annotation')
    throw new ImportError(`${where} is not an Annotation.`);
  const target = asArray(value.target)[0];
  if (!isObject(target)) throw new ImportError(`${where} has no target.`);
  const source = str(target.source);
  if (!/^https?:\/\//u.test(source)) throw new ImportError(`${where}: target source is not a web address.`);
  const selectors = asArray(target.selector).filter(isObject);
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
  if (!quote || !str(quote.exact)) throw new ImportError(`${where} has no TextQuoteSelector with text.`);
  const position = selectors.find((s) => s.type === 'TextPositionSelector');
  const fragment = selectors.find((s) => s.type === 'FragmentSelector');
  const pageMatch = /^page=(\d{1,5})$/u.exec(str(fragment?.value));
  const bodies = asArray(value.body).filter(isObject);
  const comment = bodies.find((b) => b.purpose !== 'tagging' && typeof b.value === 'string');
  const tags = bodies.filter((b) => b.purpose === 'tagging').map((b) => str(b.value));
  const extras = isObject(value['planlens:note']) ? (value['planlens:note'] as Partial<PlanLensExtras>) : {};
  const fingerprint = isObject(extras.fingerprint)
    ? {
        title: str(extras.fingerprint.title),
        docNumber: str(extras.fingerprint.docNumber),
        date: str(extras.fingerprint.date),
        key: str(extras.fingerprint.key),
      }
    : { title: '', docNumber: '', date: '', key: '' };
  const selector: TextQuoteSelector = {
    type: 'TextQuoteSelector',
    exact: str(quote.exact),
    prefix: str(quote.prefix),
    suffix: str(quote.suffix),
  };
  const hint: TextPositionSelector = {
    type: 'TextPositionSelector',
    start: Number(position?.start) || 0,
    end: Number(position?.end) || 0,
  };
  const id = str(value.id);
  const draft: NoteDraft = {
    id: id || undefined,
    url: source,
    canonicalUrl: str(extras.canonicalUrl),
    title: str(extras.title) || fingerprint.title,
    fingerprint,
    quote: selector,
    position: hint,
    sectionPath: Array.isArray(extras.sectionPath) ? extras.sectionPath.map(str) : [],
    body: str(comment?.value),
    color: isNoteColor(extras.color) ? extras.color : DEFAULT_NOTE_COLOR,
    tags,
    created: isDate(value.created) ? value.created : undefined,
    modified: isDate(value.modified) ? value.modified : undefined,
    ...(pageMatch && Number(pageMatch[1]) > 0 ? { pdfPage: Number(pageMatch[1]) } : {}),
  };
  checkDraftLimits(draft, where);
  return draft;
}

/** Throws an ImportError naming the first field of `draft` over {@link IMPORT_LIMITS}. */
function checkDraftLimits(draft: NoteDraft, where: string): void {
  const L = IMPORT_LIMITS;
  const over = (what: string, limit: number) => {
    throw new ImportError(`${where}: ${what} is longer than ${limit.toLocaleString('en')} characters.`);
  };
  if (draft.url.length > L.urlChars) over('the address', L.urlChars);
  if (draft.canonicalUrl.length > L.urlChars) over('the canonical address', L.urlChars);
  if ((draft.id ?? '').length > L.urlChars) over('the id', L.urlChars);
  if (draft.quote.exact.length > L.quoteChars) over('the quoted text', L.quoteChars);
  if (draft.quote.prefix.length > L.contextChars) over('the text before the quote', L.contextChars);
  if (draft.quote.suffix.length > L.contextChars) over('the text after the quote', L.contextChars);
  if (draft.body.length > L.bodyChars) over('the note', L.bodyChars);
  if (draft.title.length > L.titleChars) over('the title', L.titleChars);
  for (const field of Object.values(draft.fingerprint)) {
    if (field.length > L.titleChars) over('the document fingerprint', L.titleChars);
  }
  if (draft.tags.length > L.tags) throw new ImportError(`${where} has more than ${L.tags} tags.`);
  if (draft.tags.some((t) => t.length > L.tagChars)) over('a tag', L.tagChars);
  if (draft.sectionPath.length > L.sectionParts) {
    throw new ImportError(`${where} has a section path of more than ${L.sectionParts} levels.`);
  }
  if (draft.sectionPath.some((p) => p.length > L.sectionPartChars))
    over('a section title', L.sectionPartChars);
}

/**
 * Parses and validates a whole file; throws an ImportError (and nothing is imported) if it is
 * larger than {@link IMPORT_LIMITS} allows, not JSON, not annotations, holds too many, or any
 * annotation is invalid or over a field limit.
 */
export function parseAnnotationFile(text: string): NoteDraft[] {
  // A UTF-16 length is at most the UTF-8 byte count: a file over the cap in characters is over it in bytes.
  if (text.length > IMPORT_LIMITS.fileBytes) throw fileTooLarge();
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ImportError('This file is not JSON: choose a PlanLens or W3C Web Annotation (.jsonld) export.');
  }
  const annotations = annotationsIn(data);
  if (annotations.length > IMPORT_LIMITS.notes) {
    throw new ImportError(
      `This file holds ${annotations.length.toLocaleString('en')} annotations; ` +
        `at most ${IMPORT_LIMITS.notes.toLocaleString('en')} can be imported at once.`,
    );
  }
  return annotations.map(annotationToDraft);
}

/** The error for a file over {@link IMPORT_LIMITS}.fileBytes (the side panel checks before reading it). */
export function fileTooLarge(): ImportError {
  return new ImportError(
    `This file is larger than ${IMPORT_LIMITS.fileBytes / 1024 / 1024} MB, more than any notes export.`,
  );
}
