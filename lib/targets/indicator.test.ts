import { Converter } from 'opencc-js/cn2t';
import { Converter as ToSimplified } from 'opencc-js/t2cn';
import { describe, expect, it } from 'vitest';
import { analyzeText } from './analyze';
import { findIndicator } from './indicator';

/** Runs findIndicator on a one-clause sentence around `quantity` (with `before`/`after` qualifiers). */
function indicatorOf(clause: string, quantity: string, pre = '', post = ''): string {
  const at = clause.indexOf(pre + quantity);
  const after = at + pre.length + quantity.length + post.length;
  return findIndicator(clause, 0, at, after, clause.length);
}

describe('findIndicator', () => {
  it.each([
    ['地区生产总值增长5%左右', '5%', '', '左右', '地区生产总值'],
    ['城镇新增就业18万人以上', '18万人', '', '以上', '城镇新增就业'],
    ['粮食产量超过840亿斤', '840亿斤', '超过', '', '粮食产量'],
    [
      '确保地市级及以上城市空气质量优良天数比例达到83.8%',
      '83.8%',
      '达到',
      '',
      '地市级及以上城市空气质量优良天数比例',
    ],
    ['加快大型風光基地建設力爭并網裝機2500萬千瓦以上', '2500萬千瓦', '', '以上', '并網裝機'],
    ['城鎮化率從64.6%', '64.6%', '', '', '城鎮化率'],
    ['新建20个500千伏输变电工程', '20个', '', '', '500千伏输变电工程'],
    ['创建10个国家生态文明建设示范区', '10个', '', '', '国家生态文明建设示范区'],
    ['培育敕勒川、康巴什、額濟納等8個文旅產業融合發展示范區', '8個', '', '', '文旅產業融合發展示范區'],
    ['14.新增嬰幼兒托位2萬個', '2萬個', '', '', '新增嬰幼兒托位'],
    // The indicator ends where the indicator ends: no verb, adverb or goal word after it.
    ['地区生产总值完成4704.3亿元', '4704.3亿元', '', '', '地区生产总值'],
    ['城镇常住居民人均可支配收入实现32740元', '32740元', '', '', '城镇常住居民人均可支配收入'],
    ['常住人口城镇化率首次超过70%', '70%', '超过', '', '常住人口城镇化率'],
    ['中国2024年经济增长预期目标设定为5%左右', '5%', '', '左右', '中国2024年经济'],
    ['国内生产总值(GDP)增长6%', '6%', '', '', '国内生产总值'],
    ['三是實施城中村改造項目30個', '30個', '', '', '實施城中村改造項目'],
    // A head that ends in an action verb: the counted thing follows the quantity.
    ['可兴建约330 000个公营房屋单位', '330 000个', '约', '', '公营房屋单位'],
    ['我们已觅得约350公顷土地', '350公顷', '约', '', '土地'],
    ['●粮食产量继续保持500亿斤以上', '500亿斤', '', '以上', '粮食产量'],
    ['一般公共预算收入同口径增长3.4%左右', '3.4%', '', '左右', '一般公共预算收入'],
    ['全省生产总值同比(下同)增长5.8%左右', '5.8%', '', '左右', '生产总值'],
    ['财政赤字规模比去年增加1万亿元', '1万亿元', '', '', '财政赤字规模'],
    ['全省GDP超出4万亿', '4万亿', '', '', 'GDP'],
    ['今年已经找到350公顷土地', '350公顷', '', '', '土地'],
    // A forward reading ends at a verb of what is done with the counted thing.
    ['帮助1350户贫困群众销售农产品', '1350户', '', '', '贫困群众'],
    ['选派2000名科技特派员赴基层开展农技服务', '2000名', '', '', '科技特派员'],
    ['引进49家世界500强企业进驻', '49家', '', '', '世界500强企业'],
    ['支持4989户贫困群众发展到户产业', '4989户', '', '', '贫困群众'],
    ['540吨“弥你红”红心猕猴桃远销俄罗斯', '540吨', '', '', '“弥你红”红心猕猴桃'],
    ['这100万个以上的单位从哪里来呢', '100万个', '', '以上', '单位'],
    // After 的 comes the head noun of the thing counted (q026, Taiyuan 2019 livelihood list)…
    ['對南屯北街、新村路等25條市民反映強烈的瓶頸路進行改造提升', '25條', '', '', '市民反映強烈的瓶頸路'],
    ['三是實施29個未完成安置補償的城中村改造工作', '29個', '', '', '未完成安置補償的城中村改造'],
    // …unless a clause goes on after it, or it names what about the thing is meant.
    ['为81.2万参加城乡居民医保的居民购买意外伤害保险', '81.2万', '', '', '参加城乡居民医保的居民'],
    ['为8000名以上符合条件的就业困难人员落实社会保险补贴', '8000名', '', '以上', '符合条件的就业困难人员'],
    ['維持未來10年每年平均興建約20 000個公屋單位的目標', '20 000個', '約', '', '公屋單位'],
    // A head that is only a place: the counted things come after it (q013, Jintai 2023).
    ['在金河镇、西关街道办事处和群众路街道办事处的13个村', '13个', '', '', '村'],
    ['在金河镇、硖石镇共新建农村户厕500座', '500座', '', '', '在金河镇、硖石镇共新建农村户厕'],
    ['在校生人数达到3万人', '3万人', '达到', '', '在校生人数'],
    // An area alone, with or without a verb before it (p031, q025).
    ['中心城区108个城中村全面拆除', '108个', '', '', '城中村'],
    ['六、维修改造城区60条内街小巷', '60条', '', '', '内街小巷'],
    ['一、解决农村10万人安全饮水问题', '10万人', '', '', '安全饮水'],
    // An opening quote before a quoted target ends nothing: the head is the indicator (p105).
    ['为“年均增长7%”', '7%', '', '', ''],
    ['GDP增速为“年均增长7%”', '7%', '', '', 'GDP增速'],
    // 籤約 (Hong Kong's 簽約): the 約 belongs to the word, not an approximation.
    ['項目集中籤約369個', '369個', '', '', '項目集中籤約'],
    // A gap to another body has no indicator of its own (the caller takes the previous one).
    ['高于全市1.2个百分点', '1.2个百分点', '', '', ''],
    // A head that ends in an action verb or a word naming nothing: the thing follows the quantity.
    ['精心打造8条特色餐饮街区和“邯郸味道”品牌', '8条', '', '', '特色餐饮街区'],
    ['力争每年推进实施1000个左右重点技改项目', '1000个', '', '左右', '重点技改项目'],
    ['发行1万亿元抗疫特别国债', '1万亿元', '', '', '抗疫特别国债'],
    ['三、完善26个乡镇卫生院医疗急救站', '26个', '', '', '乡镇卫生院医疗急救站'],
    ['八是針對115棟超高層民用建筑', '115棟', '', '', '超高層民用建筑'],
    ['以及15万户基层家庭', '15万户', '', '', '基层家庭'],
    ['木兰乡军运小区等5个共66万平方米的还建项目', '66万平方米', '', '', '还建项目'],
    ['当中23 300个单位将于2015-16年度完工', '23 300个', '', '', '单位将于2015-16年度完工'],
    // …and nothing when nothing follows either: the previous figure's indicator applies.
    ['西藏以11.5%', '11.5%', '', '', ''],
    // A head that opens with a comparison base names no indicator: the figure is a change or an
    // earlier value of the thing named before it (r068, r200, r040, q002).
    ['比上年年初預算增加1800億元', '1800億元', '', '', ''],
    ['較去年公布的31.6萬個', '31.6萬個', '', '', ''],
    ['比本屆政府上任時高出45%', '45%', '', '', ''],
    ['较对上五年增加30 000个', '30 000个', '', '', ''],
    // 比重, 比例 and 较快 are words, not a base.
    ['服务业增加值比重达到55%', '55%', '', '', '服务业增加值比重'],
    ['研发投入比例提高到2.5%', '2.5%', '', '', '研发投入比例'],
    // Land resumed, cleaning done, units built: the head ends in the verb, the thing follows (r062, r200).
    ['為政府項目收回約500公頃私人土地(當中', '500公頃', '約', '', '私人土地'],
    ['不同持份者每年進行約500次聯合清潔行動', '500次', '約', '', '聯合清潔行動'],
    ['已覓得350公頃土地興建約33萬個公營房屋單位', '350公頃', '', '', '土地'],
    ['公營房屋單位將由原先的6,300個', '6,300個', '', '', '公營房屋單位'],
    ['額外提供多5,000個過渡性房屋', '5,000個', '', '', '過渡性房屋'],
    // 共 (in all) after the thing totalled, 包括 before it, and a place in brackets after it (q054).
    ['總經費共約一七.六八億元', '一七.六八億元', '約', '', '總經費'],
    ['包括右岸(馬蘭橋下游、日光橋) 四.二七億元', '四.二七億元', '', '', '右岸'],
    ['农村老年人互助照料中心(点)107个', '107个', '', '', '农村老年人互助照料中心(点)'],
    ['二〇二〇年完成投资5亿元', '5亿元', '', '', '投资'],
    // A head ending in 的 modifies the noun after the quantity, which is what is counted (r062, q003)…
    ['就新一輪「綠化地帶」用地檢討中選取作房屋發展的 255 公頃土地進行可行性研究', '255 公頃', '', '', '土地'],
    ['当中包括「公屋提前上楼计划」的12 000个公屋单位', '12 000个', '', '', '公屋单位'],
    ['足以满足该十年期预计的301 000个公营房屋单位的需求', '301 000个', '', '', '公营房屋单位的需求'],
    // …unless nothing, or a verb, follows it.
    ['占全省的12%', '12%', '', '', '占全省'],
    ['公營房屋單位將由原先的6,300個增至8,700個', '6,300個', '', '', '公營房屋單位'],
    // 未來 after the thing, and 首發 before it (r040, r069).
    ['一手物業供應量未來增加達90000個', '90000個', '達', '', '一手物業供應量'],
    ['更將首發1兆元超長期特別國債', '1兆元', '', '', '超長期特別國債'],
    // Adverbs and a verb of change with 至/到 end no indicator.
    ['城镇化率上升至65%', '65%', '', '', '城镇化率'],
    ['居民收入稳步提高到5万元', '5万元', '', '', '居民收入'],
    ['森林覆盖率进一步提高到45%', '45%', '', '', '森林覆盖率'],
    ['粮食产量均达到500亿斤', '500亿斤', '', '', '粮食产量'],
    ['人均可支配收入大幅增长8%', '8%', '', '', '人均可支配收入'],
    ['全市人均5万元', '5万元', '', '', '人均'],
    // Hong Kong and Taiwan phrasing: 把 fronts the object, 按年 and 編列 are no part of it, 增設 reads forward.
    ['本屆政府將把公屋輪候時間縮短至4.5年', '4.5年', '', '', '公屋輪候時間'],
    ['本府明年度總預算編列新臺幣350億元', '350億元', '', '', '總預算'],
    ['本澳博彩毛收入按年上升逾300%', '300%', '逾', '', '本澳博彩毛收入'],
    ['增設1,000個資助安老宿位', '1,000個', '', '', '資助安老宿位'],
    // 维持 and 当中 head a clause without being the thing measured (r043).
    ['維持未來10年總房屋供應目標為46萬', '46萬', '', '', '總房屋供應'],
    ['當中公營房屋供應目標為28萬個', '28萬個', '', '', '公營房屋供應'],
    // A forward reading ends before a level reached, a threshold, or 就能.
    ['可增加18%的病床数目至5,000张', '18%', '', '', '病床数目'],
    ['到首次突破80万亿元大关', '80万亿元', '突破', '', ''],
    ['有6.5%-7%的增速就能够实现比较充分的就业', '6.5%-7%', '', '', '增速'],
    // The indicator starts after a verb of saying, a bullet or a quotation mark.
    ['政府工作报告提出今年的全年经济增长目标为4.5%', '4.5%', '', '', '经济'],
    ['成绩单■全年完成投资2510.1亿元', '2510.1亿元', '', '', '投资'],
    ['山西去年GDP的实际增幅为4.5%', '4.5%', '', '左右', '山西去年GDP'],
    // Verbs of a change in a rate end no indicator.
    ['规模以上工业增加值增速比上年回落0.5个百分点', '0.5个百分点', '', '', '规模以上工业增加值增速'],
    ['城乡居民收入差距缩小0.2个百分点', '0.2个百分点', '', '', '城乡居民收入差距'],
    ['全市生產總值名義增長7.1%', '7.1%', '', '', '生產總值'],
    // Taiwan county reports: the speaker (本府, 縣府), the fiscal year, a currency before the amount
    // and a per-person rate are no part of the indicator; 并网 keeps its 并.
    ['本府今年度編列預算新臺幣12億元', '12億元', '', '', '編列預算'],
    ['並補助老人健保費每人每月826元', '826元', '', '', '補助老人健保費'],
    ['力争并网装机2500万千瓦', '2500万千瓦', '', '', '并网装机'],
    // Hong Kong's variant 爲 strips like 為.
    ['經濟增長預期目標爲5%左右', '5%', '', '左右', '經濟'],
    ['經濟增長預期目標為5%左右', '5%', '', '左右', '經濟'],
    // 签约 is a word, not 签 + the approximation 约.
    ['项目集中签约369个', '369个', '', '', '项目集中签约'],
    // An action verb with 了, 开工, 落成, or a head ending in 有 reads forward.
    ['解决了1.12万贫困人口安全饮水问题', '1.12万', '', '', '贫困人口安全饮水'],
    ['武汉市累计开工768个亿元以上项目', '768个', '', '', '亿元以上项目'],
    ['於2012年分阶段落成19,000个公屋单位', '19,000个', '', '', '公屋单位'],
    ['继2009年有1,136个社屋单位落成', '1,136个', '', '', '社屋单位落成'],
    // Spans of time, years in brackets, 将增, 现时每年 and ranks end no indicator.
    ['家庭收入中位數在三年間上升3000元', '3000元', '', '', '家庭收入中位數'],
    ['专科门诊服务将由现时每年680万人次', '680万人次', '', '', '专科门诊服务'],
    [
      '未来五年(2023-24至2027-28年度)整体公营房屋建屋量将增至约158 000个单位',
      '158 000个',
      '约',
      '',
      '整体公营房屋建屋量',
    ],
    ['工业经济总量成为全区第四个突破2000亿元大关', '2000亿元', '突破', '', '工业经济总量'],
    // What the thing receives (獲) and "only" (僅, 僅有) come after it; a rise's size alone names
    // nothing, so the previous figure's indicator applies (t003, t008).
    ['合資格研發開支獲300%扣稅', '300%', '', '', '合資格研發開支'],
    ['建議將企業首200萬元利得稅率降至8.25%', '8.25%', '', '', '企業首200萬元利得稅率'],
    ['餘額獲200%扣稅', '200%', '', '', '餘額'],
    ['僅增加2億', '2億', '', '', ''],
    ['增加幅度僅有0.88%', '0.88%', '', '', ''],
    ['实施集体收获15万亩', '15万亩', '', '', '实施集体收获'],
    // Setting up, opening, choosing, weighing and kinds: the thing counted follows (t007, t005, t001).
    ['开设20个爱心暑托班', '20个', '', '', '爱心暑托班'],
    ['开发1000个青年就业见习岗位', '1000个', '', '', '青年就业见习岗位'],
    ['在全区遴选4-8个村居培育宜居宜业和美乡村', '4-8个', '', '', '村居'],
    ['行動方案統籌考慮15個適宜種植油茶省區市', '15個', '', '', '適宜種植油茶省區市'],
    ['确定以下八类11个项目为2024年度淮安市淮安区政府民生实事项目', '11个', '', '', '项目'],
    // 为 after a count reads on to what is counted (q016).
    ['其中44例為境外輸入病例', '44例', '', '', '境外輸入病例'],
    // What a plan states (明確了) and the span it sets come before the indicator (t001).
    ['行動方案明確了2023年至2025年完成新增油茶種植1917萬畝', '1917萬畝', '', '', '新增油茶種植'],
    // Hong Kong's 亦, 另外 and a forward reading up to 會在 (t014); helping, creating and signing up
    // to rebuild read forward (t015).
    ['公屋輪候時間亦由6.1年', '6.1年', '', '', '公屋輪候時間'],
    ['另外2萬個將在未來一年半內全部落成', '2萬個', '', '', ''],
    ['三萬個簡約公屋單位會在未來一年半內全數落成', '三萬個', '', '', '簡約公屋單位'],
    ['巩固和新增帮扶1.3万户低收入农户实现产业增收', '1.3万户', '', '', '低收入农户'],
    ['争取创成24个省级无障碍示范社区(村)', '24个', '', '', '省级无障碍示范社区(村)'],
    ['年内全市完成签约改造97个村(区块)', '97个', '', '', '村(区块)'],
    ['温州年内全市完成签约改造97个村 建成BRT3号线4号线', '97个', '', '', '村'],
    // A forward reading ends before 包括 (t007).
    ['40项民生实事项目包括', '40项', '', '', '民生实事项目'],
  ])('%s → %s', (clause, quantity, pre, post, indicator) => {
    expect(indicatorOf(clause, quantity, pre, post)).toBe(indicator);
  });
});

describe('indicators through analyzeText, in every script', () => {
  const toHongKong = Converter({ from: 'cn', to: 'hk' });
  const toSimplified = ToSimplified({ from: 'hk', to: 'cn' });
  const pinyinLaced = (text: string) =>
    text.replace(/([\u4e00-\u9fff])/g, (ch: string, _c: string, at: number) =>
      at % 3 === 0 ? `${ch}(ya)` : ch,
    );
  const indicators = (text: string) => analyzeText(text).map((t) => `${t.quote} [${t.indicator}]`);
  it.each<[string, string, string[]]>([
    [
      'a head that names nothing takes the previous figure’s indicator (p115)',
      '2016年全国GDP增长6.7%，西藏以11.5%，高于全国4.8个百分点。',
      ['6.7% [GDP]', '11.5% [GDP]', '4.8个百分点 [GDP]'],
    ],
    [
      'a sentence’s first figure without a head takes the clause before it (q028, p112)',
      '实施中小学校“示范食堂”建设行动，2024年完成1000家以上。全年空气质量优良天数增加76天，同比上升20.8%。',
      ['1000家 [实施中小学校“示范食堂”建设行动]', '76天 [空气质量优良天数]', '20.8% [空气质量优良天数]'],
    ],
    [
      'an execution report’s numbered titles and labels name the figures after them',
      '（一）地区生产总值。预计全年完成2345亿元，增长6.2%，比计划低0.3个百分点。\n1.一般公共预算收入：完成123.4亿元，为预算的101.2%。\n全社会固定资产投资预计增长10%左右。',
      [
        '2345亿元 [地区生产总值]',
        '6.2% [地区生产总值]',
        '0.3个百分点 [地区生产总值]',
        '123.4亿元 [一般公共预算收入]',
        '101.2% [预算]',
        '10% [全社会固定资产投资]',
      ],
    ],
    [
      'a digit-less milestone passed is no part of the figure’s indicator (p087)',
      '预计:全县GDP突破百亿元大关,达109亿元、增长9.2%。',
      ['109亿元 [全县GDP]', '9.2% [全县GDP]'],
    ],
    [
      'only, and the size of a rise, name nothing: the figure before names the thing (t008)',
      '编列105年度总预算为230亿,与104年228亿相较,仅增加2亿,增加幅度仅有0.88%。',
      [
        '230亿 [编列105年度总预算]',
        '228亿 [编列105年度总预算]',
        '2亿 [编列105年度总预算]',
        '0.88% [编列105年度总预算]',
      ],
    ],
    [
      'shares after 分别 measure the share, not the figures before them (t001)',
      '核心发展区计划新增油茶种植1488.5万亩、改造低产林1110.6万亩,分别占全国新增、改造任务的77.6%、87%。',
      [
        '1488.5万亩 [核心发展区计划新增油茶种植]',
        '1110.6万亩 [改造低产林]',
        '77.6% [占全国新增、改造任务]',
        '87% [占全国新增、改造任务]',
      ],
    ],
    [
      'a milestone passed (历史性跨越) takes the figure before’s indicator (q050)',
      '全年完成投资2510.1亿元,同比增长5.3%,历史性跨越2500亿元大关。',
      ['2510.1亿元 [投资]', '5.3% [投资]', '2500亿元 [投资]'],
    ],
    [
      'a change against a base takes the thing named before it (r068)',
      '赤字规模4.06万亿元，比上年年初预算增加1800亿元。',
      ['4.06万亿元 [赤字规模]', '1800亿元 [赤字规模]'],
    ],
    // LABELLING-r4.md / extract-7: where an indicator starts and ends, on dev sentences.
    [
      // The second figure still takes the first one's indicator: the clause between names none.
      'a comparison among bodies ends no indicator (p105)',
      '其中,贵州GDP设定的最高,为“年均增长10%左右”,广东提出GDP增速较低,为“年均增长7%”。',
      ['10% [贵州GDP]', '7% [贵州GDP]'],
    ],
    [
      'a period or a point in time after the thing is not part of it (t014)',
      '公营房屋建屋量未来五年达18.9万个单位。公屋轮候时数在三年前平均轮候6.1年。',
      ['18.9万个 [公营房屋建屋量]', '6.1年 [公屋轮候时数]'],
    ],
    [
      '或 between two figures is a list word: the thing follows the second (t014)',
      '若劏房户早一年入住公屋,可分别节省平均每年约36,000元或50,000元的租金。',
      ['36,000元 [可分别节省]', '50,000元 [租金]'],
    ],
    [
      'an aside of what a total includes leaves the total as the indicator (t014)',
      '2026/27年度起的五年,总体公营房屋建屋量,包括简约公屋将达18.9万个单位,较李家超上任时增加约80%。',
      ['18.9万个 [总体公营房屋建屋量]', '80% [总体公营房屋建屋量]'],
    ],
    [
      'one count of things named in a row counts them all (p087, q037, t002)',
      '15个乡镇中心校、卫生院和便民服务中心全面达标。预计探访15万户独居长者、双老家庭,以及15万户基层家庭。《总体方案》确定的具备条件,4240万亩坡耕地和严重沙化耕地,以及陡坡耕地。',
      [
        '15个 [乡镇中心校、卫生院和便民服务中心]',
        '15万户 [独居长者、双老家庭]',
        '15万户 [基层家庭]',
        '4240万亩 [坡耕地和严重沙化耕地]',
      ],
    ],
    [
      'a list item’s head of verbs and scope names nothing: the thing follows (v001, v002)',
      '4。 继续补助全市158家“空白村”卫生所;\n7。 改造建设20个长者食堂;\n05 建立10个未成年人保护工作站。',
      ['158家 [“空白村”卫生所]', '20个 [长者食堂]', '10个 [未成年人保护工作站]'],
    ],
    [
      'a forward reading ends at what is done with the thing, and at 如下 (v001, v002, v004)',
      '35个项目顺利完成,1个项目基本完成。39个为民办实事项目如下:在5所公办幼儿园增设托班;实现300个泊位错时停车。完成6所小区配套幼儿园回收。',
      [
        '35个 [项目]',
        '1个 [项目]',
        '39个 [为民办实事项目]',
        '5所 [公办幼儿园]',
        '300个 [泊位]',
        '6所 [小区配套幼儿园]',
      ],
    ],
    [
      'a parenthetical that is only the figure measures the head before it, 提升 folded as a verb (v002)',
      '新虹桥中心花园桥下空间形象提升(约3000平方米)。',
      ['3000平方米 [新虹桥中心花园桥下空间形象]'],
    ],
    [
      'a rate’s period, a release verb, 创造 and a year compared name nothing (v007, v008)',
      '可引入南化清水每日5万吨。约可释出48.37公顷产业用地。创造约413亿元产值。整体年度预算达成率94.69%,高于104年的93.82%。另105年度列管198项计划。',
      [
        '5万吨 [可引入南化清水]',
        '48.37公顷 [产业用地]',
        '413亿元 [产值]',
        '94.69% [整体年度预算达成率]',
        '93.82% [整体年度预算达成率]',
        '198项 [计划]',
      ],
    ],
    [
      'a growth kept in double digits, land for counted units, the conditions of counted places (p068, r062, t001)',
      '2016年贵州GDP增速继续保持两位数增长,分别达到10.7%和10.5%。可供市场兴建合共不少于72,000个私营房屋单位的土地。统筹考虑15个适宜种植油茶省区市的自然条件。',
      ['10.7% [贵州GDP增速]', '10.5% [贵州GDP增速]', '72,000个 [私营房屋单位]', '15个 [适宜种植油茶省区市]'],
    ],
    [
      'but an area of land measures the land, and a numbered head of verbs names nothing (q004, v002, t015)',
      '我们准备好170公顷政府主导的土地。11新建改建10个市民益智健身点。完成签约改造97个村建成BRT3号线。',
      ['170公顷 [政府主导的土地]', '10个 [市民益智健身点]', '97个 [村]'],
    ],
    [
      'but not past another figure or a quoted name (p120, p084)',
      '99.24%的乡镇和98.34%的建制村通上沥青路。精心打造8条特色餐饮街区和“邯郸名宴”。',
      ['99.24% [乡镇]', '98.34% [建制村通上沥青路]', '8条 [特色餐饮街区]'],
    ],
  ])('%s', (_, text, expected) => {
    expect(indicators(text)).toEqual(expected);
    // Traditional and pinyin-laced reprints give the same indicators, in their own script.
    const fold = (rows: string[]) => rows.map((row) => toSimplified(row.slice(row.indexOf(' '))));
    expect(fold(indicators(toHongKong(text)))).toEqual(fold(expected));
    expect(
      analyzeText(pinyinLaced(toHongKong(text))).map((t) => toSimplified(t.indicator.replace(/\(ya\)/g, ''))),
    ).toEqual(expected.map((row) => row.slice(row.indexOf('[') + 1, -1)));
  });
});
