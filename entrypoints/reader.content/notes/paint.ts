/**
 * How notes look in the page: CSS Custom Highlight API entries — `planlens-note` (every note, an
 * underline), `planlens-note-<colour>` (the note's colour), `planlens-note-offered` (notes from
 * other copies of the document) and `planlens-note-focus` (the note being shown). No DOM changes.
 *
 * @module
 */
import { NOTE_COLORS, type NoteColor } from '@/lib/db/note';
import {
  clearRanges,
  installSheet,
  setRanges,
  supportsHighlights,
  type InstalledSheet,
} from '../core/highlight-registry';

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

let sheet: InstalledSheet | null = null;

/** Adds our ::highlight styles to the document (as an adopted sheet, so no element is added). */
export function installNoteStyles(doc: Document = document): void {
  sheet ??= installSheet(STYLE_TEXT, doc);
}

/** Removes our styles and every note highlight. */
export function removeNoteStyles(): void {
  sheet?.remove();
  sheet = null;
  clearRanges(allNames());
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
  if (!supportsHighlights()) return;
  const all: StaticRange[] = [];
  const offered: StaticRange[] = [];
  const byColor = new Map<NoteColor, StaticRange[]>(NOTE_COLORS.map((c) => [c, []]));
  for (const r of ranges) {
    if (r.offered) {
      offered.push(r.range);
      continue;
    }
    all.push(r.range);
    byColor.get(r.color)!.push(r.range);
  }
  setRanges(NOTE_HIGHLIGHT, all);
  setRanges(OFFERED_HIGHLIGHT, offered);
  for (const [color, list] of byColor) setRanges(`${NOTE_HIGHLIGHT}-${color}`, list);
}

/** Marks one range as focused, or clears the mark with null. */
export function paintFocus(range: StaticRange | null): void {
  if (!supportsHighlights()) return;
  if (!range) {
    CSS.highlights.delete(FOCUS_HIGHLIGHT);
    return;
  }
  setRanges(FOCUS_HIGHLIGHT, [range], 2);
}
