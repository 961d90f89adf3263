import { describe, expect, it } from 'vitest';
import { isPdfReaderSite, parsePdfReaderSites, parsePdfSite } from './pdf-sites';

describe('parsePdfSite', () => {
  it.each([
    ['www.gov.cn', 'www.gov.cn'],
    ['  https://WWW.NMG.gov.cn/zwgk/zfxxgk/fdzdgknr/ ', 'www.nmg.gov.cn'],
    ['*.gov.cn', 'gov.cn'],
    ['fgw.nmg.gov.cn:8080', 'fgw.nmg.gov.cn'],
    ['127.0.0.1', '127.0.0.1'],
    ['政府.中国', 'xn--mxtq1m.xn--fiqs8s'],
    ['not a host', ''],
    ['', ''],
  ])('%s → %s', (line, host) => expect(parsePdfSite(line)).toBe(host));
});

describe('parsePdfReaderSites', () => {
  it('keeps host names once, in order, and drops what is not one', () => {
    expect(parsePdfReaderSites(['www.gov.cn', 'https://www.gov.cn/', 7, 'a b', 'nmg.gov.cn'])).toEqual([
      'www.gov.cn',
      'nmg.gov.cn',
    ]);
    expect(parsePdfReaderSites('www.gov.cn')).toEqual([]);
  });
});

describe('isPdfReaderSite', () => {
  const sites = ['nmg.gov.cn', 'www.gov.cn'];
  it.each([
    ['https://www.nmg.gov.cn/attach/2026-plan.pdf', true],
    ['https://nmg.gov.cn/a.pdf', true],
    ['https://www.gov.cn/zhengce/content/plan.pdf', true],
    ['https://gov.cn/plan.pdf', false],
    ['https://evilnmg.gov.cn/plan.pdf', false],
    ['file:///home/me/plan.pdf', false],
    ['not an address', false],
  ])('%s → %s', (address, expected) => expect(isPdfReaderSite(sites, address)).toBe(expected));
});
