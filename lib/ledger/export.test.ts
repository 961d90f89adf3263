import { describe, expect, it } from 'vitest';
import { formatLedgerCsv, formatLedgerJson } from './export';
import { LEDGER_COLUMNS, type LedgerRow } from './ledger-rows';

const ROW: LedgerRow = {
  jurisdiction: '内蒙古自治区',
  level: 'province',
  year: 2026,
  metric: 'gdp_growth',
  kind: 'target',
  value: 5,
  valueMax: 5.5,
  unit: '%',
  qualifier: '左右',
  direction: 'up',
  firmness: null,
  quote: '5%—5.5%',
  title: '关于“十五五”规划, 以及"计划"的说明\n（摘要）',
  source: 'https://www.nmg.gov.cn/a.html?x=1,2',
};

describe('formatLedgerCsv', () => {
  it('writes a BOM, the header, CRLF line ends, empty nulls and RFC 4180 quoting', () => {
    const csv = formatLedgerCsv([ROW]);
    expect(csv.startsWith('\uFEFFjurisdiction,level,year,metric,kind,value,valueMax,unit,qualifier,')).toBe(
      true,
    );
    expect(csv).toBe(
      '\uFEFF' +
        `${LEDGER_COLUMNS.join(',')}\r\n` +
        '内蒙古自治区,province,2026,gdp_growth,target,5,5.5,%,左右,up,,5%—5.5%,' +
        '"关于“十五五”规划, 以及""计划""的说明\n（摘要）","https://www.nmg.gov.cn/a.html?x=1,2"\r\n',
    );
  });

  it('writes the header alone for no rows', () => {
    expect(formatLedgerCsv([])).toBe(`\uFEFF${LEDGER_COLUMNS.join(',')}\r\n`);
  });
});

describe('formatLedgerJson', () => {
  it('writes the columns as keys, in order, nulls kept', () => {
    const [parsed] = JSON.parse(formatLedgerJson([ROW]));
    expect(Object.keys(parsed)).toEqual(LEDGER_COLUMNS);
    expect(parsed).toEqual(ROW);
  });
});
