import { describe, expect, it } from 'vitest';
import { citeSentence, cleanDocumentTitle, readDocumentDate } from './document-source';

describe('readDocumentDate', () => {
  it.each([
    {
      name: 'a portal table with 成文日期 beats the published date',
      pageHead:
        '发文机关 内蒙古自治区人民政府 成文日期 2026年02月13日\n发文字号 内政发〔2026〕5号 发布日期 2026年02月26日',
      article: '各盟行政公署、市人民政府：\n现将计划下达给你们。\n2026年2月13日',
      date: '2026-02-13',
    },
    {
      name: 'the signature line, not the portal header’s today',
      pageHead: '2026年11月22日 星期日\n首页 新闻\n来源：内蒙古自治区人民政府网　2020-01-23 09:15',
      article:
        '内蒙古自治区人民政府关于下达2020年自治区国民经济和社会发展计划的通知\n2020年1月22日\n各盟行政公署：',
      date: '2020-01-22',
    },
    {
      name: 'a signature in Chinese numerals',
      pageHead: '',
      article: '特此通知。\n二〇二六年二月十三日\n（此件公开发布）',
      date: '2026-02-13',
    },
    {
      name: 'a speech dateline (traditional, reprinted)',
      pageHead: '中國電力網發布時間:2023-01-18 11:29:31',
      article: '政府工作報告\n——2023年1月12日在內蒙古自治區第十四屆人民代表大會第一次會議上\n各位代表：',
      date: '2023-01-12',
    },
    {
      name: 'a published-time label when the article has no date of its own',
      pageHead: '中國電力網發布時間:2023-01-18 11:29:31',
      article: '力爭並網裝機25GW以上。',
      date: '2023-01-18',
    },
    {
      name: 'metadata last',
      pageHead: '',
      article: '地区生产总值增长6%左右。',
      metaDates: ['', '2024-03-05T10:00:00+08:00'],
      date: '2024-03-05',
    },
    { name: 'nothing', pageHead: '首页', article: '增长6%左右。', date: '' },
    { name: 'no calendar date (month 13)', pageHead: '', article: '2026年13月2日', date: '' },
  ])('$name', ({ pageHead, article, metaDates, date }) => {
    expect(readDocumentDate({ pageHead, article, metaDates })).toBe(date);
  });
});

describe('cleanDocumentTitle', () => {
  it.each([
    [
      '内蒙古自治区人民政府关于下达2026年自治区国民经济和社会发展计划的通知_政策文件_内蒙古自治区人民政府',
      '内蒙古自治区人民政府关于下达2026年自治区国民经济和社会发展计划的通知',
    ],
    ['关于2020年计划的通知-内蒙古新闻网', '关于2020年计划的通知'],
    ['政府工作报告 - 中国政府网', '政府工作报告'],
    ['“十四五”规划（2021-2025年）', '“十四五”规划（2021-2025年）'],
    ['_', '_'],
  ])('%s', (title, clean) => {
    expect(cleanDocumentTitle(title)).toBe(clean);
  });
});

describe('citeSentence', () => {
  it('puts the sentence, the title and date, and the address on their own lines', () => {
    expect(
      citeSentence(' 地区生产总值增长6%左右。', {
        title: '关于2026年计划的通知',
        url: 'https://www.nmg.gov.cn/a.html',
        date: '2026-02-13',
      }),
    ).toBe('地区生产总值增长6%左右。\n——《关于2026年计划的通知》，2026-02-13\nhttps://www.nmg.gov.cn/a.html');
  });

  it('leaves out what the document lacks', () => {
    expect(citeSentence('增长6%。', { title: 'http://x/', url: 'http://x/', date: '' })).toBe(
      '增长6%。\nhttp://x/',
    );
  });
});
