import { describe, expect, it } from 'vitest';
import { matchClauseQualifier, matchPostQualifier, matchPreQualifier } from './qualifiers';

describe('matchPostQualifier', () => {
  it.each([
    ['地区生产总值增长5%左右', '5%', '左右'],
    ['城镇新增就业18万人以上', '18万人', '以上'],
    ['城镇登记失业率4.5%以内', '4.5%', '以内'],
    ['城鎮調查失業率6%左右，', '6%', '左右'],
    ['实施重大项目3600个', '3600个', ''],
  ])('%s: after %s → %j', (sentence, quantity, qualifier) => {
    expect(matchPostQualifier(sentence, sentence.indexOf(quantity) + quantity.length)).toBe(qualifier);
  });
});

describe('matchPreQualifier', () => {
  it.each([
    ['粮食产量超过840亿斤', '840', '超过'],
    ['增幅不低于5%', '5', '不低于'],
    ['煤炭产量稳定在12.5亿吨以上', '12.5', '稳定在'],
    ['城鎮化率從64.6%提高到近69%', '69', '近'],
    ['招商引資到位資金累計突破1萬億元', '1萬', '突破'],
    ['批復實施約1億千瓦', '1億', '約'],
    ['力争产值达到1200亿元', '1200', '达到'],
    ['新建改扩建幼儿园204所', '204', ''],
    // A one-character qualifier that ends another word is none (签约, 簽約, 下达, 附近).
    ['项目集中签约369个', '369', ''],
    ['項目集中簽約369個', '369', ''],
    ['下达资金下达5亿元', '5', ''],
    ['附近3公里', '3', ''],
    ['力争到2025年达5000亿元', '5000', '达'],
  ])('%s: before %s → %j', (sentence, number, qualifier) => {
    expect(matchPreQualifier(sentence, sentence.indexOf(number))).toBe(qualifier);
  });
});

describe('matchClauseQualifier', () => {
  it.each([
    ['争取全年开行中欧班列260列', '争取'],
    ['力爭開工建設公路里程1萬公里', '力爭'],
    ['每個旗縣至少建設1處零工市場', '至少'],
    ['新增高新技术企业300家', ''],
  ])('%s → %j', (clause, qualifier) => {
    expect(matchClauseQualifier(clause, 0, clause.search(/\d/))).toBe(qualifier);
  });
});
