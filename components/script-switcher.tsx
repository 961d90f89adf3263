import { useCallback, useEffect, useState } from 'react';
import type { ScriptTarget } from '@/lib/convert/targets';
import type { UiLocale } from '@/lib/i18n/locale';
import { convertStrings } from '@/lib/i18n/strings';
import type { ConvertStatus } from '@/lib/convert/status';
import { sendMessage } from '@/lib/messaging/runtime';

const BASE_TARGETS: ScriptTarget[] = ['cn', 'tw', 'hk', 'original'];

/**
 * Popup section: 简体 · 繁體（臺灣）· 繁體（香港）· 原文, the detected script of the page, inline-pinyin
 * hiding (when the page has pinyin), per-site memory, the default for plan pages, and the
 * Taiwan-phrase opt-in with its warning.
 */
export function ScriptSwitcher({ tabId, locale }: { tabId: number; locale: UiLocale }) {
  const strings = convertStrings(locale);
  const [status, setStatus] = useState<ConvertStatus | null>(null);
  const [unavailable, setUnavailable] = useState(false);
  const [siteRemembered, setSiteRemembered] = useState(false);
  const [defaultTarget, setDefaultTarget] = useState<ScriptTarget | null>(null);
  const [twpAllowed, setTwpAllowed] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void Promise.all([
      sendMessage('convertGetStatus', { tabId }).catch(() => null),
      sendMessage('convertGetSettings', { tabId }),
    ]).then(([current, settings]) => {
      if (!live) return;
      setStatus(current);
      setUnavailable(current === null);
      setSiteRemembered(settings.siteRemembered);
      setDefaultTarget(settings.defaultTarget);
      setTwpAllowed(settings.twpAllowed);
    });
    return () => {
      live = false;
    };
  }, [tabId]);

  const apply = useCallback(
    async (request: {
      target: ScriptTarget;
      hidePinyin?: boolean;
      rememberSite?: boolean;
      rememberDefault?: boolean;
    }) => {
      setBusy(true);
      try {
        setStatus(await sendMessage('convertSetTarget', { tabId, ...request }));
        if (request.rememberSite !== undefined) setSiteRemembered(request.rememberSite);
        if (request.rememberDefault !== undefined)
          setDefaultTarget(request.rememberDefault ? request.target : null);
      } catch {
        setUnavailable(true);
      } finally {
        setBusy(false);
      }
    },
    [tabId],
  );

  if (unavailable) {
    return (
      <section aria-label={strings.heading}>
        <h2 className="font-medium">{strings.heading}</h2>
        <p>{strings.unavailable}</p>
      </section>
    );
  }
  const current = status?.target ?? 'original';
  const targets = twpAllowed ? [...BASE_TARGETS, 'twp' as const] : BASE_TARGETS;
  return (
    <section aria-label={strings.heading} className="space-y-2">
      <h2 className="font-medium">{strings.heading}</h2>
      <p data-testid="detected-script">
        {strings.detected}: {status ? strings.scripts[status.detected] : '…'}
      </p>
      <div role="radiogroup" aria-label={strings.heading} className="flex flex-wrap gap-1">
        {targets.map((target) => (
          <button
            key={target}
            type="button"
            role="radio"
            aria-checked={current === target}
            disabled={busy || status === null}
            onClick={() => void apply({ target })}
            className={`rounded border px-2 py-1 ${current === target ? 'border-blue-700 bg-blue-700 text-white' : 'border-slate-300 dark:border-slate-600'}`}
          >
            {strings.targets[target]}
          </button>
        ))}
      </div>
      {status?.hasPinyin ? (
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            checked={status.hidePinyin}
            disabled={busy}
            onChange={(e) => void apply({ target: current, hidePinyin: e.target.checked })}
          />
          {strings.hidePinyin}
        </label>
      ) : null}
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          checked={siteRemembered}
          disabled={busy || status === null}
          onChange={(e) => void apply({ target: current, rememberSite: e.target.checked })}
        />
        {strings.rememberSite}
      </label>
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          checked={defaultTarget !== null && defaultTarget === current}
          disabled={busy || status === null || current === 'original'}
          onChange={(e) => void apply({ target: current, rememberDefault: e.target.checked })}
        />
        {strings.rememberDefault}
      </label>
      <label className="flex items-start gap-2">
        <input
          type="checkbox"
          checked={twpAllowed}
          onChange={(e) => {
            const allowed = e.target.checked;
            setTwpAllowed(allowed);
            void sendMessage('convertAllowTwp', { allowed });
            if (!allowed && current === 'twp') void apply({ target: 'tw' });
          }}
        />
        <span>
          {strings.twpOptIn}
          <span className="block text-xs text-slate-600 dark:text-slate-300">{strings.twpNote}</span>
        </span>
      </label>
    </section>
  );
}
