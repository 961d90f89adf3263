/**
 * The reader's hover card: what a highlighted quantity is. Built with text nodes only; every
 * value comes from the PDF, so nothing goes through innerHTML.
 *
 * @module
 */
import type { UiStrings } from '@/lib/i18n/strings';
import type { Target } from '@/lib/targets/target';

/** Fills `card` with `target`'s fields and shows it next to the point (x, y) in the viewport. */
export function showCard(card: HTMLElement, target: Target, strings: UiStrings, x: number, y: number): void {
  const list = document.createElement('dl');
  const quantity = target.valueMax === undefined ? `${target.value}` : `${target.value}–${target.valueMax}`;
  const rows: Array<[string, string]> = [
    [strings.t('cardIndicator'), target.indicator || strings.t('cardNone')],
    [strings.t('cardQuantity'), `${quantity} ${target.unit}`.trim() + ` (${target.quote})`],
    [strings.t('cardQualifier'), target.qualifier || strings.t('cardNone')],
    [strings.t('cardKind'), strings.t(target.kind === 'achieved' ? 'kind_achieved' : 'kind_target')],
    [strings.t('cardSection'), target.section || strings.t('cardNone')],
  ];
  for (const [label, value] of rows) {
    const term = document.createElement('dt');
    term.textContent = label;
    const detail = document.createElement('dd');
    detail.textContent = value;
    list.append(term, detail);
  }
  card.replaceChildren(list);
  card.dataset.kind = target.kind;
  card.hidden = false;
  const width = card.offsetWidth;
  card.style.left = `${Math.max(4, Math.min(x + 12, window.innerWidth - width - 4))}px`;
  card.style.top = `${Math.min(y + 16, window.innerHeight - card.offsetHeight - 4)}px`;
}

/** Hides the card. */
export function hideCard(card: HTMLElement): void {
  card.hidden = true;
  card.replaceChildren();
}
