import { describe, expect, it } from 'vitest';
import { buildViewerAddress, isPdfAddress, readViewerFile } from './pdf-address';

describe('isPdfAddress', () => {
  it.each([
    ['https://www.nmg.gov.cn/zwgk/zfxxgk/2020jh.pdf', '', true],
    ['https://www.gov.cn/files/plan.PDF?v=2#page=3', '', true],
    ['http://127.0.0.1:8080/download?id=42', 'application/pdf', true],
    ['http://127.0.0.1:8080/download?id=42', 'Application/PDF; charset=binary', true],
    ['file:///home/me/计划.pdf', '', true],
    ['https://www.gov.cn/plan.html', 'text/html', false],
    ['https://www.gov.cn/list?file=plan.pdf', '', false],
    ['chrome-extension://abc/plan.pdf', '', false],
    ['not an address', 'application/pdf', false],
  ])('%s (%s) → %s', (address, type, expected) => {
    expect(isPdfAddress(address, type)).toBe(expected);
  });
});

describe('readViewerFile', () => {
  it('round-trips an address through buildViewerAddress', () => {
    const pdf = 'https://www.nmg.gov.cn/附件/2020年计划.pdf?a=1&b=2';
    const viewer = buildViewerAddress('chrome-extension://id/viewer.html', pdf);
    expect(readViewerFile(new URL(viewer).search)?.href).toBe(new URL(pdf).href);
  });
  it.each([
    [''],
    ['?file='],
    ['?file=javascript%3Aalert(1)'],
    ['?file=data%3Aapplication%2Fpdf%2C1'],
    ['?file=plan.pdf'],
  ])('refuses %s', (search) => {
    expect(readViewerFile(search)).toBeNull();
  });
});
