/**
 * Pages for the navigation-race tests, shared by Chromium and Firefox: a plan page that leaves
 * for a sports page (a negative fixture on its own host) at a chosen moment of PlanLens's start,
 * once per tab (so Back shows it without leaving again).
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PAGES_DIR } from './harness';

export const PLAN_HOST = 'www.nmg.gov.cn';
export const SPORTS_HOST = 'sports.sina.com.cn';
const PLAN = readFileSync(path.join(PAGES_DIR, 'gov-portal-plan-2026.html'), 'utf8');

/** When the plan page leaves: right after the gate measured it, or as soon as the reader starts. */
export type LeaveMoment = 'load' | 'detect' | 'reader';

const LEAVE_SCRIPT: Record<LeaveMoment, (extensionId: string) => string> = {
  // The user follows a link the moment the page has loaded.
  load: () => `addEventListener('load', () => setTimeout(leave, 0));`,
  // The gate reports a plan page in the same task as its measure: the report is on its way.
  detect: () => `new PerformanceObserver((list, observer) => {
    if (!list.getEntriesByName('planlens:detect').length) return;
    observer.disconnect();
    leave();
  }).observe({ type: 'measure' });`,
  // WXT marks every content script start with a document event named after the extension's id
  // (the window announcement is switched off: it told every page our id); the reader's requests
  // start with it. Only a page that knows the id can listen, as this test page does.
  reader: (extensionId) =>
    `document.addEventListener(${JSON.stringify(`${extensionId}:reader:wxt:content-script-started`)}, () => leave());`,
};

/**
 * The plan page (seed 003 on a gov portal) that leaves for `sportsUrl` at `moment`; `extensionId`
 * is the extension's `runtime.id` (Chromium: the id in its URLs; Firefox: the add-on id).
 */
export function leavingPlanPage(moment: LeaveMoment, sportsUrl: string, extensionId: string): string {
  const script = `<script>
  // Once per tab and address: Back may restore this document or load it again (no bfcache).
  const leave = () => {
    if (sessionStorage.getItem(location.href)) return;
    sessionStorage.setItem(location.href, 'left');
    location.href = ${JSON.stringify(sportsUrl)};
  };
  // How the test knows Back restored this very document from the back/forward cache.
  window.__restored = 0;
  addEventListener('pageshow', (event) => { if (event.persisted) window.__restored++; });
  ${LEAVE_SCRIPT[moment](extensionId)}
</script>`;
  return PLAN.replace('</head>', `${script}</head>`);
}
