/**
 * The notes UI in Firefox, for tests that make and read notes like a user: the shared lookup
 * (tests/browser/notes-helpers.ts) run on the notes UI's closed shadow root, which Marionette's
 * system sandbox reaches through `openOrClosedShadowRoot`, and in the note editor's frame.
 *
 * @module
 */
import { lookUp, type UiHit, type UiQuery } from '../browser/notes-helpers';
import type { FirefoxBrowser } from './firefox-harness';

/**
 * A privileged script that runs the shared lookup on the notes UI's closed shadow root. Built as
 * text because the lookup must travel with it (the page's CSP forbids eval).
 */
const NOTES_UI_SCRIPT = `const lookUp = ${lookUp.toString()};
const root = document.querySelector('[data-planlens-ui="notes"]')?.openOrClosedShadowRoot;
return root ? lookUp.call(root, arguments[0], 'locate') : null;`;

/**
 * With the system principal: the note editor's frame (an extension page in the notes UI's closed
 * root) and where it is, or null while no editor is open.
 */
const EDITOR_FRAME_SCRIPT = `const root = document.querySelector('[data-planlens-ui="notes"]')?.openOrClosedShadowRoot;
const frame = root?.querySelector('iframe');
if (!frame) return null;
const r = frame.getBoundingClientRect();
return { frame, x: r.left, y: r.top };`;

/** A note mark drawn in the notes UI's closed root: its kind, clause and first box. */
export interface FirefoxNoteMark {
  kind: string;
  text: string;
  box: { x: number; y: number } | null;
}

/**
 * With the system principal: the note marks drawn in the notes UI's closed root (note marks are
 * not in CSS.highlights, which any page script can list).
 */
export function noteMarksInPage(): FirefoxNoteMark[] {
  const host = document.querySelector('[data-planlens-ui="notes"]');
  const root = (host as unknown as { openOrClosedShadowRoot?: ShadowRoot } | null)?.openOrClosedShadowRoot;
  if (!root) return [];
  return [...root.querySelectorAll<HTMLElement>('[data-mark]')].map((m) => {
    const first = m.firstElementChild?.getBoundingClientRect();
    return {
      kind: m.dataset.mark ?? '',
      text: m.dataset.text ?? '',
      box: first
        ? {
            x: Math.round(first.left + Math.min(12, first.width / 2)),
            y: Math.round(first.top + first.height / 2),
          }
        : null,
    };
  });
}

/** With the system principal: the clause texts of the note marks (kind `note`). */
export function noteMarkTextsInPage(): string[] {
  const host = document.querySelector('[data-planlens-ui="notes"]');
  const root = (host as unknown as { openOrClosedShadowRoot?: ShadowRoot } | null)?.openOrClosedShadowRoot;
  if (!root) return [];
  return [...root.querySelectorAll<HTMLElement>('[data-mark="note"]')].map((m) => m.dataset.text ?? '');
}

/** In the page: selects the first occurrence of `text` as a user would. */
export function selectTextInPage(text: string): boolean {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const at = (n as Text).data.indexOf(text);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(n, at);
    range.setEnd(n, at + text.length);
    n.parentElement?.scrollIntoView({ block: 'center' });
    const selection = document.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    return true;
  }
  return false;
}

/** The shared lookup in the note editor's frame, with the point in the page's viewport. */
async function findInEditor(ff: FirefoxBrowser, query: UiQuery): Promise<UiHit | { error: string } | null> {
  const found = await ff.runPrivilegedScript<{
    frame: Record<string, string>;
    x: number;
    y: number;
  } | null>(EDITOR_FRAME_SCRIPT);
  if (!found) return null;
  const element = Object.values(found.frame)[0];
  await ff.client.send('WebDriver:SwitchToFrame', { element });
  try {
    const answer = await ff.runPrivilegedScript(
      `const lookUp = ${lookUp.toString()};\nreturn lookUp.call(document, arguments[0], 'locate');`,
      query,
    );
    const hit = answer as UiHit | { error: string } | null;
    return hit && !('error' in hit) ? { ...hit, x: hit.x + found.x, y: hit.y + found.y } : hit;
  } finally {
    await ff.client.send('WebDriver:SwitchToParentFrame', {});
  }
}

/** The control matching `query` in the notes UI or the editor frame, now, or null. */
export async function lookUpUi(ff: FirefoxBrowser, query: UiQuery): Promise<UiHit | null> {
  const answer =
    (await ff.runPrivilegedScript<UiHit | { error: string } | null>(NOTES_UI_SCRIPT, query)) ??
    (await findInEditor(ff, query));
  if (answer && 'error' in answer) throw new Error(answer.error);
  return answer;
}

/** Waits until the control matching `query` is shown and uncovered, and returns it. */
export async function findUi(ff: FirefoxBrowser, query: UiQuery, timeout = 10_000): Promise<UiHit> {
  let last: UiHit | null = null;
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    last = await lookUpUi(ff, query);
    if (last?.hit) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`notes UI: no ${JSON.stringify(query)}; last ${JSON.stringify(last)}`);
}
