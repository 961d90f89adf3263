/** Pages the ledger tests open in Chromium and Firefox besides the fixture pages. */

/**
 * A 2026 statistics bulletin for Inner Mongolia, made up for this test (the real one appears in
 * 2027), worded like tests/fixtures/pages/statistics-bulletin.html, so the 2026 plan's targets have
 * outcomes to be compared with: growth 5.2% meets 5%左右, 17.5万 new jobs miss 18万人以上,
 * unemployment 5.4% stays under 5.7%左右, 845亿斤 of grain passes 超过840亿斤.
 */
export const BULLETIN_2026 = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<title>内蒙古自治区2026年国民经济和社会发展统计公报</title></head><body>
<h1>内蒙古自治区2026年国民经济和社会发展统计公报</h1>
<p>内蒙古自治区统计局\u3000国家统计局内蒙古调查总队\u30002027年3月10日</p>
<h2>一、综合</h2>
<p>初步核算，全年全区地区生产总值28100亿元，按不变价格计算，比上年增长5.2%。其中，第一产业增加值3050亿元，增长4.9%。</p>
<p>全年城镇新增就业17.5万人。年末城镇调查失业率为5.4%。全年居民消费价格比上年上涨0.8%。</p>
<h2>二、农业</h2>
<p>全年粮食产量845亿斤，比上年增长0.2%。</p>
</body></html>`;
