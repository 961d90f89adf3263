/**
 * Small character sets for script detection: the 300 most frequent characters (on our seed plans)
 * that exist only in simplified script, and their traditional-only counterparts (OpenCC and
 * Taiwan forms). Characters valid in both scripts (干 台 里 后 范 群 峰…) are left out on purpose,
 * because they say nothing about the script. Generated once from opencc-js 1.4.2's STCharacters /
 * TSCharacters / STPhrases; a few kilobytes instead of the 1 MB phrase dictionary.
 *
 * @module
 */

/** Characters that only occur in simplified text. */
export const SIMPLIFIED_ONLY =
  '业发进区产实设动国资强务体质农开经点优机项会济内态稳创坚场现标级绿费续环长护电营规构领结统为联与权线对础网园调个乡关积转间应协乌导险极类综试决战题验严争办计风监贯贸铁问扩时镇兴彻运链术给贫达医补矿节势备条筹兰总边气单学际养紧东两众传减头连亩号数编黄专义习债储励审尔带约继见预巩灾脱财复届满药认议证责输遗闻难亿变壮处税络隐举华层并测评识车额卫县围帮库户执挥洁疗职装记赛书吨竞红视负轮银齐亚压双员奋报检氢粮衔观话谋货载铝驱伦净历团废欧汇组过还键阶乐侧击参启来盖离纳细绒绕维让讲许论贷赢辽销锡闲骑龙从军扫断旧枢涨畅盘纽荣贝践违钢错偿别尽属岗异弃当挂撑桥灵烃猪粤绩订请趋较远钩铸队饮馆馈临劳厅厉听奥录恶扬';

/** Characters that only occur in traditional text. */
export const TRADITIONAL_ONLY =
  '業發進區產實設動國資強務體質農開經點優機項會濟內態穩創堅場現標級綠費續環長護電營規構領結統爲為聯與權線對礎網園調個鄉關積轉間應協烏導險極類綜試決戰題驗嚴爭辦風監貫貿鐵問擴時鎮興徹運鏈術給貧達醫補礦節勢備條籌蘭總邊氣單學際養緊東兩衆眾傳減頭連畝號數編黃專義習債儲勵審爾帶約繼見預鞏災脫財復屆滿藥認議證責輸遺聞難億變壯處稅絡隱舉華層並測評識車額衛縣圍幫庫戶執揮潔療職裝記賽書噸競紅視負輪銀齊亞壓雙員奮報檢氫糧銜觀話謀貨載鋁驅倫淨歷團廢歐匯組過還鍵階樂側擊參啓啟來蓋離納細絨繞維讓講許論貸贏遼銷錫閒騎龍從軍掃斷舊樞漲暢盤紐榮貝踐違鋼錯償別盡屬崗異棄當掛撐橋靈烴豬粵績訂請趨較遠鉤鑄隊飲館饋臨勞廳厲聽奧錄惡揚';
