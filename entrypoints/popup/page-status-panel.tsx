/**
 * The popup's page section: detected or not, kind, score, the detection signals on demand, counts
 * of targets and achieved figures, the on/off switch for this page and the per-site choice.
 *
 * @module
 */
import { useCallback, useEffect, useId, useState } from 'react';
import { openSidePanel } from '@/components/open-side-panel';
import { describeReason, type UiStrings } from '@/lib/i18n/strings';
import { sendMessage } from '@/lib/messaging/runtime';
import type { PageStatus } from '@/lib/messaging/protocol-page';
import { SITE_CHOICES, type SiteChoice } from '@/lib/site-prefs/site-choice';
import { watchTabStatus } from '@/lib/storage/tab-state';

/** A count that opens the side panel's Targets tab. */
const COUNT_BUTTON = 'rounded border p-1 hover:brightness-95 dark:hover:brightness-125';

/** The page section for tab `tabId`. */
export function PageStatusPanel({ tabId, strings }: { tabId: number; strings: UiStrings }) {
  const { t } = strings;
  const [status, setStatus] = useState<PageStatus | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const choiceName = useId();

  const load = useCallback(
    () =>
      sendMessage('getPageStatus', { tabId }).then(
        (s) => (setStatus(s), setError('')),
        (e: unknown) => setError(String(e instanceof Error ? e.message : e)),
      ),
    [tabId],
  );
  // Read again when the tab's stored state, a site choice or the tab's page changes: the counts
  // arrive while the popup is open on a page the reader is still working through.
  useEffect(() => {
    void load();
    return watchTabStatus(tabId, () => void load());
  }, [load, tabId]);

  const act = async (request: () => Promise<PageStatus>) => {
    setBusy(true);
    try {
      setStatus(await request());
      setError('');
    } catch (e) {
      setError(String(e instanceof Error ? e.message : e));
    } finally {
      setBusy(false);
    }
  };
  // Synchronous in the click: the side panel opens only inside the user's gesture.
  const openTargets = () => openSidePanel(tabId, 'targets');
  const toggle = () => act(() => sendMessage('setPageEnabled', { tabId, enabled: !status?.enabled }));
  const choose = (choice: SiteChoice) => {
    // Show the choice at once (a controlled radio would otherwise snap back until the answer).
    setStatus((s) => s && { ...s, siteChoice: choice });
    return act(() => sendMessage('setSiteChoice', { tabId, choice }));
  };

  if (error && !status) return <p role="alert">{`${t('error')} ${error}`}</p>;
  if (!status) return null;
  if (!status.supported) return <p>{t('unsupported')}</p>;

  const detection = status.detection;
  return (
    <section aria-label={t('popupTitle')} className="space-y-3">
      <div data-testid="detection">
        {detection === null ? (
          <p>{t('noDetection')}</p>
        ) : (
          <>
            <p className="font-medium">{detection.match ? t('detected') : t('notDetected')}</p>
            <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-slate-600 dark:text-slate-300">
              {detection.kind && (
                <>
                  <dt>{t('kindLabel')}</dt>
                  <dd data-testid="kind">{t(`kind_${detection.kind}`)}</dd>
                </>
              )}
              <dt>{t('scoreLabel')}</dt>
              <dd data-testid="score">{detection.score.toFixed(2)}</dd>
            </dl>
            <details className="mt-1">
              <summary className="cursor-pointer text-slate-600 dark:text-slate-300">
                {t('showSignals')}
              </summary>
              {detection.signals.length === 0 ? (
                <p className="mt-1">{t('noSignals')}</p>
              ) : (
                <ul className="mt-1 list-disc pl-5" data-testid="signals">
                  {detection.signals.map((signal) => (
                    <li key={signal}>{describeReason(strings.locale, signal)}</li>
                  ))}
                </ul>
              )}
            </details>
          </>
        )}
      </div>

      {/* Each count opens the side panel's Targets tab (the table of those figures). */}
      <div className="grid grid-cols-2 gap-2 text-center">
        <button
          type="button"
          className={`${COUNT_BUTTON} border-amber-400 bg-amber-50 dark:bg-amber-950`}
          title={t('openTargets')}
          data-testid="open-targets"
          onClick={openTargets}
        >
          <span className="block text-xs">{t('targetsLabel')}</span>
          <span className="block text-lg font-semibold" data-testid="count-target">
            {status.enabled && status.counts ? status.counts.target : '—'}
          </span>
        </button>
        <button
          type="button"
          className={`${COUNT_BUTTON} border-sky-400 bg-sky-50 dark:bg-sky-950`}
          title={t('openTargets')}
          onClick={openTargets}
        >
          <span className="block text-xs">{t('achievedLabel')}</span>
          <span className="block text-lg font-semibold" data-testid="count-achieved">
            {status.enabled && status.counts ? status.counts.achieved : '—'}
          </span>
        </button>
      </div>

      <button
        type="button"
        role="switch"
        aria-checked={status.enabled}
        disabled={busy}
        onClick={() => void toggle()}
        className="flex w-full items-center justify-between rounded border border-slate-300 px-2 py-1.5 text-left hover:bg-slate-50 disabled:opacity-60 dark:border-slate-600 dark:hover:bg-slate-800"
      >
        <span>{t('highlightSwitch')}</span>
        <span
          aria-hidden="true"
          className={`relative h-5 w-9 rounded-full transition-colors ${status.enabled ? 'bg-orange-500' : 'bg-slate-300 dark:bg-slate-600'}`}
        >
          <span
            className={`absolute top-0.5 h-4 w-4 rounded-full bg-white transition-all ${status.enabled ? 'left-4.5' : 'left-0.5'}`}
          />
        </span>
      </button>

      <fieldset className="rounded border border-slate-300 px-2 pb-1.5 dark:border-slate-600" disabled={busy}>
        <legend className="px-1 text-slate-600 dark:text-slate-300">{`${t('siteChoiceLegend')} ${status.hostname}`}</legend>
        {SITE_CHOICES.map((choice) => (
          <label key={choice} className="flex items-center gap-2 py-0.5">
            <input
              type="radio"
              name={choiceName}
              value={choice}
              checked={status.siteChoice === choice}
              onChange={() => void choose(choice)}
            />
            {t(`choice_${choice}`)}
          </label>
        ))}
      </fieldset>
      {error && <p role="alert">{`${t('error')} ${error}`}</p>}
    </section>
  );
}
