import { describe, expect, it } from 'vitest';
import { parseArabic, parseChineseNumeral, parseNumber, roundValue } from './numerals';

describe('parseChineseNumeral', () => {
  it.each([
    ['五', 5],
    ['十五', 15],
    ['二十', 20],
    ['百', 100],
    ['两千', 2000],
    ['两千万', 20_000_000],
    ['一千兩百萬', 12_000_000],
    ['八百四十亿', 84_000_000_000],
    ['萬', 10_000],
    ['千億', 100_000_000_000],
    ['一万亿', 1e12],
    ['一亿两千万', 120_000_000],
    ['一点四兆', 1.4e12],
    ['零点五', 0.5],
    ['三点一四', 3.14],
    ['三千零五', 3005],
    // Taiwan's positional numerals, with a `.` point and the circle ○ for zero (q054).
    ['一七.六八', 17.68],
    ['四.二七', 4.27],
    ['六九○○', 6900],
    ['六九○○萬', 69_000_000],
    ['一七.六八億', 1_768_000_000],
  ])('%s → %d', (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value);
  });

  it.each(['', '五点', '五a', '元'])('rejects %j', (text) => {
    expect(parseChineseNumeral(text)).toBeNaN();
  });
});

describe('parseArabic', () => {
  it.each([
    ['1,200', 1200],
    ['12.5', 12.5],
    ['1,234,567.8', 1_234_567.8],
    ['0.5', 0.5],
  ])('%s → %d', (text, value) => {
    expect(parseArabic(text)).toBe(value);
  });

  it.each(['1,20', '12.', 'a1'])('rejects %j', (text) => {
    expect(parseArabic(text)).toBeNaN();
  });
});

describe('parseNumber', () => {
  it.each([
    ['12.5', '亿', 1_250_000_000],
    ['840', '亿', 84_000_000_000],
    ['1.55', '億', 155_000_000],
    ['1.4', '兆', 1.4e12],
    ['2.9', '萬億', 2.9e12],
    ['1', '万亿', 1e12],
    ['18', '万', 180_000],
    ['两千', '万', 20_000_000],
    ['', '萬', 10_000],
    ['5000', '', 5000],
  ])('%s%s → %d', (digits, magnitude, value) => {
    expect(parseNumber(digits, magnitude)).toBe(value);
  });
});

describe('roundValue', () => {
  it('removes binary noise from decimal arithmetic', () => {
    expect(roundValue(1.55 * 1e8)).toBe(155_000_000);
    expect(roundValue(0.1 + 0.2)).toBe(0.3);
  });
});
