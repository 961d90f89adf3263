/**
 * How notes look in the page: CSS Custom Highlight API entries — `planlens-note` (every note, an
 * underline), `planlens-note-<colour>` (the note's colour), `planlens-note-offered` (notes from
 * other copies of the document) and `planlens-note-focus` (the note being shown). No DOM changes.
 *
 * @module
 */
import { NOTE_COLORS, type NoteColor } from '@/lib/db/note';

/** Highlight names. */
export const NOTE_HIGHLIGHT = 'planlens-note';
export const OFFERED_HIGHLIGHT = 'planlens-note-offered';
export const FOCUS_HIGHLIGHT = 'planlens-note-focus';

const BACKGROUNDS: Record<NoteColor, string> = {
  yellow: 'rgb(255 214 0 / 0.45)',
  green: 'rgb(60 200 110 / 0.38)',
  blue: 'rgb(70 150 255 / 0.35)',
  pink: 'rgb(255 110 170 / 0.38)',
  purple: 'rgb(160 110 255 / 0.38)',
};

const STYLE_TEXT = [
  `::highlight(${NOTE_HIGHLIGHT}) { text-decoration: underline 2px rgb(120 80 0 / 0.7); text-underline-offset: 3px; }`,
  ...NOTE_COLORS.map((c) => `::highlight(${NOTE_HIGHLIGHT}-${c}) { background-color: ${BACKGROUNDS[c]}; }`),
  `::highlight(${OFFERED_HIGHLIGHT}) { text-decoration: underline dotted 2px rgb(90 90 200 / 0.9); text-underline-offset: 3px; }`,
  `::highlight(${FOCUS_HIGHLIGHT}) { background-color: rgb(255 140 0 / 0.55); }`,
].join('\n');

let sheet: CSSStyleSheet | null = null;

/** True where the CSS Custom Highlight API exists. */
export function supportsNoteHighlights(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/** Adds our ::highlight styles to the document (as an adopted sheet, so no element is added). */
export function installNoteStyles(doc: Document = document): void {
  if (sheet) return;
  sheet = new CSSStyleSheet();
  sheet.replaceSync(STYLE_TEXT);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}

/** Removes our styles and every note highlight. */
export function removeNoteStyles(doc: Document = document): void {
  if (sheet) doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
  sheet = null;
  if (!supportsNoteHighlights()) return;
  for (const name of allNames()) CSS.highlights.delete(name);
}

function allNames(): string[] {
  return [
    NOTE_HIGHLIGHT,
    OFFERED_HIGHLIGHT,
    FOCUS_HIGHLIGHT,
    ...NOTE_COLORS.map((c) => `${NOTE_HIGHLIGHT}-${c}`),
  ];
}

/** A range to paint and how. */
export interface PaintedRange {
  range: StaticRange;
  color: NoteColor;
  offered: boolean;
}

/** Replaces the note highlights with `ranges`. */
export function paintNotes(ranges: readonly PaintedRange[]): void {
  if (!supportsNoteHighlights()) return;
  const all = new Highlight();
  const offered = new Highlight();
  const byColor = new Map<NoteColor, Highlight>(NOTE_COLORS.map((c) => [c, new Highlight()]));
  for (const r of ranges) {
    if (r.offered) {
      offered.add(r.range);
      continue;
    }
    all.add(r.range);
    byColor.get(r.color)!.add(r.range);
  }
  CSS.highlights.set(NOTE_HIGHLIGHT, all);
  CSS.highlights.set(OFFERED_HIGHLIGHT, offered);
  for (const [color, highlight] of byColor) CSS.highlights.set(`${NOTE_HIGHLIGHT}-${color}`, highlight);
}

/** Marks one range as focused, or clears the mark with null. */
export function paintFocus(range: StaticRange | null): void {
  if (!supportsNoteHighlights()) return;
  if (!range) {
    CSS.highlights.delete(FOCUS_HIGHLIGHT);
    return;
  }
  const focus = new Highlight(range);
  focus.priority = 2;
  CSS.highlights.set(FOCUS_HIGHLIGHT, focus);
}
