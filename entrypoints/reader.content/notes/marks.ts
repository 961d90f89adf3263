/**
 * How notes look in the page: boxes drawn inside our own closed UI over the clauses' client rects —
 * a double underline for every note (in the colour chosen on the options page, violet by default), a
 * light tint of the note's colour (violet, grey, green or pink: never a target's yellow or an
 * achieved figure's blue, whose highlights have single solid and dotted underlines), a dotted
 * underline for notes from other copies of the document, an orange tint for the note being shown.
 * In dark mode the tints are laid over the page instead of multiplied into it (multiplying darkens
 * a dark page's text to nothing). Not the CSS Custom Highlight API:
 * `CSS.highlights` is the page's, so registered note ranges would tell any page script which
 * clauses the reader noted (and, on a reprint, what was noted elsewhere).
 *
 * Boxes follow the page while there are any: redrawn (at most once a frame) on scroll anywhere,
 * resize, and size changes of the document; the session hands new ranges after the text changes.
 * Only boxes in the viewport are drawn, so a page with many notes costs what is on screen, and a
 * page without notes nothing.
 *
 * @module
 */
import { shownNoteColor, type NoteColor } from '@/lib/db/note';
import { toLiveRange } from '../core/caret';
import { followPage } from './follow';

/** One clause to mark and how. */
export interface NoteMark {
  range: StaticRange;
  color: NoteColor;
  offered: boolean;
}

/** The drawn marks; `destroy()` stops following the page (the boxes go with the UI host). */
export interface NoteMarks {
  /** Replaces the marked clauses. */
  set(marks: readonly NoteMark[]): void;
  /** Marks one clause as the one being shown, or clears that mark with null. */
  focus(range: StaticRange | null): void;
  destroy(): void;
}

/** Styles for the marks (static; added to the notes UI's shadow root). */
export const MARKS_CSS = `
[data-mark] > div { position: fixed; pointer-events: none; }
[data-mark=note] > div { border-bottom: 3px double var(--planlens-note-line, #7c3aed); }
[data-mark=note][data-color=purple] > div { background: rgb(167 139 250 / 0.32); }
[data-mark=note][data-color=grey] > div { background: rgb(161 161 170 / 0.38); }
[data-mark=note][data-color=green] > div { background: rgb(74 222 128 / 0.3); }
[data-mark=note][data-color=pink] > div { background: rgb(244 114 182 / 0.3); }
[data-mark=offered] > div { border-bottom: 2px dotted var(--planlens-note-line, #7c3aed); }
[data-mark=focus] > div { background: rgb(255 140 0 / 0.55); }
@media (prefers-color-scheme: dark) {
  .underlay { mix-blend-mode: normal; }
  [data-mark=note] > div { border-bottom-color: var(--planlens-note-line, #a78bfa); }
  [data-mark=note][data-color=purple] > div { background: rgb(167 139 250 / 0.22); }
  [data-mark=note][data-color=grey] > div { background: rgb(161 161 170 / 0.22); }
  [data-mark=note][data-color=green] > div { background: rgb(74 222 128 / 0.18); }
  [data-mark=note][data-color=pink] > div { background: rgb(244 114 182 / 0.2); }
  [data-mark=focus] > div { background: rgb(255 140 0 / 0.35); }
}
`;

interface Drawn {
  range: StaticRange;
  kind: 'note' | 'offered' | 'focus';
  color: string;
  /** The clause's text when the mark was set (for tests and assistive reading of our own root). */
  text: string;
}

/**
 * Draws note marks into `container` (a click-through layer of our closed UI) and keeps them in step
 * with the page until `signal` aborts or `destroy()` is called.
 */
export function createNoteMarks(container: HTMLElement, signal: AbortSignal): NoteMarks {
  const stop = new AbortController();
  signal.addEventListener('abort', () => stop.abort(), { once: true, signal: stop.signal });
  let marks: Drawn[] = [];
  let focused: Drawn | null = null;
  let frame = 0;

  const draw = () => {
    frame = 0;
    if (stop.signal.aborted) return;
    if (marks.length === 0 && !focused && container.childElementCount === 0) return;
    const width = window.innerWidth;
    const height = window.innerHeight;
    const groups: HTMLElement[] = [];
    for (const mark of focused ? [...marks, focused] : marks) {
      const live = toLiveRange(mark.range);
      if (!live) continue;
      const group = document.createElement('div');
      group.dataset.mark = mark.kind;
      group.dataset.color = mark.color;
      group.dataset.text = mark.text;
      for (const r of live.getClientRects()) {
        if (r.width === 0 || r.height === 0) continue;
        if (r.bottom < 0 || r.top > height || r.right < 0 || r.left > width) continue;
        const box = document.createElement('div');
        box.style.left = `${r.left}px`;
        box.style.top = `${r.top}px`;
        box.style.width = `${r.width}px`;
        box.style.height = `${r.height}px`;
        group.append(box);
      }
      groups.push(group);
    }
    container.replaceChildren(...groups);
  };
  const schedule = () => {
    if (frame || stop.signal.aborted) return;
    // Nothing to draw and nothing drawn to clear (a page without notes): no frame at all.
    if (marks.length === 0 && !focused && container.childElementCount === 0) return;
    frame = requestAnimationFrame(draw);
  };

  // The page is followed only while something is drawn: a page without notes (most plan pages)
  // pays no resize observer or animation frame per reflow while it loads.
  let unfollow: (() => void) | null = null;
  const followWhileDrawn = () => {
    const drawn = marks.length > 0 || focused !== null;
    if (drawn && !unfollow) unfollow = followPage(draw, stop.signal);
    else if (!drawn && unfollow) {
      unfollow();
      unfollow = null;
    }
  };
  stop.signal.addEventListener('abort', () => {
    cancelAnimationFrame(frame);
    container.replaceChildren();
  });

  const describe = (range: StaticRange, kind: Drawn['kind'], color: string): Drawn => ({
    range,
    kind,
    color,
    text: toLiveRange(range)?.toString() ?? '',
  });

  return {
    set(next) {
      marks = next.map((m) => describe(m.range, m.offered ? 'offered' : 'note', shownNoteColor(m.color)));
      followWhileDrawn();
      schedule();
    },
    focus(range) {
      focused = range ? describe(range, 'focus', '') : null;
      followWhileDrawn();
      schedule();
    },
    destroy: () => stop.abort(),
  };
}
