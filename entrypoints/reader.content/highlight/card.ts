/**
 * The hover/focus card for one target: plain DOM (createElement/textContent only) in a closed
 * shadow root (see core/ui-host), built on first use, so pages nobody hovers get no UI and no
 * framework is parsed on every plan page. Keys while it has focus: `]` next target, `[` previous,
 * Escape closes; keys typed in the card never reach the page's own shortcuts.
 *
 * @module
 */
import type { UiStrings } from '@/lib/i18n/strings';
import type { HistoryEntry, HistoryFigure } from '@/lib/messaging/protocol-library';
import type { Target } from '@/lib/targets/target';
import { createUiHost, el, type UiHost } from '../core/ui-host';
import { describeCardQuantity, type MarkedSentence } from '@/lib/targets/card-text';

/** What the card shows and where. */
export interface TargetCardProps {
  target: Target;
  /** The target's sentence with the quantity marked. */
  sentence: MarkedSentence;
  index: number;
  total: number;
  strings: UiStrings;
  pinned: boolean;
  /** Viewport position of the card's top-left corner. */
  top: number;
  left: number;
  /** Changes whenever the card should take keyboard focus (keyboard navigation, pinning). */
  focusRequest: number;
  /** The library's history of the target's metric in the page's jurisdiction, oldest first ([] for none). */
  history?: readonly HistoryEntry[];
  onPrev(): void;
  onNext(): void;
  onClose(): void;
  /** "Copy with source": the sentence with the document's title, address and date. */
  onCopy(): void;
  /** "Add note": starts a note on the target's sentence. */
  onAddNote(): void;
  /** A short status under the buttons (`Copied with source`), or ''. */
  notice: string;
  onPointerInside(inside: boolean): void;
}

/** Render, hide or remove the card. */
export interface TargetCardHandle {
  render(props: TargetCardProps): void;
  /** The rendered card's height in px (0 when hidden), to place it above a line. */
  height(): number;
  /**
   * Puts `text` on the clipboard: the Clipboard API where the page is a secure context, else a
   * copy command on a text area inside the card's closed root (plain-http gov sites). False when
   * both fail.
   */
  copyText(text: string): Promise<boolean>;
  hide(): void;
  remove(): void;
}

/** The card's width in px (the session places it with this). */
export const CARD_WIDTH_PX = 288;

/**
 * Sized in px: plan portals often set `<html>` to 62.5% or 10px, which would shrink rem-sized UI.
 * Light and dark palettes follow the reader's colour scheme.
 */
const STYLE = `
.card { position: fixed; pointer-events: auto; box-sizing: border-box; width: ${CARD_WIDTH_PX}px;
  border: 1px solid #cbd5e1; border-radius: 8px; background: #fff; padding: 12px; color: #0f172a;
  font: 13px/1.375 system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; outline: none;
  box-shadow: 0 10px 15px -3px rgb(0 0 0 / 0.1), 0 4px 6px -4px rgb(0 0 0 / 0.1); }
.card.pinned { border-color: #f97316; }
.card:focus-visible { box-shadow: 0 0 0 2px #f97316; }
dl { margin: 0; display: grid; gap: 4px; }
.row { display: flex; gap: 8px; }
dt { width: 64px; flex-shrink: 0; color: #64748b; }
dd { margin: 0; min-width: 0; overflow-wrap: break-word; }
.foot { margin-top: 8px; display: flex; align-items: center; gap: 4px; border-top: 1px solid #e2e8f0;
  padding-top: 8px; font-size: 12px; }
.position { flex-grow: 1; color: #64748b; }
.actions { margin-top: 6px; display: flex; flex-wrap: wrap; gap: 4px; font-size: 12px; }
.actions button { border: 1px solid #cbd5e1; }
.copy-buffer { position: fixed; left: -9999px; width: 1px; height: 1px; opacity: 0; }
button { font: inherit; color: inherit; background: transparent; border: 0; border-radius: 4px;
  padding: 2px 8px; cursor: pointer; }
button:hover { background: #f1f5f9; }
.hint { margin: 4px 0 0; font-size: 11px; color: #64748b; }
.sentence { margin: 8px 0 0; font-size: 12px; color: #334155; }
mark { background: #fed7aa; color: inherit; border-radius: 2px; }
.history { margin: 8px 0 0; padding: 0; list-style: none; font-size: 12px; display: grid; gap: 2px; }
.history .met { color: #15803d; }
.history .missed { color: #b91c1c; }
@media (prefers-color-scheme: dark) {
  .card { background: #1e293b; color: #f1f5f9; border-color: #475569; }
  .card.pinned { border-color: #f97316; }
  dt, .position, .hint { color: #94a3b8; }
  .sentence { color: #cbd5e1; }
  mark { background: #9a3412; }
  .foot { border-top-color: #475569; }
  .actions button { border-color: #475569; }
  .history .met { color: #4ade80; }
  .history .missed { color: #f87171; }
  button:hover { background: #334155; }
}
`;

function row(label: string, value: string): HTMLElement {
  return el('div', { class: 'row' }, el('dt', {}, label), el('dd', {}, value));
}

/** A small icon button of the card's footer; its accessible name and tooltip are `label`. */
function cardButton(label: string, glyph: string, onClick: () => void): HTMLButtonElement {
  const button = el('button', { type: 'button', 'aria-label': label, title: label }, glyph);
  button.addEventListener('click', onClick);
  return button;
}

/** Qualifiers written after the quantity (`5%左右`); the others come before it (`力争5%`). */
const TRAILING_QUALIFIER = /^(?:左右|以上|以下|以内|以內|上下)$/;

/** A figure as a card line writes it: `5%左右`, `力争5%`, `降低 3%`. */
function formatHistoryFigure(figure: HistoryFigure, strings: UiStrings): string {
  const fall = figure.direction === 'down' ? `${strings.t('dir_down')} ` : '';
  const { qualifier, quote } = figure;
  if (!qualifier) return `${fall}${quote}`;
  return TRAILING_QUALIFIER.test(qualifier) ? `${fall}${quote}${qualifier}` : `${qualifier}${fall}${quote}`;
}

/**
 * The metric's history as lines `2025 目标 5%左右 → 实际 5.6% ✓`, oldest first; nothing when the
 * library has none for it.
 */
function buildHistory(history: readonly HistoryEntry[], strings: UiStrings): HTMLElement[] {
  if (history.length === 0) return [];
  const lines = history.map((h) => {
    const parts: string[] = [String(h.year)];
    if (h.target) parts.push(`${strings.t('cardHistoryTarget')} ${formatHistoryFigure(h.target, strings)}`);
    if (h.target && h.achieved) parts.push('→');
    if (h.achieved)
      parts.push(`${strings.t('cardHistoryAchieved')} ${formatHistoryFigure(h.achieved, strings)}`);
    const verdict =
      h.met === null
        ? null
        : el(
            'span',
            { class: h.met ? 'met' : 'missed' },
            ` ${strings.t(h.met ? 'cardHistoryMet' : 'cardHistoryMissed')}`,
          );
    return el('li', {}, parts.join(' '), ...(verdict ? [verdict] : []));
  });
  return [el('ul', { class: 'history', 'aria-label': strings.t('cardHistory') }, ...lines)];
}

/** The card's content for `props` (the box itself is kept across renders, so focus stays). */
function buildContent(props: TargetCardProps): Node[] {
  const { target, strings } = props;
  const quantity = describeCardQuantity(target, { up: strings.t('dir_up'), down: strings.t('dir_down') });
  const none = strings.t('cardNone');
  const { before, mark, after } = props.sentence;
  const rows = [
    row(strings.t('cardIndicator'), target.indicator || none),
    row(
      strings.t('cardQuantity'),
      quantity.normal ? `${quantity.headline} · ${quantity.normal}` : quantity.headline,
    ),
    row(strings.t('cardQualifier'), target.qualifier || none),
    row(strings.t('cardKind'), strings.t(target.kind === 'achieved' ? 'kind_achieved' : 'kind_target')),
  ];
  if (target.year !== null) rows.push(row(strings.t('cardYear'), String(target.year)));
  rows.push(row(strings.t('cardSection'), target.section || none));
  const content: HTMLElement[] = [
    el('dl', {}, ...rows),
    el('p', { class: 'sentence' }, before, el('mark', {}, mark), after),
    ...buildHistory(props.history ?? [], strings),
    el(
      'div',
      { class: 'foot' },
      el(
        'span',
        { class: 'position' },
        strings.format('cardPosition', { n: props.index + 1, total: props.total }),
      ),
      cardButton(strings.t('cardPrev'), '‹', props.onPrev),
      cardButton(strings.t('cardNext'), '›', props.onNext),
      cardButton(strings.t('cardClose'), '×', props.onClose),
    ),
  ];
  content.push(
    el(
      'div',
      { class: 'actions' },
      cardButton(strings.t('cardCopySource'), strings.t('cardCopySource'), props.onCopy),
      cardButton(strings.t('cardAddNote'), strings.t('cardAddNote'), props.onAddNote),
    ),
  );
  if (props.notice) content.push(el('p', { class: 'hint', role: 'status' }, props.notice));
  if (props.pinned) content.push(el('p', { class: 'hint' }, strings.t('cardHint')));
  return content;
}

/**
 * Creates the card handle. The host (`div[data-planlens-ui=card]`) is added on the first `render`, removed by
 * `remove()`; `hide()` takes the card out and keeps the host for the next hover.
 */
export function createTargetCard(): TargetCardHandle {
  let ui: UiHost | null = null;
  let box: HTMLElement | null = null;
  let latest: TargetCardProps | null = null;
  /** The focus request already honoured by the shown card (0: none, as after a fresh open). */
  let focused = 0;

  const makeBox = (): HTMLElement => {
    const card = el('div', { role: 'dialog', tabindex: '-1', class: 'card' });
    card.addEventListener('keydown', (event) => {
      const props = latest;
      if (!props) return;
      if (event.key === ']' || (event.altKey && event.shiftKey && event.code === 'KeyJ')) props.onNext();
      else if (event.key === '[' || (event.altKey && event.shiftKey && event.code === 'KeyK')) props.onPrev();
      else if (event.key === 'Escape') props.onClose();
      else return;
      event.preventDefault();
    });
    card.addEventListener('pointerenter', () => latest?.onPointerInside(true));
    card.addEventListener('pointerleave', () => latest?.onPointerInside(false));
    return card;
  };

  return {
    render(props) {
      latest = props;
      ui ??= createUiHost({ name: 'card', css: STYLE, isolateKeys: true });
      if (!box) {
        box = makeBox();
        ui.layer.append(box);
      }
      const { target, strings } = props;
      const label = strings.t(target.kind === 'achieved' ? 'cardLabelAchieved' : 'cardLabel');
      box.setAttribute('aria-label', `${label}: ${target.indicator || target.text}`);
      box.classList.toggle('pinned', props.pinned);
      box.style.top = `${props.top}px`;
      box.style.left = `${props.left}px`;
      box.replaceChildren(...buildContent(props));
      if (props.focusRequest > 0 && props.focusRequest !== focused) box.focus();
      focused = props.focusRequest;
    },
    height() {
      return box?.getBoundingClientRect().height ?? 0;
    },
    async copyText(text) {
      try {
        await navigator.clipboard.writeText(text);
        return true;
      } catch {
        // No Clipboard API (http pages) or it refused: the copy command still works on a click.
      }
      if (!ui) return false;
      const buffer = el('textarea', { class: 'copy-buffer', 'aria-hidden': 'true', tabindex: '-1' });
      buffer.value = text;
      ui.layer.append(buffer);
      buffer.select();
      try {
        return document.execCommand('copy');
      } catch {
        return false;
      } finally {
        buffer.remove();
        box?.focus({ preventScroll: true });
      }
    },
    hide() {
      latest = null;
      focused = 0;
      box?.remove();
      box = null;
    },
    remove() {
      latest = null;
      box = null;
      ui?.destroy();
      ui = null;
    },
  };
}
