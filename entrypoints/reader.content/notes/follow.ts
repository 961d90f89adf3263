/**
 * Keeping in-page boxes on their clauses: calls `onMove` (at most once a frame) when the page may
 * have moved text on screen — a scroll anywhere (captured, so scrollable elements count too), a
 * resize, or a change in the size of the document (reflow: fonts, images, content arriving).
 * Used by the note marks and by the note card, so both stay where their clause is.
 *
 * @module
 */

/** Starts following the page; the returned function (or `signal`) stops it. */
export function followPage(onMove: () => void, signal: AbortSignal): () => void {
  const stop = new AbortController();
  signal.addEventListener('abort', () => stop.abort(), { once: true, signal: stop.signal });
  let frame = 0;
  const schedule = () => {
    if (frame || stop.signal.aborted) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      if (!stop.signal.aborted) onMove();
    });
  };
  const listen = { capture: true, passive: true, signal: stop.signal } as const;
  window.addEventListener('scroll', schedule, listen);
  window.addEventListener('resize', schedule, listen);
  const resized = new ResizeObserver(schedule);
  resized.observe(document.documentElement);
  if (document.body) resized.observe(document.body);
  stop.signal.addEventListener('abort', () => {
    resized.disconnect();
    cancelAnimationFrame(frame);
  });
  return () => stop.abort();
}
