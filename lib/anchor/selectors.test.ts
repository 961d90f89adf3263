import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describePosition, describeQuote } from './selectors';
import { sectionPathAt } from './section';
import { fingerprintDocument } from './fingerprint';
import { getT2s } from './t2s';

const plan2026 = readFileSync(
  path.resolve(import.meta.dirname, '../../tests/fixtures/seeds/003_29900545c6a00a71.txt'),
  'utf8',
);

describe('describeQuote', () => {
  it.each(['投入帮扶资金90亿元以上', '推动盟市零基预算全覆盖', '加快盛乐机场空港国际物流园建设'])(
    'cuts the context of %j to 32–64 characters at a sentence end when one is in range',
    (exact) => {
      const at = plan2026.indexOf(exact);
      const q = describeQuote(plan2026, at, at + exact.length);
      expect(q.exact).toBe(exact);
      expect(q.prefix.length).toBeGreaterThanOrEqual(32);
      expect(q.prefix.length).toBeLessThanOrEqual(64);
      expect(q.suffix.length).toBeGreaterThanOrEqual(Math.min(32, plan2026.length - at - exact.length));
      expect(q.suffix.length).toBeLessThanOrEqual(64);
      expect(plan2026.slice(at - q.prefix.length, at)).toBe(q.prefix);
      expect(plan2026.slice(at + exact.length).startsWith(q.suffix)).toBe(true);
      // Cut at a boundary: the prefix starts right after 。； or is the full 64.
      const before = plan2026[at - q.prefix.length - 1]!;
      expect(q.prefix.length === 64 || /[。；;!?！？]/u.test(before)).toBe(true);
      expect(q.suffix.length === 64 || /[。；;!?！？]$/u.test(q.suffix)).toBe(true);
    },
  );

  it('keeps short context at the edges of the text', () => {
    const text = '各盟行政公署、市人民政府。';
    expect(describeQuote(text, 0, 4)).toEqual({
      type: 'TextQuoteSelector',
      exact: '各盟行政',
      prefix: '',
      suffix: '公署、市人民政府。',
    });
    expect(describePosition(3, 9)).toEqual({ type: 'TextPositionSelector', start: 3, end: 9 });
  });
});

describe('sectionPathAt', () => {
  it.each([
    [
      '投入帮扶资金90亿元以上',
      ['十一、优化区域经济布局,提升协调发展水平', '(二)统筹推进新型城镇化和乡村全面振兴'],
    ],
    [
      '推动盟市零基预算全覆盖',
      ['十、持续深化改革攻坚,构建高水平社会主义市场经济体制', '(三)深化重要领域改革'],
    ],
  ])('gives the headings above %j', (exact, expected) => {
    const path = sectionPathAt(plan2026, plan2026.indexOf(exact));
    expect(path.at(-1)).toBe(expected[1]);
    expect(path[0]).toBe(expected[0]);
  });

  it('returns [] before any heading', () => {
    expect(sectionPathAt(plan2026, 10)).toEqual([]);
  });
});

describe('fingerprintDocument', () => {
  it('keys a plan by its 发文字号 regardless of script and title', () => {
    const t2s = getT2s();
    const a = fingerprintDocument('内蒙古自治区人民政府关于下达2026年计划的通知_北疆新闻', plan2026, t2s);
    const b = fingerprintDocument(
      '內蒙古自治區人民政府關於下達計劃的通知',
      '內政發〔2026〕5號\n2026年2月13日',
      t2s,
    );
    expect(a).toMatchObject({
      docNumber: '内政发〔2026〕5号',
      date: '2026-02-13',
      key: 'doc:内政发[2026]5号',
    });
    expect(a.title).toBe('内蒙古自治区人民政府关于下达2026年计划的通知');
    expect(b.key).toBe(a.key);
  });

  it('falls back to the folded title without a document number', () => {
    const t2s = getT2s();
    const a = fingerprintDocument('政府工作報告 - 中國電力網', '2023年1月12日', t2s);
    expect(a).toMatchObject({ docNumber: '', date: '2023-01-12', key: 'title:政府工作报告' });
  });
});
