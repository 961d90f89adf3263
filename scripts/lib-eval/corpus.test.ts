import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { foldOf, loadCorpus, siteOf, splitOf } from './corpus';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('siteOf', () => {
  it.each([
    ['https://www.sc.gov.cn/10462/c1.shtml', 'sc.gov.cn'],
    ['http://english.www.gov.cn/x', 'www.gov.cn'],
    ['https://news.sina.com.cn/c/2019.shtml', 'sina.com.cn'],
    ['https://www.ourchinastory.com/cn/9511', 'ourchinastory.com'],
    ['https://baike.baidu.hk/item/x', 'baidu.hk'],
    ['https://www.policyaddress.gov.hk/2023/', 'policyaddress.gov.hk'],
    ['localhost', 'localhost'],
  ])('%s → %s', (url, site) => {
    expect(siteOf({ url, source: 'pages' })).toBe(site);
  });

  it('takes the repository for repository texts', () => {
    expect(siteOf({ url: 'x', source: 'github:owner/repo/reports/2019.txt' })).toBe('github:owner/repo');
  });
});

describe('splitOf and foldOf', () => {
  it('keep every page of one site on the same side', () => {
    const a = { url: 'https://www.nmg.gov.cn/a.html', source: 'pages' };
    const b = { url: 'http://tjj.nmg.gov.cn/b.html', source: 'pages' };
    expect(splitOf(a)).toBe(splitOf(b));
    expect(foldOf(a, 5)).toBe(foldOf(b, 5));
  });

  it('holds out some sites and tunes on others across the corpus', async () => {
    const pages = await loadCorpus(ROOT);
    const test = pages.filter((p) => p.split === 'test').length;
    expect(pages.length).toBeGreaterThan(100);
    expect(test / pages.length).toBeGreaterThan(0.1);
    expect(test / pages.length).toBeLessThan(0.6);
  });
});
