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

/**
 * The Ledger rows both browsers must show once the 2026 and 2023 Inner Mongolia reports and the
 * 2026 bulletin are read (`readLedgerRowsInPage`'s form): each 2026 target beside its outcome, and
 * the 2023 report (a traditional reprint with pinyin) with its targets and its review of 2022.
 */
export const EXPECTED_LEDGER_ROWS: readonly string[] = [
  '2026 gdp_growth 5%左右soft | 5.2% | true',
  '2026 urban_new_jobs 18万人以上firm | 17.5万人 | false',
  '2026 urban_unemployment 5.7%左右soft | 5.4% | true',
  '2026 grain_output 超过840亿斤firm | 845亿斤 | true',
  '2023 gdp_growth 6%左右soft | — | ',
  '2022 gdp_growth — | 4%以上 | ',
];
