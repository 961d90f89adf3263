/**
 * The fitted detector on the openings of real pages (from the corpus's `dev` pages, the ones the
 * weights are fitted on; the held-out figures are `npm run eval`'s). Each case is a kind of page
 * the old detector got wrong: a plan page named in a form it did not know, or a page that talks
 * about a report without being one. A refit that loses any of them fails here.
 */
import { describe, expect, it } from 'vitest';
import { detectPlanPage, type PageSample } from './detect';

/** A plain-text page as the gate sees it: no title, no headings (see plain-text-page.ts). */
function plainPage(url: string, text: string): PageSample {
  return { url, title: '', headings: [], text };
}

describe('detectPlanPage on real pages', () => {
  it.each([
    [
      'a five-year-plan outline presented to a city congress',
      plainPage(
        'https://huaboedu.com/news/54064.html',
        '各位代表:\n我受市政府委托,向大会作关于《xx市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要》(草案)的说明,请审议,并请列席会议的政协委员和各位同志提出意见。“十四五”时期是我国开启全面建设社会主义现代化国家新征程、向第二个百年奋斗目标进军的第一个五年。谋划好、制定好“十四五”规划,对于立足新发展阶段、贯彻新发展理念、融入新发展格局,推动高质量发展,在新的历史起点上推动xx全面振兴全方位振兴具有十分重要的意义。',
      ),
      'plan',
    ],
    [
      'a five-year-plan proposal on a district portal',
      plainPage(
        'https://www.lucheng.gov.cn/art/2021/1/20/art_1506270_59028240.html',
        '中共温州市鹿城区委关于制定鹿城区国民经济和社会发展第十四个五年规划和二〇三五年远景目标的建议\n\n图片\n\n鹿城新闻网讯 中国共产党温州市鹿城区第九届委员会第十次全体会议,认真学习贯彻党的十九届五中全会和省委十四届八次全会、市委十二届十一次全会精神,紧密结合鹿城实际,就科学制定温州市鹿城区国民经济和社会发展第十四个五年规划和二〇三五年远景目标提出如下建议:\n\n一、高水平开启全面建设社会主义现代化国家新征程\n\n1.“十三五”发展取得的巨大成就。',
      ),
      'plan',
    ],
    [
      'a Hong Kong 施政報告 in traditional characters, site menu first',
      plainPage(
        'https://www.policyaddress.gov.hk/2015/chi/p61.html',
        '二零一五年施政報告, 重法治 掌機遇 作抉擇 推進民主 發展經濟 改善民生\nEnglish简体預設字體大小較大的字體最大的字體\n施政報告\n施政綱領\n重點\n網上廣播\n新聞稿\n\n施政報告\n\n(四) 房屋土地與交通運輸\n\n房屋\n\n61.       房屋是最受關注的民生問題。本屆政府有決心、有信心、有能力逐步扭轉供求失衡問題。上月公布的長遠房屋策略(長策),為香港的房屋政策定下方向,多管齊下處理房屋問題。\n\n公屋\n\n62.       政府已按《長策》的建議,以未來十年總供應目標為48萬個單位,公營房屋佔六成,即未來十年平均每年提供約28 000個公營房屋單位。',
      ),
      'report',
    ],
  ] as const)('finds %s', (_name, page, kind) => {
    const detection = detectPlanPage(page);
    expect(detection.match, detection.signals.join('; ')).toBe(true);
    expect(detection.kind).toBe(kind);
  });

  it.each([
    [
      'commentary that counts the words of a work report',
      plainPage(
        'http://news.sohu.com/20140305/n396105521.shtml',
        '> 2014年全国两会 > 2014年全国两会消息\n国内 | 国际 | 社会 | 军事 | 评论\n\n从高频词读懂政府工作报告\n\n来源:新京报\n\n  2014年政府工作报告,16000多字,涉及问题方方面面,但如果统计报告全文,从那些出现频率较高的词汇中,不难发现本届政府强调什么、重视什么。寻找近两年报告全文高频词的变化,又可以看出政府政策中的变与不变。\n\n  国家行政学院教授竹立家:“发展”和“经济”位居政府工作报告前两名,是正常状况。',
      ),
    ],
    [
      'an editorial on a work report, in traditional characters',
      plainPage(
        'http://big5.chinataiwan.cn/gate/big5/econ.taiwan.cn/jjgc/201403/t20140306_5776706.htm',
        '本報評論員譚敏\n作為本屆政府交出治國理政的第一份答卷,國務院總理李克強的政府工作報告,可謂舉世矚目。通讀報告可以發現,改革和民生是兩大關鍵詞。貫穿報告始終的“改革”二字,可以説既是成績單,也是路線圖,充分展示了本屆政府對中國未來發展的信心和決心;而對教育、醫療、食品安全、污染等民生問題的一一回應,更是接地氣,聚民心。',
      ),
    ],
    [
      'congress-procedure news where the report is what deputies deliberate',
      plainPage(
        'http://conf.cssn.cn/zt/zt_mjjt/2016qglh/lglszl/2016qglhhx/201603/t20160306_2899778.shtml',
        '内容摘要:今天人大和政协全天都是小组会议,代表和委员将分别审议和讨论李克强总理所作的政府工作报告。大会发言人傅莹前天也提醒关注这场发布会呢。\n关键词:;发布会;两会;开放;政府工作报告\n作者简介:\n\n导读\n今天人大和政协全天都是小组会议,代表和委员将分别审议和讨论李克强总理所作的政府工作报告。\n\n\n代表审议\n委员讨论\n为什么代表是审议、委员是讨论呢?小新来告诉你。\n★为什么代表是审议★\n全国人大代表是国家权力机关——全国人大的组成人员,审议政府工作报告,是行使法定权力,履行法定职责。',
      ),
    ],
  ] as const)('rejects %s, saying why', (_name, page) => {
    const detection = detectPlanPage(page);
    expect(detection.match, detection.signals.join('; ')).toBe(false);
    expect(detection.kind).toBeNull();
    expect(detection.signals.some((signal) => signal.startsWith('-'))).toBe(true);
  });

  it('names the report as the object of review when congress news deliberates it', () => {
    const detection = detectPlanPage(
      plainPage(
        'https://www.example.com/npc.html',
        '代表团分组审议政府工作报告\n3月6日上午,十四届全国人大二次会议各代表团分组审议政府工作报告。代表们表示,报告实事求是、凝心聚力。',
      ),
    );
    expect(detection.match).toBe(false);
    expect(detection.signals).toEqual(expect.arrayContaining(['-lead-named-as-object']));
  });
});
