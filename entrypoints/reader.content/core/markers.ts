/**
 * The literals PlanLens writes into pages, in one place: the attribute that marks our own UI (so
 * text models, watchers and the converter skip it) and the names of the User Timing measures
 * benchmarks read.
 *
 * @module
 */

/** Marks every element PlanLens adds to a page (UI hosts, fallback `<style>`). */
export const PLANLENS_UI_ATTR = 'data-planlens-ui';

/** Selector form of {@link PLANLENS_UI_ATTR}. */
export const PLANLENS_UI_SELECTOR = `[${PLANLENS_UI_ATTR}]`;

/** Whether an event target or node is inside PlanLens's own UI (events from a shadow root are retargeted to its host). */
export function isInsidePlanLensUi(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(PLANLENS_UI_SELECTOR) !== null;
}
