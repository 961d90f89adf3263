import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Converter } from 'opencc-js/cn2t';
import { anchorMany, anchorQuote, foldPage, foldPageSliced, foldQuote, type AnchorOutcome } from './match';
import { describeQuote } from './selectors';
import { getT2s } from './t2s';

const seeds = path.resolve(import.meta.dirname, '../../tests/fixtures/seeds');
const seed = (name: string) => readFileSync(path.join(seeds, name), 'utf8');
const plan2026 = seed('003_29900545c6a00a71.txt');
const plan2020Html = seed('000_2116d4bac5eff305.txt');
const plan2020Pdf = seed('001_3671b968aed7ce7c.txt');
const t2s = getT2s();
const toTraditional = Converter({ from: 'cn', to: 'tw' });

/** A note on the first occurrence (or the `nth`) of `exact` in `text`, as the reader would store it. */
function noteOn(text: string, exact: string, nth = 0) {
  let at = -1;
  for (let k = 0; k <= nth; k++) at = text.indexOf(exact, at + 1);
  if (at < 0) throw new Error(`not in text: ${exact}`);
  return { selector: describeQuote(text, at, at + exact.length), at };
}

function anchor(
  pageText: string,
  exact: string,
  noteText = pageText,
  nth = 0,
): AnchorOutcome & { text?: string } {
  const { selector, at } = noteOn(noteText, exact, nth);
  const page = foldPage(pageText, t2s);
  const outcome = anchorQuote(page, foldQuote(selector, t2s, at));
  return outcome.status === 'orphan'
    ? outcome
    : { ...outcome, text: pageText.slice(outcome.start, outcome.end) };
}

const CLAUSES = [
  '推动7个国家物流枢纽、4个国家骨干物流基地提质升级',
  '投入帮扶资金90亿元以上',
  '加快盛乐机场空港国际物流园建设',
  '推动盟市零基预算全覆盖',
];

describe('anchorQuote on the unchanged page', () => {
  it.each(CLAUSES)('finds %j exactly where it was', (clause) => {
    const out = anchor(plan2026, clause);
    expect(out).toMatchObject({
      status: 'anchored',
      method: 'exact',
      start: plan2026.indexOf(clause),
      text: clause,
    });
  });

  it('picks the occurrence the note was made on among repeated boilerplate', () => {
    const repeated = '习近平新时代中国特色社会主义思想';
    const second = plan2026.indexOf(repeated, plan2026.indexOf(repeated) + 1);
    expect(second).toBeGreaterThan(0);
    const out = anchor(plan2026, repeated, plan2026, 1);
    expect(out).toMatchObject({ status: 'anchored', start: second });
  });
});

describe('anchorQuote across scripts and formats', () => {
  it.each(CLAUSES)('finds %j (noted on the simplified page) on a traditional copy', (clause) => {
    const traditional = toTraditional(plan2026);
    expect(traditional).not.toBe(plan2026);
    const out = anchor(traditional, clause, plan2026);
    expect(out.status).toBe('anchored');
    expect(out.text).toBe(toTraditional(clause));
  });

  it('finds a note made on the traditional copy on the simplified original', () => {
    const traditional = toTraditional(plan2026);
    const clause = toTraditional(CLAUSES[0]!);
    const out = anchor(plan2026, clause, traditional);
    expect(out).toMatchObject({ status: 'anchored', text: CLAUSES[0] });
  });

  it.each(['已经自治区十三届人大三次会议审议通过', '坚持以供给侧结构性改革为主线,坚持以改革开放为动力'])(
    'finds %j from the HTML copy in the PDF text with line breaks',
    (clause) => {
      const out = anchor(plan2020Pdf, clause, plan2020Html);
      expect(out.status).toBe('anchored');
      expect(out.text?.replace(/\s+/gu, '').replace('，', ',')).toBe(clause);
    },
  );

  it('finds a note on the traditional news reprint (with inline pinyin) in its own text', () => {
    const reprint = seed('002_2e0490dc36b0060a.txt');
    const exact = '力爭並網(wǎng)裝機(jī)2500萬千瓦以上';
    const clean = reprint.includes(exact)
      ? exact
      : reprint.slice(reprint.indexOf('力爭'), reprint.indexOf('力爭') + 20);
    const out = anchor(reprint, clean);
    expect(out.status).toBe('anchored');
  });
});

describe('anchorQuote when the page changed', () => {
  it('reports a clause whose figure changed as changed, with the new text', () => {
    const edited = plan2026.replace('投入帮扶资金90亿元以上', '投入帮扶资金95亿元以上');
    const out = anchor(edited, '投入帮扶资金90亿元以上', plan2026);
    expect(out).toMatchObject({ status: 'changed', method: 'context', current: '投入帮扶资金95亿元以上' });
  });

  it('reports a reworded clause as changed', () => {
    const clause = CLAUSES[0]!;
    const edited = plan2026.replace(clause, '推动9个国家物流枢纽、5个国家骨干物流基地提质扩容');
    const out = anchor(edited, clause, plan2026);
    expect(out).toMatchObject({
      status: 'changed',
      current: '推动9个国家物流枢纽、5个国家骨干物流基地提质扩容',
    });
  });

  it.each(CLAUSES)('orphans %j when its sentence is deleted', (clause) => {
    const edited = plan2026.replace(clause, '');
    expect(anchor(edited, clause, plan2026)).toMatchObject({ status: 'orphan' });
  });

  it('orphans a deleted boilerplate occurrence instead of moving to another copy of the same words', () => {
    const repeated = '习近平新时代中国特色社会主义思想';
    const second = plan2026.indexOf(repeated, plan2026.indexOf(repeated) + 1);
    const edited = plan2026.slice(0, second) + plan2026.slice(second + repeated.length);
    const { selector } = noteOn(plan2026, repeated, 1);
    const out = anchorQuote(foldPage(edited, t2s), foldQuote(selector, t2s, second));
    expect(out).toMatchObject({ status: 'orphan', reason: 'deleted' });
  });

  it('orphans a quote that is on another document entirely', () => {
    expect(anchor(plan2020Html, CLAUSES[0]!, plan2026)).toMatchObject({ status: 'orphan' });
  });

  it('finds a moved clause by its quote alone when its context is gone', () => {
    const clause = '加快盛乐机场空港国际物流园建设';
    const at = plan2026.indexOf(clause);
    // The clause's whole neighbourhood goes; a reworded clause appears at the end.
    const moved =
      plan2026.slice(0, at - 80) +
      plan2026.slice(at + clause.length + 80) +
      '\n新增段落:' +
      clause.replace('加快', '加速') +
      '。';
    const out = anchor(moved, clause, plan2026);
    expect(out).toMatchObject({ status: 'changed', method: 'quote' });
  });
});

describe('anchorMany', () => {
  it('anchors a batch in input order and honours the abort signal', async () => {
    const page = foldPage(plan2026, t2s);
    const quotes = CLAUSES.map((c) => foldQuote(noteOn(plan2026, c).selector, t2s));
    const out = await anchorMany(page, quotes);
    expect(out.map((o) => o.status === 'anchored' && plan2026.slice(o.start, o.end))).toEqual(CLAUSES);
    const controller = new AbortController();
    controller.abort();
    const edited = foldPage(plan2026.replace(CLAUSES[1]!, '投入帮扶资金99亿元以上'), t2s);
    await expect(anchorMany(edited, quotes, { signal: controller.signal })).rejects.toThrow();
  });
});

describe('foldQuote and foldPageSliced', () => {
  it('folds a quote cut inside inline pinyin like the page around it', () => {
    const reprint = readFileSync(path.join(seeds, '002_2e0490dc36b0060a.txt'), 'utf8');
    const exact = 'īng)營許可事項(xiàn';
    const at = reprint.indexOf(exact);
    const q = foldQuote(describeQuote(reprint, at, at + exact.length), t2s, at);
    expect(q.exact).toBe('营许可事项');
    const out = anchorQuote(foldPage(reprint, t2s), q);
    expect(out).toMatchObject({ status: 'anchored', method: 'exact' });
  });

  it.each([500, 3000, 100_000])('gives the same fold in slices of %i characters', async (chunk) => {
    const reprint = readFileSync(path.join(seeds, '002_2e0490dc36b0060a.txt'), 'utf8');
    const whole = foldPage(reprint, t2s);
    const sliced = await foldPageSliced(reprint, t2s, [], { chunk });
    expect(sliced.folded.text).toBe(whole.folded.text);
    expect(Array.from(sliced.folded.toSource)).toEqual(Array.from(whole.folded.toSource));
  });
});

describe('long quotes', () => {
  const start = plan2026.indexOf('(三)深化重要领域改革');
  const exact = plan2026.slice(start, start + 1600);
  const { selector } = noteOn(plan2026, exact);

  it('matches a whole-section quote exactly', () => {
    expect(anchorQuote(foldPage(plan2026, t2s), foldQuote(selector, t2s))).toMatchObject({
      status: 'anchored',
      start,
    });
  });

  it('reports a long quote edited in the middle as changed, by its two ends', () => {
    const edited = plan2026.replace('深化国资国企改革', '深化国有企业改革');
    const out = anchorQuote(foldPage(edited, t2s), foldQuote(selector, t2s));
    expect(out).toMatchObject({ status: 'changed', start });
    expect(out.status === 'changed' && out.current).toContain('深化国有企业改革');
  });

  it('orphans a long quote whose whole section is gone', () => {
    const removed = plan2026.slice(0, start) + plan2026.slice(start + 1600);
    expect(anchorQuote(foldPage(removed, t2s), foldQuote(selector, t2s))).toMatchObject({ status: 'orphan' });
  });
});
