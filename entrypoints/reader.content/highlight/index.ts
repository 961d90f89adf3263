import { onMessage, onWatchers, sendMessage, TARGETS_PANEL_PORT } from '@/lib/messaging/runtime';
import type { HighlightCounts } from '@/lib/messaging/protocol-page';
import type { LibraryRememberAnalyzedRequest } from '@/lib/messaging/protocol-library';
import { supportsHighlights } from '../core/highlight-registry';
import type { PageCore } from '../core/page-core';
import { readerUiStrings } from '../core/reader-settings';
import { HighlightSession } from './session';

/**
 * Starts the highlight feature in the page: highlights right away unless `enabled` is false (a
 * reader started for a page's notes only), then answers the background's on/off requests and
 * reports counts after every pass. Returns the function that stops it.
 */
export function startHighlighting(core: PageCore, enabled = true): () => void {
  const strings = readerUiStrings();
  let session: HighlightSession | null = null;
  const zero: HighlightCounts = { target: 0, achieved: 0 };
  let reported = '';
  // Pages that change often re-derive often: tell the background only when something it shows
  // changed, or the library has a part to send with it (then the answer is the library's).
  const report = (enabled: boolean, counts: HighlightCounts, library?: LibraryRememberAnalyzedRequest) => {
    const key = `${enabled}:${counts.target}:${counts.achieved}`;
    if (key === reported && !library) return null;
    reported = key;
    const sent = sendMessage(
      'highlightsUpdated',
      library ? { enabled, counts, library } : { enabled, counts },
    );
    sent.catch(() => undefined);
    return sent;
  };
  const state = () => ({ enabled: session !== null, counts: session?.currentCounts ?? zero });
  // Side panels showing this tab (their watch ports): told when what they show changed, so they
  // ask for the state then instead of polling it.
  let panels = 0;
  const announce = () => {
    if (panels > 0) sendMessage('targetsPageUpdated', {}).catch(() => undefined);
  };

  const enable = () => {
    if (session || !supportsHighlights()) return;
    session = new HighlightSession(core, strings, (counts, library) => {
      const answer = report(true, counts, library);
      announce();
      return answer ?? undefined;
    });
    session.watchedByPanel(panels > 0);
    session.start();
  };
  const disable = () => {
    session?.stop();
    session = null;
    report(false, zero);
    announce();
  };

  const removers = [
    onWatchers(TARGETS_PANEL_PORT, (count) => {
      panels = count;
      session?.watchedByPanel(count > 0);
    }),
    onMessage('getHighlighting', () => state()),
    onMessage('targetsPageState', () => ({
      ...(session?.describeSource() ?? { url: location.href, title: document.title, date: '' }),
      enabled: session !== null,
      ...(session?.describeForPanel() ?? { targets: [], outline: [], corrections: [], currentSection: -1 }),
    })),
    onMessage('targetsPageFocus', ({ index }) => session?.focusTarget(index) ?? false),
    onMessage('targetsPageAnchor', ({ index }) => session?.anchorOf(index) ?? null),
    onMessage('targetsPageCorrectionsChanged', () => session?.reloadCorrections() ?? false),
    onMessage('targetsPageFocusText', ({ start, text }) => session?.focusText(start, text) ?? false),
    onMessage('targetsPageScrollTo', ({ offset }) => session?.scrollToOffset(offset) ?? false),
    onMessage('setHighlighting', ({ enabled }) => {
      if (enabled) enable();
      else disable();
      return state();
    }),
  ];
  // Back/forward cache: answers the page was waiting for when it left are lost; derive again.
  window.addEventListener(
    'pageshow',
    (event) => {
      if (event.persisted) void session?.refresh();
    },
    { signal: core.signal },
  );
  // Leaving the document: the toolbar badge must not show its count over the next page (which
  // may be no plan, and then has no reader to say so). Reported again if the page comes back.
  window.addEventListener(
    'pagehide',
    () => {
      report(false, zero);
      reported = '';
    },
    { signal: core.signal },
  );
  if (enabled) enable();
  return () => {
    for (const remove of removers) remove();
    session?.stop();
    session = null;
  };
}
