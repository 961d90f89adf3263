import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../tests/helpers/parse-csv';
import { runLedger } from './ledger';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Real pages of four provinces and four years (tests/corpus), and a statistics bulletin. */
const FILES = [
  'tests/fixtures/ledger/p080-shanxi-2017-work-report-targets-p4.txt',
  'tests/fixtures/ledger/p101-zhejiang-2015-annual-plan-notice-mirror.txt',
  'tests/fixtures/ledger/p103-tibet-2019-work-report-ztb-artifacts.txt',
  'tests/fixtures/ledger/p027-xinjiang-2022-work-report-review.txt',
  'tests/fixtures/pages/statistics-bulletin.html',
];

/**
 * Where the CLI's ledger differs from the hand-written one (see tests/fixtures/ledger/README.md):
 * `- key` a row the CLI misses, `+ key` a row it makes that should not be, `~ key column: hand →
 * CLI`. Each is an engine gap left for extraction and document fields to close; the list must
 * shrink, never grow, and a fixed gap fails here until it is removed.
 */
const KNOWN_DIFFERENCES = [
  // 城乡居民人均可支配收入分别增长6%左右和6%以上: both rows are made now (the 分别 lists of the
  // accuracy work), but the urban row takes the rural figure's 以上 (the two quotes are both 6%).
  '~ 山西省 2017 income_growth_urban target firmness: soft → hard',
  '~ 山西省 2017 income_growth_urban target qualifier: 左右 → 以上',
  // 城镇居民…、农村居民人均可支配收入均增长8%以上: one figure for both; the rural one is not made.
  '- 浙江省 2015 income_growth_rural target',
  // 研究与试验发展经费支出相当于地区生产总值比例2.5%: not matched to rd_intensity.
  '- 浙江省 2015 rd_intensity target',
  // Titles keep the reprint site's wrapping.
  '~ 西藏自治区 2018 urban_new_jobs achieved title: 2019年西藏自治区人民政府工作报告 → (西藏)2019年西藏自治区人民政府工作报告(全文)',
  '~ 新疆维吾尔自治区 2021 gdp_growth achieved title: 2022年新疆政府工作报告 → 2022年新疆政府工作报告(全文29812字)',
];

/** Rows by `jurisdiction year metric kind`. */
function byKey(csv: string): Map<string, Record<string, string>> {
  const [header, ...rows] = parseCsv(csv.replace(/^\uFEFF/, ''));
  return new Map(
    rows
      .filter((r) => r.length > 1)
      .map((r) => {
        const row = Object.fromEntries(header!.map((h, i) => [h, r[i] ?? '']));
        return [`${row.jurisdiction} ${row.year} ${row.metric} ${row.kind}`, row];
      }),
  );
}

/** The differences between the hand-written ledger and the CLI's, as listed in KNOWN_DIFFERENCES. */
function diff(expected: Map<string, Record<string, string>>, actual: Map<string, Record<string, string>>) {
  const lines: string[] = [];
  for (const [key, row] of expected) {
    const got = actual.get(key);
    if (!got) {
      lines.push(`- ${key}`);
      continue;
    }
    for (const column of Object.keys(row)) {
      if (row[column] !== got[column]) lines.push(`~ ${key} ${column}: ${row[column]} → ${got[column]}`);
    }
  }
  for (const key of actual.keys()) if (!expected.has(key)) lines.push(`+ ${key}`);
  return lines.sort();
}

describe('ledger of several provinces and years, written by hand', () => {
  it('matches the CLI except for the known, listed gaps', async () => {
    let out = '';
    const err: string[] = [];
    const code = await runLedger(FILES, { write: (t) => (out += t), err: (l) => err.push(l) });
    expect(err).toEqual([]);
    expect(code).toBe(0);
    // Stored with LF line ends for reading; the parser wants RFC 4180's CRLF.
    const file = readFileSync(join(ROOT, 'tests/fixtures/ledger/provinces-2015-2025.csv'), 'utf8');
    const expected = byKey(file.replace(/\n/g, '\r\n'));
    expect(expected.size).toBe(38);
    const differences = diff(expected, byKey(out));
    // Title differences repeat on every row of a document: one line per document is listed.
    const listed = differences.filter((d) => !d.includes(' title: ') || KNOWN_DIFFERENCES.includes(d));
    expect(listed).toEqual([...KNOWN_DIFFERENCES].sort());
  });
});
