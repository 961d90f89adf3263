/**
 * Import of W3C Web Annotation JSON-LD (ours or another tool's): the whole file is validated before
 * anything is written, then added in one transaction with duplicates skipped.
 *
 * @module
 */
import type { TextPositionSelector, TextQuoteSelector } from '../anchor/selectors';
import type { PlanLensExtras } from './export';
import { isNoteColor, type NoteDraft } from './note';
import { completeNote } from './notes-repo';
import type { PlanLensDb } from './schema';

/** Why a file was refused; `message` is meant for the user. */
export class ImportError extends Error {
  override name = 'ImportError';
}

/** The outcome of an import. */
export interface ImportReport {
  added: number;
  skipped: number;
}

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
 * defaults (yellow, no tags, no fingerprint for foreign annotations).
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
  return {
    id: id || undefined,
    url: source,
    canonicalUrl: str(extras.canonicalUrl),
    title: str(extras.title) || fingerprint.title,
    fingerprint,
    quote: selector,
    position: hint,
    sectionPath: Array.isArray(extras.sectionPath) ? extras.sectionPath.map(str) : [],
    body: str(comment?.value),
    color: isNoteColor(extras.color) ? extras.color : 'yellow',
    tags,
    created: isDate(value.created) ? value.created : undefined,
    modified: isDate(value.modified) ? value.modified : undefined,
  };
}

/**
 * Parses and validates a whole file; throws an ImportError (and nothing is imported) if it is not
 * JSON, not annotations, or any annotation is invalid.
 */
export function parseAnnotationFile(text: string): NoteDraft[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ImportError('This file is not JSON: choose a PlanLens or W3C Web Annotation (.jsonld) export.');
  }
  return annotationsIn(data).map(annotationToDraft);
}

/**
 * Imports a JSON-LD file in one transaction. A note is a duplicate (skipped) when its id exists, or
 * a note with the same address, quote and body exists (the same note exported by another profile).
 *
 * Edge cases: throws ImportError before writing anything when the file is invalid; `modified`
 * times from the file are kept.
 */
export async function importAnnotations(db: PlanLensDb, text: string): Promise<ImportReport> {
  const drafts = parseAnnotationFile(text);
  return db.transaction('rw', db.notes, async () => {
    let added = 0;
    let skipped = 0;
    const seen = new Set<string>();
    for (const draft of drafts) {
      const note = completeNote(draft, new Date(), true);
      const sameText = `${note.url}\u0000${note.quote.exact}\u0000${note.body}`;
      const byId = draft.id ? await db.notes.get(draft.id) : undefined;
      const byText = await db.notes
        .where('url')
        .equals(note.url)
        .filter((n) => n.quote.exact === note.quote.exact && n.body === note.body)
        .first();
      if (byId || byText || seen.has(sameText)) {
        skipped++;
        continue;
      }
      seen.add(sameText);
      await db.notes.add(note);
      added++;
    }
    return { added, skipped };
  });
}
