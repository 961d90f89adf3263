/**
 * Draws only the rows of a long table that are near the view, as the Targets table does: past
 * `virtualFrom` rows, the rows between `from` and `to` are drawn between two spacer rows whose
 * heights stand for the rest, and scrolling or resizing the window (the side panel scrolls its
 * whole page) moves the window of drawn rows. `reveal` brings a row into view (or keyboard focus to
 * it) whether drawn or not: keyboard reach across a long table.
 *
 * @module
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

/** How the window of drawn rows is sized. */
export interface WindowedRowsOptions {
  /** Tables with more rows than this draw only the rows near the view. */
  virtualFrom: number;
  /** Rows drawn above and below the view. */
  overscan: number;
  /** A row's height until one was measured. */
  rowPx: number;
  /** Rows drawn before the table's place is known (a side panel shows about 25). */
  initial: number;
  /** Selects the drawn rows inside the table body (not the spacers), to measure them. */
  rowSelector: string;
  /**
   * The selector of the row at `position` among all rows, for `reveal` (the caller knows which row
   * is where); null when there is none. Without it `reveal` does nothing. Read when `reveal` is
   * called, so a row that moves before it is drawn is still the one found.
   */
  rowSelectorAt?: (position: number) => string | null;
}

/** Which rows to draw, and the spacers' heights in pixels (0: no spacer). */
export interface WindowedRows {
  virtual: boolean;
  from: number;
  to: number;
  spaceBefore: number;
  spaceAfter: number;
  /**
   * Shows the row at `position`: scrolls it into view, or with `focus` focuses it (which scrolls
   * too). A row not drawn yet is scrolled to by its estimated place and handled once drawn.
   */
  reveal: (position: number, focus: boolean) => void;
}

/** Focuses `element`, or scrolls it into view. */
function showRow(element: HTMLElement, focus: boolean): void {
  if (focus) element.focus();
  else element.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}

/**
 * The window of rows to draw out of `count`, for the table body `tbody`. `resetKey` (the shown
 * rows) starts the window again at the table's place when it changes. Below `virtualFrom` every
 * row is drawn and nothing listens to scrolling.
 */
export function useWindowedRows(
  count: number,
  tbody: RefObject<HTMLTableSectionElement | null>,
  options: WindowedRowsOptions,
  resetKey: unknown,
): WindowedRows {
  const { virtualFrom, overscan, initial, rowSelector } = options;
  const [drawn, setDrawn] = useState({ from: 0, to: initial });
  const rowPx = useRef(options.rowPx);
  const virtual = count > virtualFrom;
  const selectRowAt = useRef(options.rowSelectorAt);
  selectRowAt.current = options.rowSelectorAt;
  /** A row that gets focus, or is scrolled to, once drawn. */
  const pending = useRef<{ selector: string; focus: boolean } | null>(null);

  const updateDrawn = useCallback(() => {
    const body = tbody.current;
    if (!body) return;
    const first = Math.max(0, Math.floor(-body.getBoundingClientRect().top / rowPx.current));
    const next = {
      from: Math.max(0, first - overscan),
      to: first + Math.ceil(window.innerHeight / rowPx.current) + overscan,
    };
    setDrawn((d) => (d.from === next.from && d.to === next.to ? d : next));
  }, [tbody, overscan]);

  const reveal = useCallback(
    (position: number, focus: boolean) => {
      const selector = selectRowAt.current?.(position);
      if (!selector) return;
      const element = tbody.current?.querySelector<HTMLElement>(selector);
      if (element) {
        showRow(element, focus);
        return;
      }
      pending.current = { selector, focus };
      const top = (tbody.current?.getBoundingClientRect().top ?? 0) + position * rowPx.current;
      window.scrollBy(0, top - window.innerHeight / 2);
      updateDrawn();
    },
    [tbody, updateDrawn],
  );

  useEffect(() => {
    if (!virtual) return;
    updateDrawn();
    window.addEventListener('scroll', updateDrawn, { passive: true });
    window.addEventListener('resize', updateDrawn, { passive: true });
    return () => {
      window.removeEventListener('scroll', updateDrawn);
      window.removeEventListener('resize', updateDrawn);
    };
  }, [virtual, updateDrawn, resetKey]);

  // After each draw, the spacers take the drawn rows' mean height (rows wrap in a narrow panel),
  // and a row waiting to be revealed is, if it is drawn now.
  useEffect(() => {
    const body = tbody.current;
    if (!body) return;
    if (virtual) {
      const rows = body.querySelectorAll<HTMLElement>(rowSelector);
      const firstRow = rows[0];
      const lastRow = rows[rows.length - 1];
      if (firstRow && lastRow && rows.length > 1) {
        const mean =
          (lastRow.getBoundingClientRect().bottom - firstRow.getBoundingClientRect().top) / rows.length;
        if (mean > 0 && Math.abs(mean - rowPx.current) > 1) rowPx.current = mean;
      }
    }
    const want = pending.current;
    const element = want && body.querySelector<HTMLElement>(want.selector);
    if (!want || !element) return;
    pending.current = null;
    showRow(element, want.focus);
  });

  if (!virtual) return { virtual, from: 0, to: count, spaceBefore: 0, spaceAfter: 0, reveal };
  const from = Math.min(drawn.from, Math.max(0, count - 1));
  const to = Math.min(count, Math.max(drawn.to, from + 1));
  return {
    virtual,
    from,
    to,
    spaceBefore: from * rowPx.current,
    spaceAfter: (count - to) * rowPx.current,
    reveal,
  };
}
