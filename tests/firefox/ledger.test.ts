/**
 * The library and the Ledger tab in Firefox, as tests/browser/ledger.test.ts does in Chromium: three
 * documents read (the 2026 plan, the 2023 report reprinted in traditional script with pinyin, and
 * a 2026 statistics bulletin turned on by hand), then the sidebar page's Ledger tab lists each
 * target beside its outcome with whether it was met, and its CSV export holds the filtered rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../browser/harness';
import { EXPECTED_LEDGER_ROWS, readLedgerRowsInPage } from '../browser/ledger-helpers';
import { BULLETIN_2026 } from '../browser/ledger-pages';
import { EXTENSION_ORIGIN, launchFirefox, type FirefoxBrowser } from './firefox-harness';
import {
  ControlWindow,
  extensionErrors,
  gateRanInPage,
  highlightsShownInPage,
  waitInPage,
} from './firefox-helpers';

/** In the sidebar page: picks `value` in the select `testId`, as a user would. */
function selectInPage(testId: string, value: string): void {
  const select = document.querySelector<HTMLSelectElement>(`[data-testid="${testId}"]`)!;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

/**
 * In the sidebar page: clicks the CSV export and returns the file's name and text. The download
 * link's click is caught (Firefox would ask where to save it) and its blob read instead.
 */
async function exportCsvInPage(): Promise<{ name: string; text: string }> {
  const original = HTMLAnchorElement.prototype.click;
  let caught: { name: string; href: string } | null = null;
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    caught = { name: this.download, href: this.href };
  };
  try {
    document.querySelector<HTMLElement>('[data-testid="ledger-export-csv"]')!.click();
  } finally {
    HTMLAnchorElement.prototype.click = original;
  }
  const found = caught as { name: string; href: string } | null;
  if (!found) throw new Error('the export made no download');
  const bytes = new Uint8Array(await (await fetch(found.href)).arrayBuffer());
  // TextDecoder drops a BOM unless told not to: the file must start with one.
  return { name: found.name, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
}

describe('the Ledger tab across three documents in Firefox', () => {
  let ff: FirefoxBrowser;
  let server: FixtureServer;
  let control: ControlWindow;

  beforeAll(async () => {
    server = await startFixtureServer(undefined, { '/bulletin-2026.html': BULLETIN_2026 });
    ff = await launchFirefox();
    control = await ControlWindow.open(ff);
    await ff.navigate(server.url('gov-portal-plan-2026.html', 'www.nmg.gov.cn'));
    await waitInPage(ff, highlightsShownInPage, [], 'highlights on the 2026 plan');
    await ff.newTab();
    await ff.navigate(server.url('reprint-traditional-report.html', 'www.chinapower.com.cn'));
    await waitInPage(ff, highlightsShownInPage, [], 'highlights on the 2023 report');
    // A statistics bulletin is not a plan page: the reader is turned on for it by hand.
    await ff.newTab();
    const bulletinUrl = server.url('bulletin-2026.html', 'tj.nmg.gov.cn');
    await ff.navigate(bulletinUrl);
    await waitInPage(ff, gateRanInPage, [], 'the gate on the bulletin');
    await control.send('setPageEnabled', { tabId: await control.tabIdOf(bulletinUrl), enabled: true });
    await waitInPage(ff, highlightsShownInPage, [], 'highlights on the bulletin');
    await control.run(
      async (url: string) => void (location.href = url),
      `${EXTENSION_ORIGIN}/sidepanel.html?tab=ledger`,
    );
  }, 120_000);

  afterAll(async () => {
    await ff?.close();
    await server?.close();
  });

  it('puts each target beside its outcome and says whether it was met', async () => {
    await expect
      .poll(
        async () => {
          const rows = await control.run(readLedgerRowsInPage);
          return EXPECTED_LEDGER_ROWS.filter((row) => !rows.includes(row));
        },
        { timeout: 30_000 },
      )
      .toEqual([]);
  });

  it('exports the filtered rows as CSV with a BOM', async () => {
    await control.run(selectInPage, 'ledger-filter-metric', 'gdp_growth');
    await control.run(selectInPage, 'ledger-filter-year', '2026');
    await expect
      .poll(() => control.run(readLedgerRowsInPage))
      .toEqual(['2026 gdp_growth 5%左右soft | 5.2% | true']);
    const { name, text } = await control.run(exportCsvInPage);
    expect(name).toMatch(/^planlens-ledger-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe(
      'jurisdiction,level,year,metric,kind,value,valueMax,unit,qualifier,direction,firmness,quote,title,source',
    );
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 12).join(','))).toEqual([
      '内蒙古自治区,province,2026,gdp_growth,target,5,,%,左右,up,soft,5%',
      '内蒙古自治区,province,2026,gdp_growth,achieved,5.2,,%,,up,,5.2%',
    ]);
    expect(lines[2]).toContain(server.url('bulletin-2026.html', 'tj.nmg.gov.cn'));
  });

  it('left no errors in the background page, extension pages or page consoles', async () => {
    expect(await extensionErrors(ff)).toEqual([]);
  });
});
