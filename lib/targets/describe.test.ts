import { Converter } from 'opencc-js/cn2t';
import { describe, expect, it } from 'vitest';
import { analyzeText } from './analyze';
import { readDirection, readFirmness, readNamedYear } from './describe';

const toTaiwan = Converter({ from: 'cn', to: 'tw' });

/** The new fields of every target of `text`, as `quote metric year direction firmness` (null as -). */
function describeAll(text: string): string[] {
  return analyzeText(text).map((t) =>
    [t.quote, t.metric, t.year, t.direction, t.firmness].map((v) => v ?? '-').join(' '),
  );
}

describe('describeTargets through analyzeText', () => {
  it.each<[string, string, string[]]>([
    [
      'the 2026 plan’s main targets (seed 003)',
      '2026年经济社会发展的主要预期目标是：地区生产总值增长5%左右，在实际工作中努力争取更好结果；城镇调查失业率5.7%左右，城镇新增就业18万人以上；居民消费价格涨幅2%左右；粮食产量超过840亿斤。',
      // The year named before the first ；only: lib/ledger gives the others the document's year.
      [
        '5% gdp_growth 2026 up soft',
        '5.7% urban_unemployment - - soft',
        '18万人 urban_new_jobs - - hard',
        '2% cpi - up soft', // CPI is a rate of increase (corpus labelling rule)
        '840亿斤 grain_output - - hard', // 超过 is a floor, like 以上
      ],
    ],
    [
      'an energy-intensity fall and a deadline year',
      '到2027年，单位国内生产总值能耗降低2.5%左右，城镇登记失业率控制在4.5%以内。',
      ['2.5% energy_intensity 2027 down soft', '4.5% urban_registered_unemployment 2027 - -'],
    ],
    [
      'achieved figures of the year under review (seed 002)',
      '预计地区生产总值增长4%以上，规上工业增加值增长8%以上、居全国第三，一般公共预算收入增长20.2%、居全国第二。',
      // 预计 reports an estimate of the year under review: achieved, so no firmness.
      [
        '4% gdp_growth - up -',
        '8% industrial_value_added_growth - up -',
        '20.2% fiscal_revenue_growth - up -',
      ],
    ],
    [
      'a level reached, not a change, and a comparison base that is not the year',
      '全体居民人均可支配收入由2.6万元增加到近3.6万元。力争粮食产量较2020年增长5%，城镇居民和农村居民人均可支配收入分别增长6%和7%。',
      [
        '2.6万元 - - - -',
        '3.6万元 - - up -', // 增加到: a level reached by a rise is up (corpus labelling rule)
        '5% - - up soft', // 粮食产量较2020年增长5%: a % of grain is not grain_output (斤/吨)
        '6% income_growth_urban - up soft',
        '7% income_growth_rural - up soft',
      ],
    ],
    [
      'a space between figures ends the clause the direction verb governs (a headline box)',
      '国内生产总值增长6.1% 城镇新增就业1352万人 减税降费2.36万亿元',
      ['6.1% gdp_growth - up -', '1352万人 urban_new_jobs - - -', '2.36万亿元 - - - -'],
    ],
    [
      'a commitment word governs the floor after it',
      '确保粮食产量稳定在780亿斤左右，力争完成进出口总额1600亿元以上。',
      ['780亿斤 grain_output - - hard', '1600亿元 - - - soft'],
    ],
  ])('%s', (_, text, expected) => {
    const described = describeAll(text);
    expect(described).toEqual(expected);
    // The same sentences in traditional script give the same fields.
    const traditional = describeAll(toTaiwan(text)).map((row) => row.slice(row.indexOf(' ')));
    expect(traditional).toEqual(expected.map((row) => row.slice(row.indexOf(' '))));
  });

  it('reads a pinyin-laced traditional reprint (seed 002) like the original', () => {
    const laced =
      '全區(qū)經(jīng)濟(jì)社會(huì)發(fā)展的主要預(yù)期目標(biāo)是:地區(qū)生產(chǎn)總值增長(zhǎng)6%左右,在實(shí)際工作中爭(zhēng)取更好成績(jī);城鎮(zhèn)新增就業(yè)20萬(wàn)人以上。';
    expect(describeAll(laced).map((row) => row.slice(row.indexOf(' ')))).toEqual([
      ' gdp_growth - up soft',
      ' urban_new_jobs - - hard',
    ]);
  });
});

describe('readDirection', () => {
  it.each([
    ['地区生产总值增长', 'up'],
    ['单位地区生产总值能耗降低', 'down'],
    ['单位GDP二氧化碳排放下降', 'down'],
    ['城镇调查失业率', null],
    ['居民消费价格涨幅', 'up'],
    ['城镇化率提高到', 'up'],
    ['贫困发生率降低到', 'down'],
    ['城镇失业率', null],
    ['规上工业增加值', null],
    ['规上工业增加值增长', 'up'],
    ['城镇和农村居民人均可支配收入分别增长6%和', 'up'],
    ['重点行业能耗减少', 'down'],
  ])('%s → %s', (clause, direction) => {
    expect(readDirection(clause)).toBe(direction);
  });
});

describe('direction of real corpus sentences', () => {
  /** `quote direction` of every target of `text` (null as -). */
  const directions = (text: string) => analyzeText(text).map((t) => `${t.quote} ${t.direction ?? '-'}`);
  it.each<[string, string, string[]]>([
    [
      'a level verb after a rise in the same clause starts a level (p135)',
      '市场主体规模增长2.4倍;项目集中签约369个,地区生产总值、固定资产投资占全省比重达31.8%、34.6%。',
      ['2.4倍 up', '369个 -', '31.8% -', '34.6% -'],
    ],
    [
      'a level verb right after a rate word keeps the rate (涨幅控制在, 增幅达)',
      '居民消费价格涨幅控制在3%左右，外贸进出口增幅达5%。',
      ['3% up', '5% up'],
    ],
    [
      '分别达到 after a rise earlier in the sentence (p094)',
      '数字化转型全面提升,规模以上工业企业数字化研发设计工具普及率、关键工序数控化率分别达到90%、75%。',
      ['90% -', '75% -'],
    ],
    [
      'net rises, income gained and poverty reduced are changes (p054, p087, p120)',
      '企业数量日均净增1万户以上，贫困户人均增收1490元，五年来累计减贫6853万人。',
      ['1万户 up', '1490元 up', '6853万人 down'],
    ],
    [
      'a misspelt 增涨 and a narrowed gap (p096)',
      '消费物价指数增涨1.1%，城乡居民收入差距缩小0.2个百分点。',
      ['1.1% up', '0.2个百分点 down'],
    ],
    [
      '改造提升 upgrades counted things: no rise (q013, q030)',
      '改造提升农村公厕6座；改造提升50个标准化养老院；新建和提升改造农村公厕11座。',
      ['6座 -', '50个 -', '11座 -'],
    ],
    [
      '建设提升, 巩固提升 and 形象提升 upgrade too; 增加学位 is a rise (v001, v002, v004)',
      '建设提升33个“妇女儿童之家”;巩固提升100个自然灾害避灾点。新虹桥中心花园桥下空间形象提升(约3000平方米)。增加学位1890个。',
      ['33个 -', '100个 -', '3000平方米 -', '1890个 up'],
    ],
    [
      'a figure that is itself a rate of increase is up whatever verb reaches it (p068, p115)',
      '2016年贵州GDP增速继续保持两位数，分别达到10.7%和10.5%。有6.5%-7%的增速就能够实现比较充分的就业。',
      ['10.7% up', '10.5% up', '6.5%-7% up'],
    ],
    [
      'a level reached by 增至/降至/增加…至 keeps the way of its verb (r200, q003, q037, t003)',
      '公營房屋單位將由原先的6,300個增至8,700個。把輪候時間由六年降至約四年半。手术室增加四成至210个。建議將利得稅率降至8.25%。',
      ['6,300個 -', '8,700個 up', '六年 -', '四年半 down', '四成 up', '210个 up', '8.25% down'],
    ],
    [
      '多 after a verb of adding is more, and the level it reaches is up too; 5,000 has no clause break (r200)',
      '建議未來數年額外提供多5,000個過渡性房屋至2萬個,資助額增至116億元。',
      ['5,000個 up', '2萬個 up', '116億元 up'],
    ],
    [
      'a bullet ends the clause a verb governs (q050)',
      '提升城市生态环境 ■ 城市基础设施类安排正式项目68项',
      ['68项 -'],
    ],
  ])('%s', (_, text, expected) => {
    expect(directions(text)).toEqual(expected);
    const quoteless = (rows: string[]) => rows.map((row) => row.slice(row.indexOf(' ')));
    // Traditional (Taiwan) and pinyin-laced copies read the same way.
    expect(quoteless(directions(toTaiwan(text)))).toEqual(quoteless(expected));
    const laced = toTaiwan(text).replace(/([\u4e00-\u9fff])/g, (ch: string, _c: string, at: number) =>
      at % 2 === 0 ? `${ch}(ya)` : ch,
    );
    expect(quoteless(directions(laced))).toEqual(quoteless(expected));
  });
});

describe('readFirmness', () => {
  it.each([
    ['地区生产总值增长', '6%左右', '左右', 'soft'],
    ['城镇新增就业', '22万人以上', '以上', 'hard'],
    ['确保粮食产量稳定在', '780亿斤左右', '左右', 'hard'],
    ['力争并网装机', '2500万千瓦以上', '以上', 'soft'],
    ['城镇登记失业率', '4.5%以内', '以内', null],
    ['粮食产量', '840亿斤', '超过', 'hard'],
    ['耕地保有量', '1.7亿亩', '不低于', 'hard'],
    ['完成建设投资', '1万亿元', '', null],
  ])('%s%s → %s', (sentence, written, qualifier, firmness) => {
    expect(readFirmness(sentence, written, qualifier)).toBe(firmness);
  });
});

describe('readNamedYear', () => {
  it.each([
    ['到2027年，单位地区生产总值能耗', 2027],
    ['2026年经济社会发展的主要预期目标是:地区生产总值增长', 2026],
    ['较2020年下降', null],
    ['与2020年相比，单位地区生产总值能耗下降', null],
    ['2021年以来推动企业上市', null],
    ['2023年1月12日在内蒙古自治区第十四届人民代表大会第一次会议上', null],
    ['过去一年地区生产总值增长', null],
  ])('%s → %s', (text, year) => {
    expect(readNamedYear(text)).toBe(year);
  });
});
