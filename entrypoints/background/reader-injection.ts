/**
 * The one path by which the background starts the reader in a tab (page feature, notes, convert).
 *
 * A request to inject names the document it is for, because the tab may show another one by the
 * time the injection lands (the user left the plan page as it loaded: a sports page once got the
 * highlights and the notes UI). Injection is two steps:
 * 1. a one-off function checks that the tab's top document is the requested one (the gate's
 *    per-document token, or the address) and, only then, stamps it as admitted;
 * 2. the reader file is injected; the reader starts only in a document stamped for it
 *    (`reader.content/reader-admission.ts`), so a file that lands in a later document does nothing.
 * Chrome also pins both steps to the requested document with `documentIds`; Firefox has no
 * document ids, so there the stamp is the whole guard.
 *
 * @module
 */
import { browser } from 'wxt/browser';
import { askTab } from '../../lib/messaging/runtime';
import { TAB_ANSWER_SCHEMAS } from '../../lib/messaging/schemas';
import type { ContentSender } from '../../lib/messaging/dispatch';
import type { ReaderFeatureFile } from '../../lib/messaging/protocol-page';
import { READER_STARTUP_KEYS } from '../../lib/settings/keys';

const READER_FILE = '/content-scripts/reader.js';
/** The built file of each on-demand feature (WXT builds `entrypoints/<name>.ts` as `/<name>.js`). */
const FEATURE_FILES = { convert: '/reader-convert.js', notes: '/reader-notes.js' } as const satisfies Record<
  ReaderFeatureFile,
  string
>;
/** executeScript can hang when the document goes away under it: never wait on it for ever. */
const INJECT_TIMEOUT_MS = 3000;
/** How long an injected reader may take to answer `readerReady` before the request gives up. */
const START_TIMEOUT_MS = 3000;

/** Which document of the tab the reader is meant for; every field given must match. */
export interface ReaderTarget {
  /** Chrome's id of the requesting document (`sender.documentId`). */
  documentId?: string;
  /** The gate's per-document token for the requesting document. */
  documentToken?: string;
  /** The address the requesting document had. */
  url?: string;
  /**
   * Start the reader with highlights off (a page that is not a plan but has notes): the notes
   * come back, and the popup can still turn highlights on. Ignored when a reader already runs.
   */
  notesOnly?: boolean;
}

/**
 * Injections in flight per tab and requested document, so triggers arriving together (gate,
 * shortcut, popup) for the same document share one answer, while a request for the next document
 * never takes the answer of one for a document that is gone.
 */
const injecting = new Map<string, Promise<boolean>>();

/**
 * The last injection started per tab. Requests for other keys (the gate names its document, the
 * popup does not) wait for it and then ask the tab again: two injections at once put two readers
 * in the page, and the second one's start took over from the first just after the first had
 * answered `readerReady` (a CI run saw `convertReadStatus` unanswered).
 */
const lastPerTab = new Map<number, Promise<boolean>>();

/**
 * Makes sure a reader runs in the tab's top document, injecting it when none answers, and only
 * into the document `target` names.
 *
 * @returns whether a reader answers afterwards (false when the document changed or cannot be scripted)
 */
export function ensureReader(tabId: number, target: ReaderTarget = {}): Promise<boolean> {
  const key = [tabId, target.documentId, target.documentToken, target.url].join('|');
  const pending = injecting.get(key);
  // A request that failed may have been for the same document before it went into the
  // back/forward cache: now that it is back, try again rather than take the old answer.
  if (pending) return pending.then((ok) => ok || startInjection(key, tabId, target));
  return startInjection(key, tabId, target);
}

function startInjection(key: string, tabId: number, target: ReaderTarget): Promise<boolean> {
  const pending = injecting.get(key);
  if (pending) return pending;
  // Bounded: an injection gives up after INJECT_TIMEOUT_MS and START_TIMEOUT_MS of asking.
  const previous = lastPerTab.get(tabId);
  const run = (async () => {
    if (previous) await previous.catch(() => false);
    if (await readerAnswers(tabId)) return true;
    try {
      await withTimeout(injectInto(tabId, target));
    } catch {
      return false;
    }
    // The reader answers once its settings are read and its features started: tens of ms on a
    // quiet machine, but a loaded one (a busy tab, a slow disk) took most of a second.
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (await readerAnswers(tabId)) return true;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return false;
  })().finally(() => {
    if (injecting.get(key) === run) injecting.delete(key);
    if (lastPerTab.get(tabId) === run) lastPerTab.delete(tabId);
  });
  injecting.set(key, run);
  lastPerTab.set(tabId, run);
  return run;
}

/**
 * Whether a reader runs in the tab's top frame with every feature started: its core answers
 * `readerReady` only after all of them have (reader.ts), so any feature's message can follow.
 */
async function readerAnswers(tabId: number): Promise<boolean> {
  try {
    await askTab(tabId, 'readerReady', {}, TAB_ANSWER_SCHEMAS.readerReady);
    return true;
  } catch {
    return false;
  }
}

async function injectInto(tabId: number, target: ReaderTarget): Promise<void> {
  // Firefox rejects `documentIds`; Chrome pins each step to the document that asked.
  const pinned = import.meta.env.FIREFOX || !target.documentId ? undefined : [target.documentId];
  // Read here and handed over with the stamp: the reader's start then asks storage nothing.
  const stored = await browser.storage.local.get([...READER_STARTUP_KEYS]).catch(() => null);
  const [stamp] = await browser.scripting.executeScript({
    target: pinned ? { tabId, documentIds: pinned } : { tabId },
    func: admitReader,
    args: [target.documentToken ?? null, target.url ?? null, target.notesOnly === true, stored],
  });
  if (stamp?.result !== true) throw new Error('PlanLens: the tab shows another document now');
  // Chrome reports which document the stamp went to: the reader file must go to the same one.
  const documentId = import.meta.env.FIREFOX
    ? undefined
    : ((stamp as { documentId?: string }).documentId ?? target.documentId);
  await browser.scripting.executeScript({
    target: documentId ? { tabId, documentIds: [documentId] } : { tabId },
    files: [READER_FILE],
  });
}

/**
 * Injects the file of the reader's on-demand feature `feature` (`entrypoints/reader-<feature>.ts`)
 * into the document of the reader that asked, and nowhere else: Chrome pins it to the sender's
 * document id, Firefox (no document ids) to its frame. The file only hands its start function to
 * the reader running there (`reader.content/core/lazy-features.ts`), so one that lands in a page
 * without a reader does nothing.
 *
 * @throws when the document is gone or cannot be scripted, or after {@link INJECT_TIMEOUT_MS}
 */
export async function injectReaderFeature(sender: ContentSender, feature: ReaderFeatureFile): Promise<void> {
  const target =
    !import.meta.env.FIREFOX && sender.documentId
      ? { tabId: sender.tabId, documentIds: [sender.documentId] }
      : { tabId: sender.tabId, frameIds: [sender.frameId] };
  await withTimeout(browser.scripting.executeScript({ target, files: [FEATURE_FILES[feature]] }));
}

/**
 * Runs in the page's content-script world (serialized: self-contained). Admits one more reader
 * start in the document if it is the requested one, with the reader's start-up settings `stored`
 * (null: the reader reads them itself).
 */
function admitReader(
  token: string | null,
  url: string | null,
  notesOnly: boolean,
  stored: Record<string, unknown> | null,
): boolean {
  const world = globalThis as {
    __planlensDocumentToken?: string;
    __planlensReaderAdmissions?: number;
    __planlensReaderNotesOnly?: boolean;
    __planlensReaderStored?: Record<string, unknown> | null;
  };
  if (token !== null && world.__planlensDocumentToken !== token) return false;
  if (url !== null && location.href !== url) return false;
  world.__planlensReaderAdmissions = (world.__planlensReaderAdmissions ?? 0) + 1;
  world.__planlensReaderNotesOnly = notesOnly;
  world.__planlensReaderStored = stored;
  return true;
}

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('PlanLens: injection timed out')), INJECT_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
