import { describe, expect, it } from 'vitest';
import { readDocumentFields } from '../document/document-fields';
import { analyzeText } from '../targets/analyze';
import { buildLedgerRows, type LedgerDocument } from './ledger-rows';

/** A document from plain text, its fields read from the text as the CLI does. */
function documentOf(text: string, source: string, title = ''): LedgerDocument {
  return { fields: readDocumentFields({ title, text }), targets: analyzeText(text), text, source };
}

/** `year metric kind value` of each row. */
const brief = (docs: LedgerDocument[]) =>
  buildLedgerRows(docs).map((r) => `${r.year} ${r.metric} ${r.kind} ${r.value} ${r.source}`);

describe('buildLedgerRows', () => {
  it('takes the headline figure where a document states a metric twice', () => {
    const plan = documentOf(
      '2026年四川省国民经济和社会发展计划\n一、重点任务\n扩大有效投资，固定资产投资增长3%。\n' +
        '二、主要目标\n2026年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右，固定资产投资增长4%左右。\n' +
        '三、保障措施\n确保地区生产总值增长5%以上。\n',
      'plan.txt',
    );
    expect(brief([plan])).toEqual([
      '2026 gdp_growth target 5.5 plan.txt',
      '2026 fixed_investment_growth target 4 plan.txt',
    ]);
  });

  it('finds the headline paragraph of a traditional, pinyin-laced reprint too', () => {
    const reprint = documentOf(
      '2023年四川省政府工作報(bào)告\n一、今年工作安排\n擴(kuò)大有效投資(zī),固定資(zī)產(chǎn)投資(zī)增長(zhǎng)3%。\n' +
        '二、主要目標(biāo)\n全省經(jīng)濟(jì)社會(huì)發(fā)展的主要預(yù)期目標(biāo)是:固定資(zī)產(chǎn)投資(zī)增長(zhǎng)10%以上。\n',
      'reprint.txt',
    );
    expect(brief([reprint])).toEqual(['2023 fixed_investment_growth target 10 reprint.txt']);
  });

  it('takes a year’s own figure over a period average, and the figure’s own document over a later one', () => {
    const report = documentOf(
      '2026年四川省政府工作报告\n一、2025年工作回顾\n过去五年，进出口总额年均增长8%以上。过去一年，进出口总额增长15%，地区生产总值增长5.6%。\n',
      'report.txt',
    );
    const bulletin = documentOf(
      '四川省2025年国民经济和社会发展统计公报\n全年全省地区生产总值增长5.7%。\n',
      'bulletin.txt',
    );
    expect(brief([report, bulletin])).toEqual([
      '2025 gdp_growth achieved 5.7 bulletin.txt',
      '2025 foreign_trade_growth achieved 15 report.txt',
    ]);
  });

  it('makes no rows for figures without a metric, a jurisdiction or a year', () => {
    const noJurisdiction = documentOf('2026年政府工作报告\n地区生产总值增长5%左右。\n', 'a.txt');
    const noMetric = documentOf('2026年四川省国民经济和社会发展计划\n新建5G基站1万个。\n', 'b.txt');
    expect(buildLedgerRows([noJurisdiction, noMetric])).toEqual([]);
  });

  it('sorts by jurisdiction, year, metric and kind, target first', () => {
    const a = documentOf(
      '2024年四川省政府工作报告\n一、过去一年工作回顾\n过去一年，地区生产总值增长6%。\n二、今年工作安排\n今年地区生产总值增长6%左右。\n',
      'a.txt',
    );
    const b = documentOf(
      '2023年四川省政府工作报告\n城镇新增就业50万人以上，地区生产总值增长6%左右。\n',
      'b.txt',
    );
    expect(brief([a, b])).toEqual([
      '2023 gdp_growth target 6 b.txt',
      '2023 gdp_growth achieved 6 a.txt',
      '2023 urban_new_jobs target 500000 b.txt',
      '2024 gdp_growth target 6 a.txt',
    ]);
  });
});
