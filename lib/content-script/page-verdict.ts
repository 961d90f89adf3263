/**
 * The gate's verdict on the page, handed to the reader without a message: both content scripts run
 * in the extension's isolated world of the page (one per extension and frame, in Chrome and
 * Firefox), which the page's own scripts never see. The reader then needs no detector of its own,
 * which kept about 7 kB of detection code out of `reader.js` (tests/browser/reader-size.test.ts).
 *
 * @module
 */
import type { Detection } from '../detect/detect';

/** A symbol, so no page-visible or guessable string names the slot. */
const VERDICT = Symbol.for('planlens.gate.verdict');

type VerdictWorld = { [VERDICT]?: Detection };

/** Keeps the gate's verdict for this document in the isolated world (the gate calls this). */
export function publishPageVerdict(detection: Detection, world: object = globalThis): void {
  (world as VerdictWorld)[VERDICT] = detection;
}

/**
 * The gate's verdict for this document, or null when the gate did not run here (a page the
 * manifest does not match, or a reader injected before the gate finished).
 */
export function readPageVerdict(world: object = globalThis): Detection | null {
  return (world as VerdictWorld)[VERDICT] ?? null;
}
