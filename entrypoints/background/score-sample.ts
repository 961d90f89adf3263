/**
 * Scores the gate's page sample in the background (`scorePageSample`): the detector runs here, on
 * the background's thread, instead of on every page's main thread. Stateless: the verdict goes back
 * to the gate that asked, which reports plan pages with `pageDetected` as before.
 *
 * @module
 */
import { detectPlanPage, type Detection } from '../../lib/detect/detect';
import type { ContentSender } from '../../lib/messaging/dispatch';
import type { GateSample } from '../../lib/messaging/protocol-page';

/**
 * The verdict on `sample` (already checked by its schema), judged with the sender's own address
 * (the browser's, never one the page names): the same verdict `detectPlanPage` gave on the page
 * when the gate ran it there. A content script that lies about its sample only changes the
 * verdict on its own page.
 */
export function scoreGateSample(sample: GateSample, sender: Pick<ContentSender, 'url'>): Detection {
  return detectPlanPage({ ...sample, url: sender.url });
}
