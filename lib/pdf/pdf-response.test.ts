import { describe, expect, it } from 'vitest';
import { isPdfResponse, readContentDisposition, readMediaType } from './pdf-response';

describe('readMediaType', () => {
  it.each([
    ['application/pdf', 'application/pdf'],
    ['Application/PDF; charset=binary', 'application/pdf'],
    ['  application/x-pdf ;name="a.pdf"', 'application/x-pdf'],
    ['text/html; charset=utf-8', 'text/html'],
    ['', ''],
    [undefined, ''],
  ])('%s → %s', (value, expected) => {
    expect(readMediaType(value)).toBe(expected);
  });
});

describe('readContentDisposition', () => {
  it.each([
    ['inline; filename="2026年国民经济和社会发展计划.pdf"', 'inline', '2026年国民经济和社会发展计划.pdf'],
    ['attachment; filename=plan.pdf', 'attachment', 'plan.pdf'],
    ['INLINE; FILENAME="a;b.pdf"', 'inline', 'a;b.pdf'],
    ['inline; filename="say \\"规划\\".pdf"', 'inline', 'say "规划".pdf'],
    // filename* (RFC 8187) wins over filename, in either order, as in browsers.
    [
      'inline; filename="plan.pdf"; filename*=UTF-8\'\'%E5%8D%81%E5%9B%9B%E4%BA%94%E8%A7%84%E5%88%92.pdf',
      'inline',
      '十四五规划.pdf',
    ],
    ["attachment; filename*=utf-8''%E8%AE%A1%E5%88%92.PDF; filename=x.bin", 'attachment', '计划.PDF'],
    ["inline; filename*=iso-8859-1'en'r%E9sum%E9.pdf", 'inline', 'résumé.pdf'],
    // Undecodable extended names fall back to the plain one.
    ["inline; filename*=UTF-8''%E8%AE.pdf; filename=fallback.pdf", 'inline', 'fallback.pdf'],
    ["inline; filename*=GBK''%BC%C6%BB%AE.pdf", 'inline', ''],
    ['inline', 'inline', ''],
    ['', '', ''],
    [undefined, '', ''],
  ])('%s → %s %s', (value, type, filename) => {
    expect(readContentDisposition(value)).toEqual({ type, filename });
  });
});

describe('isPdfResponse', () => {
  const headers = (type?: string, disposition?: string) => [
    { name: 'Server', value: 'nginx' },
    ...(type === undefined ? [] : [{ name: 'Content-Type', value: type }]),
    ...(disposition === undefined ? [] : [{ name: 'content-disposition', value: disposition }]),
  ];
  it.each([
    ['application/pdf', undefined, true],
    ['application/PDF; charset=binary', undefined, true],
    ['application/x-pdf', undefined, true],
    ['application/pdf', 'inline; filename="关于2026年计划执行情况的报告.pdf"', true],
    ['application/octet-stream', 'inline; filename="关于2026年计划执行情况的报告.pdf"', true],
    ['application/octet-stream', "filename*=UTF-8''%E8%AE%A1%E5%88%92.pdf", true],
    [undefined, 'inline; filename=plan.pdf', true],
    // Downloads are not the tab's document.
    ['application/pdf', 'attachment; filename="计划.pdf"', false],
    ['application/octet-stream', 'attachment; filename="计划.pdf"', false],
    // Other types, and octet-stream without a PDF name.
    ['application/octet-stream', 'inline; filename="计划.docx"', false],
    ['application/octet-stream', undefined, false],
    ['text/html; charset=utf-8', 'inline; filename="计划.pdf"', false],
    ['application/pdfx', undefined, false],
    [undefined, undefined, false],
  ])('%s / %s → %s', (type, disposition, expected) => {
    expect(isPdfResponse(headers(type, disposition))).toBe(expected);
  });

  it('reads a header whose value webRequest left out as absent', () => {
    expect(isPdfResponse([{ name: 'Content-Type' }])).toBe(false);
  });
});
