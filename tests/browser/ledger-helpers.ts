/** Reading the Ledger tab, shared by the Chromium and Firefox ledger tests. */

/**
 * In the side panel (or sidebar) page: the Ledger tab's drawn rows as
 * `year metric target | achieved | met`. Runs in the page (Playwright's `evaluate`, the Firefox
 * control window's `run`), so it reads nothing from this module.
 */
export function readLedgerRowsInPage(): string[] {
  return [...document.querySelectorAll<HTMLElement>('[data-testid="ledger-row"]')].map((tr) => {
    const cells = [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '');
    return `${tr.dataset.year} ${tr.dataset.metric} ${cells[3]} | ${cells[4]} | ${tr.dataset.met}`;
  });
}
