/**
 * Exports of notes: W3C Web Annotation JSON-LD (an AnnotationCollection, re-importable), Markdown
 * grouped by document, and CSV for spreadsheets.
 *
 * @module
 */
import { escapeMarkdownLine as escapeLine, escapeMarkdownText, markdownLink } from '../text/markdown';
import type { NoteRecord } from './note';

// Moved to lib/text/markdown (the targets export uses them too); kept here for existing importers.
export { escapeMarkdownText, markdownLink };

/** The JSON-LD context: the W3C annotation vocabulary plus our own terms under `planlens:`. */
export const JSONLD_CONTEXT = [
  'http://www.w3.org/ns/anno.jsonld',
  { planlens: 'https://planlens.invalid/ns#' },
];

/** Media type of the JSON-LD export. */
export const JSONLD_MEDIA_TYPE = 'application/ld+json;profile="http://www.w3.org/ns/anno.jsonld"';

/** What we keep beyond the W3C model, under `planlens:note`. */
export interface PlanLensExtras {
  canonicalUrl: string;
  title: string;
  fingerprint: NoteRecord['fingerprint'];
  sectionPath: string[];
  color: NoteRecord['color'];
  /** The PDF page of a note made in the PDF reader. */
  pdfPage?: number;
}

/** Media fragment of a PDF page (RFC 3778 `page=N`), the W3C FragmentSelector PDF viewers read. */
export const PDF_FRAGMENT_SPEC = 'http://tools.ietf.org/rfc/rfc3778';

/** One note as a W3C Web Annotation. */
export function toAnnotation(note: NoteRecord): Record<string, unknown> {
  const extras: PlanLensExtras = {
    canonicalUrl: note.canonicalUrl,
    title: note.title,
    fingerprint: note.fingerprint,
    sectionPath: note.sectionPath,
    color: note.color,
    ...(note.pdfPage ? { pdfPage: note.pdfPage } : {}),
  };
  const page = note.pdfPage
    ? [{ type: 'FragmentSelector', conformsTo: PDF_FRAGMENT_SPEC, value: `page=${note.pdfPage}` }]
    : [];
  return {
    id: note.id,
    type: 'Annotation',
    motivation: 'commenting',
    created: note.created,
    modified: note.modified,
    body: [
      { type: 'TextualBody', value: note.body, format: 'text/plain', purpose: 'commenting' },
      ...note.tags.map((tag) => ({ type: 'TextualBody', value: tag, purpose: 'tagging' })),
    ],
    target: {
      type: 'SpecificResource',
      source: note.url,
      styleClass: `planlens-note-${note.color}`,
      selector: [note.quote, note.position, ...page],
      // The page as it was when the note was made: the TextPosition hint is only valid for it.
      state: { type: 'TimeState', sourceDate: note.created },
    },
    'planlens:note': extras,
  };
}

/** All notes as one W3C AnnotationCollection with a single page, as a JSON string. */
export function exportJsonLd(notes: readonly NoteRecord[], now = new Date()): string {
  return JSON.stringify(
    {
      '@context': JSONLD_CONTEXT,
      type: 'AnnotationCollection',
      label: 'PlanLens notes',
      generated: now.toISOString(),
      total: notes.length,
      first: { type: 'AnnotationPage', startIndex: 0, items: notes.map(toAnnotation) },
    },
    null,
    2,
  );
}

function quoteBlock(text: string): string {
  return text
    .split(/\r?\n/u)
    .map((line) => `> ${escapeMarkdownText(line)}`)
    .join('\n');
}

/** The page a note cites: `p. 3` for a PDF note, '' otherwise. */
function pageCitation(note: NoteRecord): string {
  return note.pdfPage ? `p. ${note.pdfPage}` : '';
}

/** A note's address, pointing at its PDF page when it has one (`…plan.pdf#page=3`). */
function citedUrl(note: NoteRecord): string {
  return note.pdfPage ? `${note.url}#page=${note.pdfPage}` : note.url;
}

/**
 * Notes as Markdown: one section per document (by fingerprint, else address) with a link to each
 * page it was noted on, then each note's section path, quote, body and tags, in creation order; a
 * PDF note cites its page (`p. 3`, linked as `…#page=3`).
 * Everything taken from pages or notes is escaped ({@link escapeMarkdownText}); only http(s)
 * addresses become links ({@link markdownLink}).
 */
export function exportMarkdown(notes: readonly NoteRecord[]): string {
  const groups = new Map<string, NoteRecord[]>();
  for (const note of [...notes].sort((a, b) => a.created.localeCompare(b.created))) {
    const key = note.fingerprintKey || note.url;
    groups.set(key, [...(groups.get(key) ?? []), note]);
  }
  const out: string[] = ['# PlanLens notes', ''];
  for (const group of groups.values()) {
    const first = group[0]!;
    out.push(`## ${escapeLine(first.title || first.url)}`, '');
    const meta = [first.fingerprint.docNumber, first.fingerprint.date].filter(Boolean).join(' · ');
    if (meta) out.push(escapeLine(meta), '');
    for (const url of new Set(group.map((n) => n.url))) out.push(`- ${markdownLink(url)}`);
    out.push('');
    for (const note of group) {
      if (note.sectionPath.length) out.push(`### ${escapeLine(note.sectionPath.join(' › '))}`, '');
      out.push(quoteBlock(note.quote.exact), '');
      if (note.body) out.push(escapeMarkdownText(note.body), '');
      if (note.tags.length) {
        out.push(note.tags.map((t) => `#${escapeLine(t.replace(/\s+/gu, '_'))}`).join(' '), '');
      }
      out.push(
        `<sub>[${escapeLine(note.color)}] ${escapeLine(note.created)} · ${[pageCitation(note), markdownLink(citedUrl(note))].filter(Boolean).join(' · ')}</sub>`,
        '',
      );
    }
  }
  return out.join('\n');
}

function csvCell(value: string): string {
  // A leading = + - @ would run as a formula in spreadsheet software.
  const safe = /^[=+\-@\t\r]/u.test(value) ? `'${value}` : value;
  return /[",\r\n]/u.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** CSV columns, in order. */
export const CSV_COLUMNS = [
  'id',
  'url',
  'title',
  'doc_number',
  'section',
  'quote',
  'note',
  'tags',
  'color',
  'created',
  'modified',
  'page',
] as const;

/**
 * Notes as RFC 4180 CSV with a header row and CRLF line ends; formula-like cells are defused. The
 * `page` column holds a PDF note's page number, empty for web pages.
 */
export function exportCsv(notes: readonly NoteRecord[]): string {
  const rows = notes.map((n) => [
    n.id,
    n.url,
    n.title,
    n.fingerprint.docNumber,
    n.sectionPath.join(' › '),
    n.quote.exact,
    n.body,
    n.tags.join('; '),
    n.color,
    n.created,
    n.modified,
    n.pdfPage ? String(n.pdfPage) : '',
  ]);
  return [[...CSV_COLUMNS], ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
