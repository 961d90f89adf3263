/**
 * The indicator a quantity measures, as written: scanned back from the quantity to the start of
 * its clause, or read forward when the quantity leads its clause (`创建10个国家生态文明建设示范区`).
 *
 * @module
 */

/**
 * Words at the head of a clause that are intent, time or scope (全区, 各级), not part of the indicator;
 * Taiwan's Republic years among them (`與104年228億相較`).
 */
const LEADING_NOISE =
  /^(?:——|—|-|\s|的|本府|本[县縣市区區]|[县縣市]府|[今本]年度|[并並](?![购購网網联聯行轨軌])|[为為爲](?=预算|預算|计划|計劃|年度)|(?:未来|未來|过去|過去)[一二三四五六七八九十两兩\d]{1,2}年(?:内|內|间|間)?|[(（][^()（）]{1,30}[)）]|[●■◆▲★•·▪]|力争|力爭|争取|爭取|确保|確保|预计|預計|今年|全年|当年|當年|明年度|下年度|明年|[到至]\d{4}年(?:底|末|前)?|\d{4}年(?:底|末)?|1[01]\d年度?|[〇○零一二三四五六七八九]{4}年(?:底|末)?|现在|現在|现时|現時|目前|[一二三两兩四五六七八九十\d]年前|\d{1,2}[.、。]|\d{1,2}\s+(?=[\u4e00-\u9fff])|0\d(?=[\u4e00-\u9fff])|另(?![有外])|[一二三四五六七八九十]{1,3}(?:、|是)|、|全区|全區|全市|全省|全国|全國|各级|各級|其中|当中|當中|包括|另外|分别|分別|历史性|歷史性|维持|維持|我们|我們|和|及|与|與|要|建议|建議|将|將|拟|擬|完成|实现|實現|五年|十年|再|继续|繼續|进一步|進一步)+/;

/** Verbs and connectives between the indicator and the number (增长, 达到, 从 …), stripped from the end. */
const TRAILING_WORDS: readonly string[] = [
  // A verb of change with 至/到 goes as one word, so 上升至 does not leave 上.
  '上升至',
  '上升到',
  '提高至',
  '提升至',
  '增加至',
  '增长至',
  '增長至',
  '降低至',
  '下降至',
  '减少至',
  '減少至',
  '扩大到',
  '擴大到',
  '扩大至',
  '擴大至',
  '缩小到',
  '縮小到',
  '缩小至',
  '縮小至',
  // Adverbs of manner, scope and time between the indicator and its verb (稳步提高到, 均达到).
  '稳步',
  '穩步',
  '持续',
  '持續',
  '进一步',
  '進一步',
  '大幅度',
  '大幅',
  '明显',
  '明顯',
  '显著',
  '顯著',
  '逐步',
  '逐年',
  '较快',
  '較快',
  '快速',
  '平稳',
  '平穩',
  '仍然',
  '已经',
  '已經',
  '有望',
  '可望',
  '同期',
  // Hong Kong's year-on-year and Taiwan's budgeting verb: `毛收入按年上升`, `總預算編列`.
  '按年',
  // `僅增加2億`, `增加幅度僅有0.88%` (t008): only; a rise's size names no indicator of its own.
  '僅有',
  '仅有',
  '只有',
  '僅',
  '仅',
  '增加幅度',
  '增长幅度',
  '增長幅度',
  // `合資格研發開支獲300%扣稅` (t003): what the thing receives, after it.
  '獲',
  '获',
  '编列',
  '編列',
  '均',
  '都',
  '也',
  // Hong Kong's 亦 (also): `公屋輪候時間亦由6.1年降至5.1年`.
  '亦',
  '又',
  '还',
  '還',
  '仍',
  '已',
  '降至',
  '降到',
  '增至',
  '升至',
  '减至',
  '減至',
  '缩短至',
  '縮短至',
  '增长到',
  '增長到',
  '提高到',
  '提升到',
  '增加到',
  '下降到',
  '降低到',
  '减少到',
  '減少到',
  '预期目标设定为',
  '預期目標設定為',
  '目标设定为',
  '目標設定為',
  '预期目标为',
  '預期目標為',
  '預期目標爲',
  '预期目标',
  '預期目標',
  '目标为',
  '目標為',
  '目標爲',
  '目标',
  '目標',
  '设定为',
  '設定為',
  '設定爲',
  '设定',
  '設定',
  '预期',
  '預期',
  '预计',
  '預計',
  '预估',
  '預估',
  '同比上升',
  '名义增长',
  '名義增長',
  '可比价增长',
  '可比價增長',
  '回落',
  '回升',
  '回升到',
  '加快',
  '放缓',
  '放緩',
  '收窄',
  '扩大',
  '擴大',
  '缩小',
  '縮小',
  '上调',
  '上調',
  '下调',
  '下調',
  '将增',
  '將增',
  '每年',
  '每月',
  // `可引入南化清水每日5萬噸`: a rate's period after the thing.
  '每日',
  '每天',
  '每人每月',
  '每人每年',
  '新臺幣',
  '新台幣',
  '新台币',
  '人民幣',
  '人民币',
  '港幣',
  '港币',
  '现时',
  '現時',
  // `由原先的6,300個增至8,700個`: the start of a change, after the thing that changes.
  '原先',
  '原来',
  '原來',
  // `一手物業供應量未來增加達90000個`: a time word after the thing.
  '未来',
  '未來',
  '实际增幅',
  '實際增幅',
  '实际增长',
  '實際增長',
  '同口径',
  '同口徑',
  '比去年',
  '较去年',
  '較去年',
  '超出',
  '继续保持',
  '繼續保持',
  '保持',
  '全年',
  '上升',
  '增涨',
  '增漲',
  '年增',
  '完成',
  '实现',
  '實現',
  '首次',
  '可比',
  '每人',
  '具体',
  '具體',
  '拟按',
  '擬按',
  '将',
  '將',
  '增长',
  '上涨',
  '上漲',
  '平均',
  '增長',
  '下降',
  '降低',
  '减少',
  '減少',
  '提高',
  '提升',
  '增加',
  '达到',
  '達到',
  '稳定在',
  '穩定在',
  '控制在',
  '保持在',
  '超过',
  '超過',
  '突破',
  '跨过',
  '跨過',
  '跨越',
  '不低于',
  '不低於',
  '不超过',
  '不超過',
  '至少',
  '分别',
  '分別',
  '同比',
  '比上年',
  '较上年',
  '較上年',
  '年均',
  '累计',
  '累計',
  '达',
  '達',
  '为',
  '為',
  '爲',
  '是',
  '从',
  '從',
  '由',
  '到',
  '至',
  '在',
  '约',
  '約',
  // `總經費共約一七.六八億元`, `可供市場興建合共不少於`: in all, after the thing totalled.
  '合共',
  '总共',
  '總共',
  '共计',
  '共計',
  '共',
  '近',
  '超',
  '的',
].sort((a, b) => b.length - a.length);

/**
 * TRAILING_WORDS by last character, each list in TRAILING_WORDS order, so a strip step checks only
 * the words that can end the string (the first match is the same as in the full list).
 */
const TRAILING_BY_LAST: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const word of TRAILING_WORDS) {
    const last = word[word.length - 1]!;
    const list = map.get(last);
    if (list) list.push(word);
    else map.set(last, [word]);
  }
  return map;
})();

/**
 * What ends a head without being the indicator: a digit-less milestone passed (`全县GDP突破百亿元大关,达`),
 * a comparison base (较2015年下降 → strip 较2015年 too), an
 * acronym or a span of years in brackets, a span of time (`在三年间`), a rank (`成为全区第四个`),
 * a comparison among bodies (`贵州GDP设定的最高`, `广东…GDP增速较低`), a period after the thing
 * (`公營房屋建屋量未來五年達`), a growth kept in double digits (`GDP增速继续保持两位数`).
 */
const TRAILING_BASE =
  /(?:突破|超过|超過|跨越|跨过|跨過|迈过|邁過|迈上|邁上)[百千万萬]+[亿億]?元?(?:大[关關])?$|[百千万萬]+[亿億]?元?大[关關]$|(?:较|較|比|是)\d{4}年的?$|[(（][A-Za-z]{2,8}[)）]$|[(（]下同[)）]$|[(（][^()（）]*\d{4}[^()（）]*[)）]$|(?<=[\u4e00-\u9fff])[(（][^()（）\d]{2,16}[)）]$|在?(?:过去|過去|未来|未來|近)?[一二三四五六七八九十两兩\d]{1,2}年[间間内內来來]$|(?:成为|成為)?(?:全[国國省市区區县縣])?第[一二三四五六七八九十\d]{1,3}[个個位名]?$|(?:设定|設定)?的?(?:最高|最低|较高|較高|较低|較低|最快|最慢)$|(?:未来|未來|过去|過去|今后|今後)[一二三四五六七八九十两兩\d]{1,2}年$|(?:继续|繼續)?保持[一两兩二三][位]数(?:增长)?$|(?:继续|繼續)?保持[一两兩二三][位]數(?:增長)?$/;

/** A comparison with another body or the plan (`高于全市`, `比全省高`): the gap measures the indicator before it. */
const COMPARISON_ONLY =
  /^(?:比|较|較|高于|高於|低于|低於|超过|超過|超出|快于|快於|慢于|慢於)(?:全[省市国國区區县縣]|预期目标|預期目標|预期|預期|计划目标|計劃目標|年度计划|年度計劃|计划|計劃|全国平均|全國平均)?(?:平均水平)?(?:高|低|快|慢)?了?$/;

/**
 * A head that opens with a comparison base (`比上年年初預算增加1800億元`, `較去年公布的31.6萬個`,
 * `比本屆政府上任時高出45%`, `高於104年的93.82%`): the figure is a change or an earlier value of the thing
 * named before it.
 * Not 比重, 比例, 比率, 比值, 较大: those are nouns or degrees, not a base.
 */
const COMPARISON_LEAD =
  /^(?:比|较|較)(?![重例率值大好快高低多少])[^，,；;]{1,14}$|^(?:高于|高於|低于|低於)(?:\d{4}|1[01]\d|上)年的?$/;

/** A short action verb alone is not an indicator; the thing counted follows the quantity instead. */
const BARE_VERB =
  /^(?:新建|改建|新改建|新建改扩建|新建改擴建|创建|創建|实施|實施|完成|培育|招募|选派|選派|打造|布局建设|布局建設|建设|建設|建立|建成|推动|推動|引进|引進|开展|開展|组织|組織|升级改造|升級改造|改造|改造提升|新增|启动|啟動|啓動|实现|實現|促进|促進|按|为|為|对|對|支持|帮助|幫助|探访|探訪|选聘|選聘|下放|设有|設有|有|会有|會有|可|提供|启动建设|啟動建設|啓動建設|启动实施|啟動實施|啓動實施|增设|增設|新设|新設|设立|設立|兴建|興建|新建改造|新建和改建|维修改造|維修改造|开工|開工|累计开工|累計開工|开工建设|開工建設|提质扩能|提質擴能|配置|新开工改造|新開工改造)?$/;

/**
 * A list item's head of action verbs only, perhaps with its number, a level or a scope (`新改扩建`,
 * `改善全市`, `市级重点扶持`, `巩固提升`, `对城乡`, `涉及`, `列管`, `11新建改建`): what is counted follows
 * the quantity.
 */
const ACTION_SCOPE =
  /^\d{0,2}(?:(?:市级|市級|省级|省級|区级|區級|县级|縣級)?重点|(?:市级|市級|省级|省級|区级|區級|县级|縣級)?重點)?(?:新建|改建|扩建|擴建|新改扩建|新改擴建|改扩建|改擴建|改造|建设|建設|提升|巩固|鞏固|改善|补助|補助|推进|推進|扶持|涉及|建立|实施|實施|完成|打造|培育|创建|創建|创造|創造|开展|開展|开设|開設|增设|增設|对|對|为|為|帮助|幫助|支持|引进|引進|组织|組織|列管|持续|持續|继续|繼續)+(?:全市|全区|全區|全县|全縣|全省|辖区|轄區|城乡|城鄉)?$/;

/**
 * A clause head that ends in an action verb, with or without 了 (`可兴建`, `我们已觅得`, `解决了`,
 * `累计开工`): what the quantity counts is the noun after it, as with a bare verb.
 */
const ACTION_TAIL =
  /(?:打造|承接|实施|實施|完善|发行|發行|规划|規劃|针对|針對|开工|開工|落成|兴建|興建|提供|配置|找到|觅得|覓得|选派|選派|选聘|選聘|探访|探訪|引进|引進|新建|建成|培育|下放|解决|解決|举办|舉辦|准备好|準備好|计及|計及|共有|还有|還有|尚有|另有|找|觅|覓|收回|进行|進行|可建|首发|首發|开设|開設|开发|開發|遴选|遴選|考虑|考慮|帮扶|幫扶|创成|創成|签约改造|簽約改造|释出|釋出|释放|釋放)了?$/;

/**
 * A clause head that ends in a count of kinds (`确定以下八类11个项目`): the kinds group the things the
 * quantity counts, which follow it.
 */
const GROUP_TAIL = /[一二三四五六七八九十两兩\d]大?[类類]$/;

/**
 * A clause head that ends in a word that names nothing (a list word, a determiner, 以, 共): the quantity
 * names its thing after it (`以及15万户基层家庭`, `这100万个单位`, `木兰乡军运小区等5个共66万平方米的还建项目`), or,
 * when nothing follows, shares the previous figure's (`西藏以11.5%`, `分别达到10.7%和10.5%`).
 */
const FUNCTION_TAIL =
  /(?:以及|(?<![或])或|(?<![拥擁现現所具])有|(?<!总|總)和|(?<![普涉波])及|(?<![参參])[与與]|[以这這该該此]|(?<!公)共|当中|當中|其中|合共|合计|合計)$/;

/**
 * A clause head that is only a place phrase (在…镇/街道办事处/区): the counted things come after it
 * (`在…群众路街道办事处的13个村`). 在校, 在建, 在岗 are words, not 在 + place; a head that goes on after
 * the place (`在金河镇、硖石镇共新建农村户厕`) names its own thing.
 */
const LOCATIVE =
  /^[在於](?![校建岗崗职職册冊编編线線读讀押营營])[^，,；;]*(?:镇|鎮|乡|鄉|村|街道|办事处|辦事處|[区區县縣市省]|园区|園區|社区|社區)$/;

/**
 * A clause head that is only an area, with or without an action verb before it (`中心城区108个城中村`,
 * `维修改造城区60条内街小巷`, `解决农村10万人安全饮水问题`): where the counted things are, not what they are.
 */
const PLACE_HEAD =
  /^(?:维修改造|維修改造|改造提升|新建|改造|解决|解決|建设|建設|实施|實施|完成)?(?:中心城区|中心城區|主城区|主城區|城区|城區|市区|市區|老城区|老城區|农村|農村|县城|縣城|城乡|城鄉|乡镇|鄉鎮)$/;

/**
 * A head that opens with 包括 and goes on to a modal or a verb of reaching (a qualifier such as 达 may
 * already be cut off): an aside inside a longer clause.
 */
const INCLUDES_ASIDE = /^(?:包括|包含)[^，,；;]{1,12}?(?:将|將|会|會|达|達|达到|達到|增至)$/;

/** A clause head ending in 的 (a relative clause or a possessive), spaces aside. */
const RELATIVE_HEAD = /的\s*$/;
/** A noun right after a quantity, not a verb or preposition that goes on with the sentence. */
const NOUN_AFTER =
  /^\s*[\u4e00-\u9fff](?<![用将將是为為在于於由从從可的等及和与與不增减減降提达達至到以已并並也都而相比较較])/;

/**
 * Verbs of saying: the indicator starts after them (`政府工作报告提出今年的全年经济增长目标为`,
 * `行動方案…明確了2023年至2025年完成新增油茶種植`).
 */
const SAYING =
  /提出|明[确確]了|表示|指出|显示|顯示|宣布|强调|強調|透露|获悉|獲悉|(?<!名)[称稱](?!号|號)|[说說](?!明)/g;

/** 把 fronts the object acted on (`將把公屋輪候時間縮短至`): the indicator starts after it. */
const DISPOSAL = /把(?![握关關控持])/g;

/** List bullets and box marks inside a clause head: what is before them is another item or a headline. */
const BULLETS = /[■●◆▲★•▪]/g;

/** 在 + a point in time (`在三年前`, `在2020年底`) inside a head, after the thing measured. */
const TIME_AFTER_THING =
  /在(?:[一二三四五六七八九十两兩\d]{1,2}年前|\d{4}年(?:底|末|初)?|(?:任内|任內|上任[时時]))/;

/**
 * A head of adverbs and modals only, perhaps with a bare verb (`預計今年會正增長`, `比去年略為下調`,
 * `預計今年先發行`, `現已縮短`): it names nothing; the thing is in the clause before.
 */
const ADVERBS_ONLY =
  /^(?:现已|現已|已经|已經|已|会|會|将|將|可|先|略|正|再|仍|又|或)+(?:为|為|爲)?(?:发行|發行|缩短|縮短|下调|下調|上调|上調)?$/;

/** Characters before which a trailing 约 belongs to a word (签约, 节约, 制约) rather than approximates. */
const BOUND_BEFORE_YUE = '签簽籤节節制预預契公条條合特大相邀';

/**
 * Where a forward reading stops: a list word, 包括, 相较 (`與104年228億相較`), 为 (`11个项目为2024年度…项目`),
 * 會在/將在 (`三萬個簡約公屋單位會在…落成`; not 将于, after which the completion is what the labels count),
 * a space after a word (a headline's end), 任务, a long
 * parenthetical, a level reached (至),
 * a threshold (`突破80万亿元大关`: the thing measured is before it), an adverb (就能, 才能), or a verb of what is
 * done with the counted thing (`4989户贫困群众发展到户产业`, `2000名科技特派员赴基层`,
 * `49家世界500强企业进驻`, `540吨“弥你红”红心猕猴桃远销俄罗斯`, `25條市民反映強烈的瓶頸路進行改造`,
 * `29個未完成安置補償的城中村改造工作`, `4-8个村居培育宜居宜业和美乡村`): the indicator is the noun before it. Not 的: in
 * `25條市民反映強烈的瓶頸路` the thing counted is the noun after it, and the phrase ends there.
 */
const FORWARD_STOP =
  /[和与與及]|包括|培育|相[较較比]|[会會将將]在|[会會][于於]|实现|實現|(?<=[\u4e00-\u9fff])\s|(?<![行作认認成因以])[为為](?!民)|顺利|順利|基本完成|基本建成|增设|增設|错时|錯時|回收|提前完成|建成(?![区區])|任务|任務|[（(][^）)]{5}|赴|发展到|發展到|到|至|远销|遠銷|从哪|從哪|进行|進行|工作(?!站|室|组|組|队|隊|者|人员|人員)|大关|大關|就[能可会會]|才[能可]|能够|能夠|可以|助推|销售|銷售|全部|全面|进驻|進駐|落地|落户|落戶|开展|開展|获批|獲批|外出|受益|参与|參與|陆续|陸續|可让|可讓|兴建|興建|超逾|超过|超過|不少于|不少於/;

/** FORWARD_STOP without its list words: where a run of coordinated nouns ends. */
const CONJUNCTS_STOP = new RegExp(FORWARD_STOP.source.replace(/^\[和与與及\]\|/, ''));
/** A list word or enumeration comma between coordinated nouns. */
const CONJUNCTION = /[、和及与與]/;
/** Longest run of coordinated nouns read forward, and longest last conjunct. */
const MAX_CONJUNCTS = 24;
const MAX_LAST_CONJUNCT = 8;

/**
 * `15个乡镇中心校、卫生院和便民服务中心全面达标`, `预计探访15万户独居长者、双老家庭`,
 * `4240萬畝坡耕地和嚴重沙化耕地`, `50名“两癌”患病及困难妇女`: one count of several things named in a row
 * counts them all, so the
 * forward reading goes on over 、/和/及 to where the clause's verb or end comes. Not when another number
 * comes first (`99.24%的乡镇和98.34%的建制村`: each count has its own thing), a conjunct is quoted
 * (`8条特色餐饮街区和“邯郸名宴”`: a brand, not more streets) or the run is long.
 */
function extendOverConjuncts(text: string, after: number, forward: string): string {
  let run = /^[^，,；;。！？!?：:\n]*/.exec(text.slice(after, after + MAX_CONJUNCTS + 8))![0];
  const stop = run.search(CONJUNCTS_STOP);
  if (stop >= 0) run = run.slice(0, stop);
  run = run.replace(/^[)）\]】」』”’]+/, '').trim();
  if (/\d/.test(run) || run.length > MAX_CONJUNCTS || !run.startsWith(forward.trim())) return forward;
  const parts = run.split(CONJUNCTION);
  const last = parts[parts.length - 1]!;
  if (parts.length < 2 || run.length <= forward.length || last.length < 2 || last.length > MAX_LAST_CONJUNCT)
    return forward;
  // A quoted name after 和 (`8条特色餐饮街区和“邯郸名宴”`) is another thing, not counted by this figure.
  return parts.some((part) => part.length < 2 || part.includes('的')) || /^[“「『"]/.test(last)
    ? forward
    : run;
}

/**
 * Nouns after 的 that say what about the counted thing is meant, not what is counted (`公屋單位的目標`,
 * `72,000個私營房屋單位的土地`, `15個適宜種植油茶省區市的自然條件`).
 */
const ABSTRACT_AFTER_DE =
  /^(?:目标|目標|规模|規模|任务|任務|要求|计划|計劃|问题|問題|建设|建設|自然条件|自然條件)/;
/** A short head noun of people or bodies right after 的, before the clause goes on. */
const PEOPLE_HEAD =
  /^[\u4e00-\u9fff]{0,4}?(?:人员|人員|群众|群眾|居民|学生|學生|职工|職工|家庭|农户|農戶|长者|長者|老人|儿童|兒童|企业|企業)/;
/** Longest head noun after 的 read forward: a longer run is a clause going on (`…医保的居民购买意外伤害保险`). */
const MAX_HEAD_AFTER_DE = 6;

/**
 * Cuts a forward reading at its first 的 unless what follows is the short head noun of the phrase:
 * `市民反映強烈的瓶頸路`, `未完成安置補償的城中村改造` keep it (the thing counted is after 的);
 * `参加城乡居民医保的居民购买意外伤害保险` ends at its people noun (`…的居民`); `公屋單位的目標` and
 * other long runs are cut before 的.
 */
function cutAtModifier(forward: string): string {
  const de = forward.indexOf('的');
  if (de < 0) return forward;
  const tail = forward.slice(de + 1);
  // A clause going on after a head noun of people or bodies: the phrase ends with that noun
  // (`8000名以上符合条件的就业困难人员落实…`, `81.2万参加城乡居民医保的居民购买…`).
  const noun = PEOPLE_HEAD.exec(tail);
  if (noun && tail.length > MAX_HEAD_AFTER_DE) return forward.slice(0, de + 1 + noun[0].length);
  // `72,000個私營房屋單位的土地`: a count of units names the land for them; the units are counted
  // (`170公顷政府主导的土地` keeps its land: an area measures it).
  const landForUnits = /^土地/.test(tail) && /[单單]位$/.test(forward.slice(0, de));
  return tail === '' ||
    tail.length > MAX_HEAD_AFTER_DE ||
    tail.includes('的') ||
    ABSTRACT_AFTER_DE.test(tail) ||
    landForUnits
    ? forward.slice(0, de)
    : forward;
}

/** Strips intent, time words and trailing verbs from a raw clause head. */
function trimIndicator(raw: string): string {
  // Whatever precedes an intent word is a different clause of action: 建设…力争并网装机 → 并网装机.
  const intent = /力争|力爭|争取|爭取|确保|確保/g;
  let cut = 0;
  for (let m = intent.exec(raw); m; m = intent.exec(raw)) cut = m.index + m[0].length;
  for (const pattern of [SAYING, BULLETS, DISPOSAL]) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(raw); m; m = pattern.exec(raw)) cut = Math.max(cut, m.index + m[0].length);
  }
  // `增加多5,000個`, `額外提供多5,000個`: 多 is "more" of the thing after the number, not part of a head.
  let s = raw
    .slice(cut)
    .replace(/[「『“‘]+$/, '')
    .replace(/(?<=增加|提供|新增)多$/, '');
  // Inside an open parenthetical only its own words count: `(预期目标为8.5%以上)`.
  const open = Math.max(s.lastIndexOf('('), s.lastIndexOf('（'));
  // `新虹橋中心花園橋下空間形象提升(約3000平方米)`: a parenthetical that is only the figure measures
  // the head before it.
  if (open >= 0 && s.indexOf(')', open) < 0 && s.indexOf('）', open) < 0)
    s = s.slice(open + 1).trim() === '' ? s.slice(0, open) : s.slice(open + 1);
  s = s.replace(LEADING_NOISE, '');
  // `公屋輪候時數在三年前平均輪候`: a 在 + point in time after the thing measured; what follows it
  // restates the measuring (平均輪候), so the indicator ends before 在.
  const when = TIME_AFTER_THING.exec(s);
  if (when && when.index > 0) s = s.slice(0, when.index);
  // Strip trailing words one at a time (longest first): a loop of endsWith checks, never a
  // backtracking regex, so cost stays linear in the clause.
  for (let stripped = true; stripped && s !== '';) {
    stripped = false;
    // An opening quote before a quoted target (`为“年均增长10%左右”`) ends no indicator, nor does a space.
    if ('「『“‘ \t\n'.includes(s[s.length - 1]!)) {
      s = s.slice(0, -1);
      stripped = true;
      continue;
    }
    const base = TRAILING_BASE.exec(s);
    if (base) {
      s = s.slice(0, base.index);
      stripped = true;
      continue;
    }
    for (const word of TRAILING_BY_LAST.get(s[s.length - 1]!) ?? []) {
      if (
        s.endsWith(word) &&
        !(word.length === 1 && '约約'.includes(word) && BOUND_BEFORE_YUE.includes(s.at(-2) ?? '')) &&
        // 公共 is a word; after a count (`等5个共66万平方米`) 共 heads what follows, see FUNCTION_TAIL.
        !(word === '共' && /[公\d个個项項]/.test(s.at(-2) ?? '')) &&
        // 人均, 平均, 首都, 古都: words, not the adverbs 均 and 都.
        !(word === '均' && '人平年'.includes(s.at(-2) ?? '')) &&
        // 收获, 荣获, 破获, 查获: words, not the verb 获 after a thing.
        !((word === '获' || word === '獲') && '收荣榮破查斩斬俘捕缴繳截斬'.includes(s.at(-2) ?? '')) &&
        !(word === '都' && '首古京成'.includes(s.at(-2) ?? ''))
      ) {
        s = s.slice(0, -word.length);
        stripped = true;
        break;
      }
    }
  }
  return s.trim();
}

/**
 * Finds the indicator of a quantity in normalised text.
 *
 * `clauseStart` is where the quantity's clause begins (after ，；。、 or a line break), `before` is
 * where the quantity and any qualifier before it begin, `after` is where the quantity and any
 * qualifier after it end, and `forwardEnd` is where the forward reading must stop (the clause end or
 * the next quantity). Returns the text before the quantity with intent words (力争, 确保), time words
 * (今年, 全年) and linking verbs (增长, 达到, 从) stripped; when that leaves nothing but an action verb
 * (新建, 创建, 完成), the noun phrase after the quantity (up to 和, 的 or `forwardEnd`) instead.
 * Capped at 40 characters.
 */
export function findIndicator(
  text: string,
  clauseStart: number,
  before: number,
  after: number,
  forwardEnd: number,
): string {
  // Bounded, so trimming stays cheap on clauses without punctuation.
  const raw = text.slice(Math.max(clauseStart, before - 80), before);
  const back = trimIndicator(raw);
  // A gap to another body names no indicator of its own: the caller takes the previous one.
  if (COMPARISON_ONLY.test(back) || COMPARISON_LEAD.test(back)) return '';
  // 阿拉善等6个…示范工程: examples ending in 等 name members; the counted thing follows.
  // 在金河镇…和群众路街道办事处的13个村: a place where the counted things are, not the things.
  const namesNothing =
    back !== '' &&
    (FUNCTION_TAIL.test(back) || LOCATIVE.test(back) || PLACE_HEAD.test(back) || ADVERBS_ONLY.test(back));
  // `總體公營房屋建屋量，包括簡約公屋將達18.9萬個`: an aside of what the total includes, with the
  // total's verb after it; the thing measured is the clause before the aside.
  if (INCLUDES_ASIDE.test(raw)) return '';
  // `選取作房屋發展的 255 公頃土地`, `全港所收回的 120 公頃土地`: a head ending in 的 modifies the noun
  // after the quantity, which is what is counted; with no noun there (`占全省的12%`) the head stays.
  const modifies = RELATIVE_HEAD.test(raw) && NOUN_AFTER.test(text.slice(after, forwardEnd));
  if (
    back !== '' &&
    !namesNothing &&
    !BARE_VERB.test(back) &&
    !ACTION_SCOPE.test(back) &&
    !back.endsWith('等') &&
    !ACTION_TAIL.test(back) &&
    !GROUP_TAIL.test(back) &&
    !modifies
  )
    return back.slice(-40);
  let forward = text
    .slice(after, forwardEnd)
    .replace(/^[)）\]】」』”’]+/, '')
    .replace(/^\s*(?:的|是|[为為](?!民))/, '');
  // Stop at 和/的/任务, a verb of what is done with the counted thing, or a long parenthetical
  // (牵头责任单位…); a short one stays (`服务站(街道)`).
  const stop = forward.search(FORWARD_STOP);
  if (stop >= 0) forward = forward.slice(0, stop);
  forward = extendOverConjuncts(text, after, forward);
  // A parenthetical cut open by the next figure (`私人土地(當中超過 90%`) is not part of the thing.
  // So is the start of the next figure's qualifier (`120 公頃土地超逾四倍`).
  forward = forward.replace(/[（(][^）)]*$/, '').replace(/(?:超|逾)$/, '');
  forward = cutAtModifier(forward);
  // `1.12万贫困人口安全饮水问题`: the problem solved for the counted thing is not part of it (the work
  // on it is: `128个绿色矿山建设`, as the seed labels read).
  // `39个为民办实事项目如下:`: the words that introduce a list are not part of the thing.
  forward = forward
    .trim()
    .replace(/(?:问题|問題)$/, '')
    .replace(/如下$/, '');
  // A head that names nothing gives nothing: the caller takes the previous figure's indicator.
  return (forward || (namesNothing ? '' : back)).slice(0, 40);
}
