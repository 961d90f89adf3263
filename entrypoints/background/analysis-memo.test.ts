import { describe, expect, it } from 'vitest';
import type { ContentSender } from '../../lib/messaging/dispatch';
import { analyzeText } from '../../lib/targets/analyze';
import { keepAnalysis, takeAnalysis } from './analysis-memo';

const TEXT =
  '2026年主要预期目标是：地区生产总值增长5.5%左右，城镇新增就业25万人以上，居民消费价格涨幅3%左右。';
const sender = (tabId: number, documentId = 'DOC'): ContentSender => ({
  kind: 'content',
  tabId,
  frameId: 0,
  url: 'https://www.nmg.gov.cn/plan.html',
  documentId,
});

describe('the analyses kept for the library', () => {
  const targets = analyzeText(TEXT);

  it('gives a reader back the analysis it names, once', () => {
    expect(targets.length).toBe(3);
    keepAnalysis(sender(1), TEXT, targets);
    expect(takeAnalysis(sender(1), TEXT.length, 3)).toEqual({ text: TEXT, targets });
    expect(takeAnalysis(sender(1), TEXT.length, 3)).toBeNull();
  });

  it('refuses a request naming another size, another document or another tab', () => {
    keepAnalysis(sender(2), TEXT, targets);
    expect(takeAnalysis(sender(2), TEXT.length + 1, 3)).toBeNull();
    expect(takeAnalysis(sender(2), TEXT.length, 2)).toBeNull();
    expect(takeAnalysis(sender(2, 'OTHER'), TEXT.length, 3)).toBeNull();
    expect(takeAnalysis(sender(3), TEXT.length, 3)).toBeNull();
    expect(takeAnalysis(sender(2), TEXT.length, 3)?.targets).toBe(targets);
  });

  it('keeps only the newest analysis of a reader, and none the library would not take', () => {
    keepAnalysis(sender(4), TEXT, targets);
    keepAnalysis(sender(4), TEXT.slice(0, 30), targets.slice(0, 1));
    expect(takeAnalysis(sender(4), TEXT.length, 3)).toBeNull();
    keepAnalysis(sender(4), TEXT, []);
    expect(takeAnalysis(sender(4), TEXT.length, 0)).toBeNull();
    keepAnalysis(sender(4), TEXT, Array(2001).fill(targets[0]!));
    expect(takeAnalysis(sender(4), TEXT.length, 2001)).toBeNull();
  });

  it('forgets the oldest readers past eight', () => {
    for (let tab = 10; tab < 19; tab++) keepAnalysis(sender(tab), TEXT, targets);
    expect(takeAnalysis(sender(10), TEXT.length, 3)).toBeNull();
    expect(takeAnalysis(sender(11), TEXT.length, 3)).not.toBeNull();
    expect(takeAnalysis(sender(18), TEXT.length, 3)).not.toBeNull();
  });
});
