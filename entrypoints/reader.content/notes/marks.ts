/**
 * How notes look in the page: boxes drawn inside our own closed UI over the clauses' client rects —
 * an underline for every note, a tint of the note's colour, a dotted underline for notes from other
 * copies of the document, an orange tint for the note being shown. Not the CSS Custom Highlight API:
 * `CSS.highlights` is the page's, so registered note ranges would tell any page script which
 * clauses the reader noted (and, on a reprint, what was noted elsewhere).
 *
 * Boxes follow the page: redrawn (at most once a frame) on scroll anywhere, resize, and size changes
 * of the document; the session hands new ranges after the text changes. Only boxes in the viewport
 * are drawn, so a page with many notes costs what is on screen.
 *
 * @module
 */
import type { NoteColor } from '@/lib/db/note';
import { toLiveRange } from '../core/caret';

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
[data-mark=note] > div { border-bottom: 2px solid rgb(120 80 0 / 0.7); }
[data-mark=note][data-color=yellow] > div { background: rgb(255 214 0 / 0.45); }
[data-mark=note][data-color=green] > div { background: rgb(60 200 110 / 0.38); }
[data-mark=note][data-color=blue] > div { background: rgb(70 150 255 / 0.35); }
[data-mark=note][data-color=pink] > div { background: rgb(255 110 170 / 0.38); }
[data-mark=note][data-color=purple] > div { background: rgb(160 110 255 / 0.38); }
[data-mark=offered] > div { border-bottom: 2px dotted rgb(90 90 200 / 0.9); }
[data-mark=focus] > div { background: rgb(255 140 0 / 0.55); }
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
    if (marks.length === 0 && !focused && container.childElementCount === 0) return;
    frame = requestAnimationFrame(draw);
  };

  const listen = { capture: true, passive: true, signal: stop.signal } as const;
  // Capture: scrolling inside any scrollable element moves its text too.
  window.addEventListener('scroll', schedule, listen);
  window.addEventListener('resize', schedule, listen);
  const resized = new ResizeObserver(schedule);
  resized.observe(document.documentElement);
  if (document.body) resized.observe(document.body);
  stop.signal.addEventListener('abort', () => {
    resized.disconnect();
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
      marks = next.map((m) => describe(m.range, m.offered ? 'offered' : 'note', m.color));
      schedule();
    },
    focus(range) {
      focused = range ? describe(range, 'focus', '') : null;
      schedule();
    },
    destroy: () => stop.abort(),
  };
}
