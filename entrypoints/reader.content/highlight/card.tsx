/**
 * The hover/focus card for one target, rendered in a shadow root (host marked `data-planlens-ui`)
 * with Tailwind. Keys while it has focus: `]` next target, `[` previous, Escape closes.
 *
 * @module
 */
import { useEffect, useRef } from 'react';
import type { UiStrings } from '@/components/ui-strings';
import type { Target } from '@/lib/targets/target';
import { formatQuantity } from './format';

/** What the card shows and where. */
export interface TargetCardProps {
  target: Target;
  index: number;
  total: number;
  strings: UiStrings;
  pinned: boolean;
  /** Viewport position of the card's top-left corner. */
  top: number;
  left: number;
  /** Changes whenever the card should take keyboard focus (keyboard navigation, pinning). */
  focusRequest: number;
  onPrev(): void;
  onNext(): void;
  onClose(): void;
  onPointerInside(inside: boolean): void;
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex gap-2">
      <dt className="w-16 shrink-0 text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className="min-w-0 break-words">{value}</dd>
    </div>
  );
}

/** The card. Buttons have accessible names; the whole card is a labelled, focusable dialog. */
export function TargetCard(props: TargetCardProps) {
  const { target, strings, focusRequest } = props;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusRequest > 0) ref.current?.focus();
  }, [focusRequest]);
  const quantity = formatQuantity(target);
  const none = strings.t('cardNone');
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === ']' || (event.altKey && event.shiftKey && event.code === 'KeyJ')) props.onNext();
    else if (event.key === '[' || (event.altKey && event.shiftKey && event.code === 'KeyK')) props.onPrev();
    else if (event.key === 'Escape') props.onClose();
    else return;
    event.preventDefault();
  };
  return (
    <div
      ref={ref}
      role="dialog"
      aria-label={`${strings.t('cardLabel')}: ${target.indicator || target.text}`}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      onPointerEnter={() => props.onPointerInside(true)}
      onPointerLeave={() => props.onPointerInside(false)}
      style={{ position: 'fixed', top: `${props.top}px`, left: `${props.left}px`, zIndex: 2147483647 }}
      className={`w-72 rounded-lg border bg-white p-3 font-sans text-[13px] leading-snug text-slate-900 shadow-lg outline-none focus-visible:ring-2 focus-visible:ring-orange-500 dark:bg-slate-800 dark:text-slate-100 ${
        props.pinned ? 'border-orange-500' : 'border-slate-300 dark:border-slate-600'
      }`}
    >
      <dl className="space-y-1">
        <Row label={strings.t('cardIndicator')} value={target.indicator || none} />
        <Row label={strings.t('cardQuantity')} value={`${quantity.plain} · ${quantity.chinese}`} />
        <Row label={strings.t('cardQualifier')} value={target.qualifier || none} />
        <Row
          label={strings.t('cardKind')}
          value={strings.t(target.kind === 'achieved' ? 'kind_achieved' : 'kind_target')}
        />
        <Row label={strings.t('cardSection')} value={target.section || none} />
      </dl>
      <div className="mt-2 flex items-center gap-1 border-t border-slate-200 pt-2 text-[12px] dark:border-slate-600">
        <span className="grow text-slate-500 dark:text-slate-400">
          {strings.format('cardPosition', { n: props.index + 1, total: props.total })}
        </span>
        <CardButton label={strings.t('cardPrev')} onClick={props.onPrev} glyph="‹" />
        <CardButton label={strings.t('cardNext')} onClick={props.onNext} glyph="›" />
        <CardButton label={strings.t('cardClose')} onClick={props.onClose} glyph="×" />
      </div>
      {props.pinned && (
        <p className="mt-1 text-[11px] text-slate-500 dark:text-slate-400">{strings.t('cardHint')}</p>
      )}
    </div>
  );
}

/** A small icon button of the card's footer; its accessible name and tooltip are `label`. */
function CardButton(props: { label: string; glyph: string; onClick: () => void }) {
  return (
    <button
      type="button"
      aria-label={props.label}
      title={props.label}
      onClick={props.onClick}
      className="rounded px-2 py-0.5 hover:bg-slate-100 dark:hover:bg-slate-700"
    >
      {props.glyph}
    </button>
  );
}
