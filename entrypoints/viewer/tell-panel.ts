/**
 * The PDF reader's announcements to a side panel showing its tab. On a web page the reader's
 * content script sends these page events; here this extension page does, under the sender policy
 * for our pages shown in a tab (`tabPages` in `lib/messaging/dispatch.ts`). Without them a panel
 * opened while the PDF was still being read kept saying PlanLens was not running in the tab.
 *
 * @module
 */
import { sendMessage } from '@/lib/messaging/runtime';

/** Tells an open panel that what it lists of this tab changed (it asks again); nobody listening is fine. */
export function tellPanel(name: 'targetsPageUpdated' | 'notesPageUpdated'): void {
  sendMessage(name, {}).catch(() => undefined);
}

/**
 * Tells an open panel which placed quantity the pointer is over (-1: none), so its row is marked
 * as on a web page. Sent only when the card changes, which is seldom.
 */
export function tellPanelHover(index: number): void {
  sendMessage('targetsPageHover', { index }).catch(() => undefined);
}

/**
 * Tells an open panel the `start` of the outline section the reader is in (-1: before the first
 * heading), as a content script does on a web page. The caller sends it only when it changed.
 */
export function tellPanelLocation(section: number): void {
  sendMessage('targetsPageLocation', { section }).catch(() => undefined);
}
