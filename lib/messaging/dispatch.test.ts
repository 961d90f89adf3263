import { describe, expect, it, vi } from 'vitest';
import { detectPlanPage } from '../detect/detect';
import { classifySender, createDispatcher, routeIn, type RawSender, type Route } from './dispatch';
import type { MessageName, Result } from './protocol';
import { CONTENT_SCHEMAS } from './schemas';

const SELF = { id: 'planlens-id', baseUrl: 'chrome-extension://planlens-id/' };
const PLAN_URL = 'http://www.nmg.gov.cn/zwgk/2026/plan.html';

/** Senders as Chrome reports them. */
const CONTENT: RawSender = { id: SELF.id, url: PLAN_URL, tab: { id: 7, url: PLAN_URL }, frameId: 0 };
const POPUP: RawSender = { id: SELF.id, url: `${SELF.baseUrl}popup.html` };
const POPUP_AS_TAB: RawSender = { id: SELF.id, url: `${SELF.baseUrl}popup.html?tabId=7`, tab: { id: 9 } };
const WORKER: RawSender = { id: SELF.id };
const OTHER_EXTENSION: RawSender = { id: 'someone-else', url: 'chrome-extension://someone-else/x.html' };

const detection = detectPlanPage({
  url: PLAN_URL,
  title: '内蒙古自治区人民政府关于下达2026年自治区国民经济和社会发展计划的通知',
  headings: ['2026年自治区国民经济和社会发展计划'],
  text: '内蒙古自治区人民政府关于下达2026年自治区国民经济和社会发展计划的通知\n地区生产总值增长5.5%左右。',
});

/** Dispatches one message through a table and returns what the sender would receive. */
async function send(
  table: Partial<Record<MessageName, Route<MessageName>>>,
  name: string,
  data: unknown,
  sender: RawSender,
): Promise<{ handled: boolean; result: Result<unknown> | undefined }> {
  const dispatch = createDispatcher(routeIn(table), SELF);
  let result: Result<unknown> | undefined;
  let answered!: () => void;
  const done = new Promise<void>((resolve) => (answered = resolve));
  const handled = dispatch({ planlens: name, data }, sender, (r) => {
    result = r;
    answered();
  });
  if (handled || result) await done;
  return { handled, result };
}

function route(
  from: 'content' | 'extension',
  handle: (data: unknown, sender: unknown) => unknown,
  schema?: Route<MessageName>['schema'],
) {
  return { from, handle: vi.fn(handle), schema } as unknown as Route<MessageName> & {
    handle: ReturnType<typeof vi.fn>;
  };
}

describe('classifySender', () => {
  it.each([
    ['a content script', CONTENT, { kind: 'content', tabId: 7, frameId: 0, url: PLAN_URL }],
    ['the popup', POPUP, { kind: 'extension', url: `${SELF.baseUrl}popup.html` }],
    ['the popup opened as a tab', POPUP_AS_TAB, { kind: 'extension', url: POPUP_AS_TAB.url, tabId: 9 }],
    ['the service worker (no tab, no url)', WORKER, { kind: 'extension', url: '' }],
    ['another extension', OTHER_EXTENSION, null],
    ['a content script of a tab-less frame', { id: SELF.id, url: PLAN_URL }, null],
  ])('%s', (_, sender, expected) => {
    expect(classifySender(sender, SELF)).toEqual(expected);
  });

  it('takes the address the browser reports, falling back to the tab’s', () => {
    expect(classifySender({ id: SELF.id, tab: { id: 3, url: PLAN_URL } }, SELF)).toMatchObject({
      kind: 'content',
      url: PLAN_URL,
    });
  });
});

describe('createDispatcher: sender policy', () => {
  it('refuses a popup-only message from a content script, without calling the handler', async () => {
    const getPageStatus = route('extension', () => ({ tabId: 1 }));
    const { result } = await send({ getPageStatus }, 'getPageStatus', { tabId: 1 }, CONTENT);
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/only an extension page/) });
    expect(getPageStatus.handle).not.toHaveBeenCalled();
  });

  it('answers the same message from the popup, also when it is open as a tab', async () => {
    const getPageStatus = route('extension', (data) => data);
    for (const sender of [POPUP, POPUP_AS_TAB]) {
      expect((await send({ getPageStatus }, 'getPageStatus', { tabId: 1 }, sender)).result).toEqual({
        ok: true,
        value: { tabId: 1 },
      });
    }
  });

  it('refuses a content-script message from an extension page', async () => {
    const notesDelete = route('content', () => null, CONTENT_SCHEMAS.notesDelete);
    const { result } = await send({ notesDelete }, 'notesDelete', { id: 'urn:uuid:1' }, POPUP);
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/only a content script/) });
    expect(notesDelete.handle).not.toHaveBeenCalled();
  });

  it('ignores other extensions and names it has no route for, leaving them to other listeners', async () => {
    const pageDetected = route('content', () => null, CONTENT_SCHEMAS.pageDetected);
    const payload = { url: PLAN_URL, detection, documentToken: 't1' };
    expect(await send({ pageDetected }, 'pageDetected', payload, OTHER_EXTENSION)).toMatchObject({
      result: { ok: false },
    });
    expect(await send({ pageDetected }, 'notesPageUpdated', {}, CONTENT)).toEqual({
      handled: false,
      result: undefined,
    });
    for (const name of ['noSuchMessage', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(await send({ pageDetected }, name, {}, CONTENT)).toEqual({ handled: false, result: undefined });
    }
    expect(pageDetected.handle).not.toHaveBeenCalled();
  });

  it('gives content handlers the sender’s own tab, whatever the payload names', async () => {
    const pageDetected = route('content', (_, sender) => sender, CONTENT_SCHEMAS.pageDetected);
    const { result } = await send(
      { pageDetected },
      'pageDetected',
      { url: 'https://elsewhere.example/', detection, documentToken: 't1', tabId: 99 },
      { ...CONTENT, documentId: 'DOC-1' },
    );
    expect(result).toEqual({
      ok: true,
      value: { kind: 'content', tabId: 7, frameId: 0, url: PLAN_URL, documentId: 'DOC-1' },
    });
  });

  it('refuses a content-sent message that has no schema', async () => {
    const notesDelete = route('content', () => null);
    expect((await send({ notesDelete }, 'notesDelete', { id: 'x' }, CONTENT)).result).toMatchObject({
      ok: false,
      error: expect.stringMatching(/no schema/),
    });
  });
});

describe('createDispatcher: page events from our pages shown in a tab', () => {
  const VIEWER_TAB: RawSender = {
    id: SELF.id,
    url: `${SELF.baseUrl}viewer.html?file=http%3A%2F%2Fwww.nmg.gov.cn%2Fplan.pdf`,
    tab: { id: 12 },
  };
  const pageEvent = () =>
    ({
      ...route('content', () => null, CONTENT_SCHEMAS.targetsPageUpdated),
      tabPages: true,
    }) as Route<MessageName> & {
      handle: ReturnType<typeof vi.fn>;
    };

  it.each([
    ['a content script', CONTENT, 7],
    ['the PDF reader shown in tab 12', VIEWER_TAB, 12],
  ])('takes a page event from %s, with the tab it is in', async (_, sender, tabId) => {
    const event = pageEvent();
    const { result } = await send({ targetsPageUpdated: event }, 'targetsPageUpdated', {}, sender);
    expect(result).toEqual({ ok: true, value: null });
    expect(event.handle.mock.calls[0]![1]).toMatchObject({ tabId });
  });

  it.each([
    ['an extension page in no tab (the popup)', POPUP],
    ['the service worker', WORKER],
    ['another extension', OTHER_EXTENSION],
  ])('refuses a page event from %s', async (_, sender) => {
    const event = pageEvent();
    const { result } = await send({ targetsPageUpdated: event }, 'targetsPageUpdated', {}, sender);
    expect(result?.ok ?? false).toBe(false);
    expect(event.handle).not.toHaveBeenCalled();
  });

  it('still checks the payload of a page event from our page', async () => {
    const hover = { ...route('content', () => null, CONTENT_SCHEMAS.targetsPageHover), tabPages: true };
    const { result } = await send(
      { targetsPageHover: hover as Route<MessageName> },
      'targetsPageHover',
      { index: 'x' },
      VIEWER_TAB,
    );
    expect(result?.ok).toBe(false);
    expect(hover.handle).not.toHaveBeenCalled();
  });

  it('refuses a content-sent message without tabPages from our page in a tab', async () => {
    const plain = route('content', () => null, CONTENT_SCHEMAS.targetsPageUpdated);
    const { result } = await send({ targetsPageUpdated: plain }, 'targetsPageUpdated', {}, VIEWER_TAB);
    expect(result?.ok).toBe(false);
    expect(plain.handle).not.toHaveBeenCalled();
  });
});

describe('createDispatcher: schemas at the boundary', () => {
  const draft = {
    url: PLAN_URL,
    canonicalUrl: '',
    title: '内蒙古自治区人民政府关于下达2026年自治区国民经济和社会发展计划的通知',
    fingerprint: {
      title: '2026年计划',
      docNumber: '内政发〔2026〕5号',
      date: '2026-02-13',
      key: 'doc:内政发[2026]5号',
    },
    quote: {
      type: 'TextQuoteSelector',
      exact: '投入帮扶资金90亿元以上',
      prefix: '建立常态化帮扶政策体系,',
      suffix: '。',
    },
    position: { type: 'TextPositionSelector', start: 100, end: 111 },
    sectionPath: ['十一、优化区域经济布局,提升协调发展水平'],
    body: '比去年多10亿',
    color: 'yellow',
    tags: ['帮扶'],
  };

  it.each([
    [
      'pageDetected',
      { url: PLAN_URL, detection: { ...detection, score: Number.NaN } },
      'data.detection.score',
    ],
    ['pageDetected', { url: PLAN_URL, detection: { ...detection, kind: 'novel' } }, 'data.detection.kind'],
    ['highlightsUpdated', { enabled: true, counts: { target: -1, achieved: 0 } }, 'data.counts.target'],
    ['analyzeTargets', { text: ['地区生产总值增长5.5%左右'] }, 'data.text'],
    ['convertTexts', { preset: 'cn2xx', texts: ['发展'] }, 'data.preset'],
    ['convertTexts', { preset: 'cn2tw', texts: '发展' }, 'data.texts'],
    ['notesSave', { draft: { ...draft, color: 'red' } }, 'data.draft.color'],
    ['notesSave', { draft: { ...draft, quote: { ...draft.quote, exact: 42 } } }, 'data.draft.quote.exact'],
    [
      'notesSave',
      { draft: { ...draft, position: { ...draft.position, start: 1.5 } } },
      'data.draft.position.start',
    ],
    ['notesSave', { draft: null }, 'data.draft'],
    ['notesUpdate', { id: 'urn:uuid:1', changes: { tags: '帮扶' } }, 'data.changes.tags'],
    ['notesRestore', { note: draft }, 'data.note.id'],
    ['notesForPage', { url: PLAN_URL, canonicalUrl: '' }, 'data.title'],
    ['notesFingerprint', { title: '关于下达2026年计划的通知', head: '内'.repeat(4_001) }, 'data.head'],
  ] as const)('%s refuses %j at %s', async (name, data, path) => {
    const handler = route('content', () => null, CONTENT_SCHEMAS[name] as Route<MessageName>['schema']);
    const { result } = await send({ [name]: handler }, name, data, CONTENT);
    expect(result).toMatchObject({ ok: false });
    expect(result && !result.ok && result.error).toContain(`Bad "${name}" request: ${path}: expected`);
    expect(handler.handle).not.toHaveBeenCalled();
  });

  it('passes a valid note draft on without the fields it does not know', async () => {
    const notesSave = route('content', (data) => data, CONTENT_SCHEMAS.notesSave);
    const { result } = await send(
      { notesSave },
      'notesSave',
      { draft: { ...draft, site: 'forged.example', quoteFolded: 'x', __proto__polluted: 1 } },
      CONTENT,
    );
    expect(result).toEqual({ ok: true, value: { draft } });
  });

  it('answers a handler’s error as a serialisable Result', async () => {
    const analyzeTargets = route(
      'content',
      () => {
        throw new Error('extraction failed');
      },
      CONTENT_SCHEMAS.analyzeTargets,
    );
    const { handled, result } = await send({ analyzeTargets }, 'analyzeTargets', { text: '增长5%' }, CONTENT);
    expect(handled).toBe(true);
    expect(result).toEqual({ ok: false, error: 'extraction failed' });
    expect(structuredClone(result)).toEqual(result);
  });
});
