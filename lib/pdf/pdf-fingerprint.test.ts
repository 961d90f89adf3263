import { describe, expect, it } from 'vitest';
import { fingerprintPdf, fingerprintPdfDocument } from './pdf-fingerprint';

const TEXT =
  '内蒙古自治区人民政府关于下达2020年自治区国民经济和社会发展计划的通知\n内政发〔2020〕1号\n2020年1月22日';

describe('fingerprintPdf', () => {
  it.each([
    ['the file identity, whatever the address', 'A1B2C3D4E5F6', 'pdf:a1b2c3d4e5f6'],
    ['the text key when pdf.js has no fingerprint', '  ', 'doc:内政发[2020]1号'],
  ])('keys by %s', (_, id, key) => {
    const fp = fingerprintPdf(id, '', TEXT);
    expect(fp.key).toBe(key);
    expect(fp.docNumber).toBe('内政发〔2020〕1号');
    expect(fp.date).toBe('2020-01-22');
  });
});

describe('fingerprintPdfDocument', () => {
  it.each([
    ['its 发文字号, the same document as its web copy', TEXT, 'doc:内政发[2020]1号'],
    [
      'the file when the text names no 发文字号 (a bare title names many)',
      '政府工作报告\n2026年1月',
      'pdf:ab12',
    ],
  ])('keys by %s', (_, text, key) => {
    expect(fingerprintPdfDocument('AB12', '', text).key).toBe(key);
  });
});
