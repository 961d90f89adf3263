import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectPlanPage, MATCH_THRESHOLD, type PageSample } from './detect';
import { foldSample, readFeatures } from './features';
import { foldForDetection, foldPieces } from './fold-text';

function seedOpening(name: string, limit = 6000): string {
  return readFileSync(new URL(`../../tests/fixtures/seeds/${name}.txt`, import.meta.url), 'utf8').slice(
    0,
    limit,
  );
}

function sample(partial: Partial<PageSample>): PageSample {
  return { url: '', title: '', headings: [], text: '', ...partial };
}

describe('detectPlanPage on the seeds', () => {
  it.each([
    [
      '003 gov portal, simplified',
      sample({
        url: 'https://www.nmg.gov.cn/zwgk/zfxxgk/zfxxgkml/202602/t20260226_1.html',
        title: '内蒙古自治区人民政府关于下达2026年自治区国民经济和社会发展计划的通知',
        text: seedOpening('003_29900545c6a00a71'),
      }),
      'plan',
    ],
    ['003 text only (no title, no host)', sample({ text: seedOpening('003_29900545c6a00a71') }), 'plan'],
    [
      '000 news reprint',
      sample({
        url: 'https://inews.nmgnews.com.cn/system/2020/01/23/012838.shtml',
        text: seedOpening('000_2116d4bac5eff305'),
      }),
      'plan',
    ],
    [
      '001 PDF text with spaces and line breaks',
      sample({ text: seedOpening('001_3671b968aed7ce7c') }),
      'plan',
    ],
    [
      '002 traditional with inline pinyin, title without the keyword',
      sample({
        url: 'https://www.chinapower.com.cn/tynfd/gnxw/20230118/1.html',
        title:
          '內(nèi)蒙古:加快大型風(fēng)光基地和源網(wǎng)荷儲(chǔ)、風(fēng)光制氫等場景項(xiàng)目建設(shè) 力爭並網(wǎng)裝機(jī)25GW以上',
        text: seedOpening('002_2e0490dc36b0060a'),
      }),
      'report',
    ],
    [
      'a work report by its title',
      sample({
        title: '2026年政府工作报告',
        headings: ['政府工作报告'],
        text: '各位代表：现在，我代表自治区人民政府，向大会报告工作，请予审议。',
      }),
      'report',
    ],
    [
      'a policy notice with a document number',
      sample({
        url: 'https://www.nmg.gov.cn/zwgk/1.html',
        title: '内蒙古自治区人民政府办公厅关于印发推动大规模设备更新和消费品以旧换新实施方案的通知',
        // The notice and the first lines of the scheme it publishes, as the page shows them.
        text:
          '内政办发〔2024〕23号\n各盟行政公署、市人民政府：现将《方案》印发给你们，请认真贯彻落实。\n' +
          '推动大规模设备更新和消费品以旧换新实施方案\n为贯彻落实国务院《推动大规模设备更新和消费品以旧换新行动方案》，结合自治区实际，制定本方案。\n' +
          '一、主要目标\n到2027年，全区工业、农业、建筑、交通、教育、文旅、医疗等领域设备投资规模较2023年增长25%以上。',
      }),
      'policy',
    ],
  ])('%s → %s', (_name, input, kind) => {
    const detection = detectPlanPage(input);
    expect(detection.match).toBe(true);
    expect(detection.kind).toBe(kind);
    expect(detection.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
  });

  it('gives its reasons as ids, strongest first, the page’s own name among them', () => {
    const detection = detectPlanPage(
      sample({
        url: 'https://www.nmg.gov.cn/a.html',
        title: '关于下达2026年自治区国民经济和社会发展计划的通知',
        text: seedOpening('003_29900545c6a00a71'),
        headings: ['一、2026年主要预期目标'],
      }),
    );
    expect(detection.signals).toEqual(expect.arrayContaining(['named-with-targets']));
    expect(detection.signals.filter((s) => s.startsWith('-'))).toEqual([]);
    expect(detection.signals.length).toBeLessThanOrEqual(6);
  });

  it('does not take a bare document number for a plan page (it was dropped as a cue)', () => {
    const text = '索引号\t11150000011510990X\n发文字号\t内政发〔2026〕5号\n成文日期\t2026年1月20日';
    expect(detectPlanPage(sample({ text })).match).toBe(false);
  });
});

describe('detectPlanPage rejects look-alikes', () => {
  it.each([
    [
      'sports scores',
      sample({
        url: 'https://sports.sina.com.cn/cba/1.shtml',
        title: 'CBA常规赛第18轮战报：内蒙古北控主场98比91力克山西',
        text: '北京时间11月21日晚，CBA常规赛第18轮，内蒙古北控坐镇主场以98比91战胜山西汾酒，取得三连胜。外援砍下32分12个篮板，全队三分球28投11中，命中率39.3%。\n排名\t球队\t胜\t负\n1\t辽宁本钢\t16\t2\n本赛季场均观众达到1.2万人以上，同比增长15%左右。',
      }),
    ],
    [
      'a GDP ranking',
      sample({
        title: '2025年31省份GDP排名出炉：广东14.2万亿元居首，内蒙古增长5.6%',
        text: '31个省份2025年地区生产总值数据已全部公布。其中，广东、江苏GDP均超过13万亿元，山东突破10万亿元，共有17个省份GDP增速跑赢全国5.0%的水平。\n1\t广东\t142180\t4.1%\n21\t内蒙古\t26860\t5.6%',
      }),
    ],
    [
      'company annual results',
      sample({
        title: '伊利股份2025年年报：营业总收入1180.6亿元 同比增长2.9%',
        text: '公司全年实现营业总收入1180.6亿元，同比增长2.9%；归属于上市公司股东的净利润102.3亿元，同比增长21.6%。公司表示，2026年计划实现营业总收入1200亿元以上，利润总额120亿元左右。',
      }),
    ],
    [
      'an admissions plan',
      sample({
        url: 'https://zsb.imu.edu.cn/1.html',
        title: '内蒙古大学2026年普通本科招生计划',
        headings: ['内蒙古大学2026年普通本科招生计划'],
        text: '2026年我校计划招生3000人，其中区内计划2100人，区外计划900人。新增2个本科专业，计划招生各60人左右。',
      }),
    ],
    [
      'a statistics bulletin on a gov host',
      sample({
        url: 'https://tj.nmg.gov.cn/tjyw/1.html',
        title: '内蒙古自治区2025年国民经济和社会发展统计公报',
        headings: ['内蒙古自治区2025年国民经济和社会发展统计公报', '一、综合'],
        text: '初步核算，全年全区地区生产总值26860亿元，按不变价格计算，比上年增长5.6%。全年城镇新增就业19.6万人。全年粮食产量843.2亿斤，比上年增长0.8%。',
      }),
    ],
    [
      'news that mentions a work report once',
      sample({
        url: 'https://www.nmgnews.com.cn/1.html',
        title: '自治区政府召开常务会议',
        text: '1月8日，自治区主席主持召开自治区政府常务会议，审议了政府工作报告（征求意见稿），研究部署今冬明春安全生产和能源保供工作。会议指出，全区电煤日均供应量保持在120万吨以上。',
      }),
    ],
    [
      'news that mentions a plan once',
      sample({
        title: '自治区人大常委会召开主任会议',
        text: '会议听取了关于2026年国民经济和社会发展计划草案初步审查情况的汇报，决定将其提请大会审议。',
      }),
    ],
    ['an empty page', sample({})],
    [
      'an index page whose links name the plan',
      (() => {
        const links = [
          '关于下达2026年自治区国民经济和社会发展计划的通知 2026-02-26',
          '内蒙古自治区人民政府关于印发自治区2026年重点工作任务分工的通知 2026-02-20',
          '2026年自治区政府工作报告 2026-01-30',
          ...Array.from(
            { length: 12 },
            (_, k) => `内蒙古自治区人民政府办公厅关于做好第${k + 1}批项目申报工作的通知 2026-01-${10 + k}`,
          ),
        ];
        const text = links.join('\n');
        return sample({
          url: 'https://www.nmg.gov.cn/zwgk/zfxxgk/',
          title: '政策文件_内蒙古自治区人民政府',
          text,
          linkText: text.length - 11 * links.length,
        });
      })(),
    ],
  ])('%s', (_name, input) => {
    const detection = detectPlanPage(input);
    expect(detection.match).toBe(false);
    expect(detection.kind).toBeNull();
  });

  it('returns at once on a page with no Chinese text, even one full of plan-like numbers', () => {
    const detection = detectPlanPage(
      sample({
        url: 'https://www.example.com/annual-plan',
        title: 'Annual plan 2026: GDP growth about 5%, 180,000 new urban jobs',
        text: 'Main targets: GDP growth of about 5%; urban unemployment around 5.5%. '.repeat(50),
      }),
    );
    expect(detection).toEqual({ match: false, kind: null, score: 0, signals: ['no-chinese-text'] });
  });

  it('names why a statistics bulletin is rejected', () => {
    const detection = detectPlanPage(sample({ title: '内蒙古自治区2025年国民经济和社会发展统计公报' }));
    expect(detection.signals).toContain('-lead-statistics');
  });
});

describe('foldForDetection', () => {
  it.each([
    ['政府工作報(bào)告', '政府工作报告'],
    ['國(guó)民經(jīng)濟(jì)和社會(huì)發(fā)展計(jì)劃', '国民经济和社会发展计划'],
    ['地區(qū)生產(chǎn)總值', '地区生产总值'],
    ['業(ye)務', '业务'],
    ['報（bào）告', '报告'],
    ['自治区（蒙）医', '自治区（蒙）医'],
    [
      '关于下达 2020 年自治区国民经济和 \n社会发展计划的通知',
      '关于下达2020年自治区国民经济和社会发展计划的通知',
    ],
    ['25GW (gigawatts)', '25GW(gigawatts)'],
    // Mapped characters first, last, side by side and alone.
    ['國', '国'],
    ['經濟', '经济'],
    ['這是廣東特區政府施政報告', '这是广东特区政府施政报告'],
    ['施政報告：經濟增長', '施政报告：经济增长'],
    // Every character OpenCC's table knows, not only the cues' (dev pages u018, u029, r111).
    ['現在,我代表市人民政府,向大會報告工作', '现在,我代表市人民政府,向大会报告工作'],
    ['推動戰略性新興產業增加值佔GDP比重超過17%', '推动战略性新兴产业增加值占GDP比重超过17%'],
    ['覓得興建31.6萬個公營房屋單位', '觅得兴建31.6万个公营房屋单位'],
    // Taiwan's 計畫 reads as 计划 (the cues' word), where OpenCC's table gives 画.
    ['行政院107年度施政計畫', '行政院107年度施政计划'],
    // A character beyond the BMP (a surrogate pair, 𠗣 → 㓆) is looked up whole, the text around it kept.
    ['𠗣款項', '㓆款项'],
    // Simplified and non-Han text come back unchanged.
    ['城镇新增就业1200万人以上', '城镇新增就业1200万人以上'],
    ['GDP 5%', 'GDP5%'],
  ])('%s → %s', (input, expected) => {
    expect(foldForDetection(input)).toBe(expected);
  });
});

describe('foldPieces', () => {
  it.each([
    [['內(nèi)蒙古', '政府工作報(bào)告', '(bào)告', '']],
    [['国民经济和 ', ' 社会发展计划', '報', '（bào）']],
    [['关于\u0000下达', '計(jì)劃']],
  ])('folds %j as foldForDetection folds each piece', (pieces) => {
    expect(foldPieces(pieces)).toEqual(pieces.map(foldForDetection));
  });
});

describe('the government host feature', () => {
  it.each([
    ['https://www.nmg.gov.cn/a.html', true],
    ['https://WWW.GOV.CN/a.html', true],
    ['https://www.%67ov.cn/', true],
    ['https://ｗｗｗ．ｇｏｖ．ｃｎ/a', true],
    ['https://www.gov.cn.example.com/', false],
    ['https://news.example.com/gov.cn/a.html', false],
    ['https://www.policyaddress.gov.hk/2023/', true],
    ['not a url gov.cn', false],
  ])('%s → %s', (url, expected) => {
    const features = readFeatures(foldSample(sample({ url, title: '国民经济和社会发展计划' })));
    expect(features['gov-host']).toBe(expected ? 1 : 0);
  });
});
