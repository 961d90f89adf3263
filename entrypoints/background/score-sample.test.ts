// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectPlanPage } from '../../lib/detect/detect';
import { samplePage } from '../../lib/dom/page-sample';
import { createDispatcher, routeIn, type RawSender, type Route } from '../../lib/messaging/dispatch';
import type { MessageName, Result } from '../../lib/messaging/protocol';
import { CONTENT_SCHEMAS } from '../../lib/messaging/schemas';
import { scoreGateSample } from './score-sample';

// A path, not a URL: happy-dom replaces the global URL class.
const PAGES = path.resolve(import.meta.dirname, '../../tests/fixtures/pages');
const manifest = JSON.parse(readFileSync(path.join(PAGES, 'manifest.json'), 'utf8')) as Array<{
  file: string;
  host: string;
}>;
const SELF = { id: 'planlens-id', baseUrl: 'chrome-extension://planlens-id/' };

/** The background's route for the message, exactly as `pageRoutes` declares it. */
const table = {
  scorePageSample: { from: 'content', schema: CONTENT_SCHEMAS.scorePageSample, handle: scoreGateSample },
} as unknown as Partial<Record<MessageName, Route<MessageName>>>;

function contentSender(url: string): RawSender {
  return { id: SELF.id, url, tab: { id: 7, url }, frameId: 0 };
}

/** Sends `data` as `scorePageSample` from `sender` and returns what the gate would receive. */
function ask(data: unknown, sender: RawSender): Promise<Result<unknown>> {
  return new Promise((resolve) => {
    createDispatcher(routeIn(table), SELF)({ planlens: 'scorePageSample', data }, sender, resolve);
  });
}

/** What the gate sends: its sample without the address. */
function gateSampleOf(doc: Document) {
  const { title, headings, text, linkText } = samplePage(doc);
  return { title, headings, text, linkText };
}

describe('scorePageSample: the detector in the background', () => {
  it.each(manifest.map((m) => [m.file, m.host] as const))(
    'answers for %s the verdict the gate reached on the page',
    async (file, host) => {
      const doc = new DOMParser().parseFromString(readFileSync(path.join(PAGES, file), 'utf8'), 'text/html');
      const url = `https://${host}/${file}`;
      const onPage = detectPlanPage({ ...samplePage(doc), url });
      expect(await ask(gateSampleOf(doc), contentSender(url))).toEqual({ ok: true, value: onPage });
    },
  );

  it('scores with the sender’s own address, not one the page puts in the payload', async () => {
    const sample = {
      title: '内蒙古自治区人民政府关于下达2026年自治区国民经济和社会发展计划的通知',
      headings: ['2026年自治区国民经济和社会发展计划'],
      text: '2026年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右，城镇调查失业率5.5%左右。',
    };
    const sender = 'https://news.example.com/a.html';
    const answer = await ask(
      { ...sample, url: 'https://www.nmg.gov.cn/zwgk/plan.html' },
      contentSender(sender),
    );
    expect(answer).toEqual({ ok: true, value: detectPlanPage({ ...sample, url: sender }) });
    // The government host is a cue, so the two addresses really give different verdicts.
    expect(detectPlanPage({ ...sample, url: 'https://www.nmg.gov.cn/zwgk/plan.html' })).not.toEqual(
      detectPlanPage({ ...sample, url: sender }),
    );
  });

  it.each([
    ['an extension page', { id: SELF.id, url: `${SELF.baseUrl}popup.html` }],
    ['another extension', { id: 'someone-else', url: 'chrome-extension://someone-else/x.html' }],
  ] as const)('refuses %s as the sender', async (_, sender) => {
    const answer = await ask({ title: '政府工作报告', headings: [], text: '政府工作报告' }, sender);
    expect(answer).toMatchObject({ ok: false });
  });

  it.each([
    ['text past 6,000 characters', { title: '', headings: [], text: '计'.repeat(6001) }, 'data.text'],
    ['a 13th heading', { title: '', headings: Array(13).fill('规划'), text: '' }, 'data.headings'],
    [
      'a heading past 200 characters',
      { title: '', headings: ['划'.repeat(201)], text: '' },
      'data.headings[0]',
    ],
    ['a title past 10,000 characters', { title: '报'.repeat(10_001), headings: [], text: '' }, 'data.title'],
    ['a fractional link count', { title: '', headings: [], text: '计划', linkText: 0.5 }, 'data.linkText'],
    ['no text', { title: '计划', headings: [] }, 'data.text'],
  ])('refuses a sample with %s', async (_, data, where) => {
    const answer = (await ask(data, contentSender('https://www.nmg.gov.cn/a.html'))) as Result<unknown>;
    expect(answer.ok).toBe(false);
    expect(!answer.ok && answer.error).toContain(where);
  });
});
