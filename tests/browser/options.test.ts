import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { launchBrowser, startFixtureServer, type FixtureServer, type TestBrowser } from './harness';
import { readHighlight, rectOfText, tabIdOf, waitForHighlights } from './highlight-helpers';
import { findTargetCard } from './notes-helpers';

const PLAN_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<title>2026年政府工作报告</title></head>
<body><h1>政府工作报告</h1><h2>二、2026年主要预期目标</h2>
<p>地区生产总值增长6%左右，城镇调查失业率5.5%左右，居民消费价格涨幅3.5%左右。</p></body></html>`;

/** The computed background of the target highlight on the page's first paragraph. */
function targetBackground(page: Page): Promise<string> {
  return page.evaluate(
    () => getComputedStyle(document.querySelector('p')!, '::highlight(planlens-target)').backgroundColor,
  );
}

/** A complete stored note (schema 2), written straight into the extension's IndexedDB. */
const NOTE = {
  id: 'urn:uuid:6f1c1c38-4f0e-4c55-9a3b-2c7d8f1e0a01',
  url: 'http://www.nmg.gov.cn/zwgk/2026/plan.html',
  canonicalUrl: '',
  site: 'www.nmg.gov.cn',
  title: '内蒙古自治区2026年国民经济和社会发展计划',
  fingerprint: {
    title: '内蒙古自治区2026年国民经济和社会发展计划',
    docNumber: '',
    date: '',
    key: 'title:内蒙古',
  },
  fingerprintKey: 'title:内蒙古',
  quote: {
    type: 'TextQuoteSelector',
    exact: '投入帮扶资金90亿元以上',
    prefix: '建立常态化帮扶政策体系,',
    suffix: '。',
  },
  position: { type: 'TextPositionSelector', start: 100, end: 112 },
  sectionPath: ['十一、优化区域经济布局'],
  quoteFolded: '投入帮扶资金90亿元以上',
  body: '比去年多? "引号", 逗号',
  color: 'green',
  tags: ['帮扶'],
  created: '2026-12-01T08:00:00.000Z',
  modified: '2026-12-02T08:00:00.000Z',
};

/** Puts `notes` into the notes table from an extension page (the database the options page opened). */
function seedNotes(page: Page, notes: object[] = [NOTE]): Promise<void> {
  return page.evaluate(
    (rows) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('planlens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('notes', 'readwrite');
          for (const row of rows) tx.objectStore('notes').put(row);
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    notes,
  );
}

/** Clicks "Export everything" and returns the saved file's text. */
async function exportFile(options: Page): Promise<string> {
  const [download] = await Promise.all([
    options.waitForEvent('download'),
    options.getByRole('button', { name: /Export everything|全部导出|全部匯出/ }).click(),
  ]);
  return readFile((await download.path())!, 'utf8');
}

describe('the options page', () => {
  let browser: TestBrowser;
  let server: FixtureServer;
  let plan: Page;
  let options: Page;
  beforeAll(async () => {
    server = await startFixtureServer(undefined, { '/plan.html': PLAN_PAGE });
    browser = await launchBrowser({ locale: 'en-US' });
    plan = await browser.context.newPage();
    await plan.goto(server.url('plan.html'));
    await waitForHighlights(plan);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('is linked from the popup', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(
      `chrome-extension://${browser.extensionId}/popup.html?tabId=${await tabIdOf(browser, server.url('plan.html'))}`,
    );
    // The other tests use the page the popup opened.
    [options] = await Promise.all([
      browser.context.waitForEvent('page', (p) => p.url().endsWith('/options.html')),
      popup.getByRole('button', { name: 'Settings' }).click(),
    ]);
    expect(options.url()).toBe(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByRole('heading', { name: 'PlanLens settings' }).waitFor();
    await popup.close();
  });

  it('recolours the highlights of an open page without a reload, and resets them', async () => {
    const before = await targetBackground(plan);
    expect(before).toMatch(/rgba\(250, 204, 21, 0\.35\)/);
    await options.locator('input[data-color="target"]').fill('#ff0000');
    await expect
      .poll(() => targetBackground(plan))
      .toMatch(/^color\(srgb 1 0 0 \/ 0\.35\)$|rgba\(255, 0, 0, 0\.35\)/);
    expect(await readHighlight(plan, 'planlens-target')).toEqual(['6%左右', '5.5%左右', '3.5%左右']);
    await options.getByRole('button', { name: 'Reset colours' }).click();
    await expect.poll(() => targetBackground(plan)).toBe(before);
  });

  it('colours a page opened after the choice from its first highlights on', async () => {
    const red = /^color\(srgb 1 0 0 \/ 0\.35\)$|rgba\(255, 0, 0, 0\.35\)/;
    const before = await targetBackground(plan);
    await options.locator('input[data-color="target"]').fill('#ff0000');
    await expect.poll(() => targetBackground(plan)).toMatch(red);
    // The background reads the colours as it injects the reader and hands them over with the
    // admission: the new page's first highlights already wear them.
    const fresh = await browser.context.newPage();
    await fresh.goto(server.url('plan.html?opened-after'));
    await waitForHighlights(fresh);
    expect(await targetBackground(fresh)).toMatch(red);
    await fresh.close();
    await options.getByRole('button', { name: 'Reset colours' }).click();
    await expect.poll(() => targetBackground(plan)).toBe(before);
  });

  it('refuses a note colour that could be taken for a target or an achieved figure', async () => {
    const stored = () =>
      options.evaluate(async () => {
        const api = (
          globalThis as unknown as {
            chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
          }
        ).chrome;
        return (await api.storage.local.get('settings:highlightColors'))['settings:highlightColors'] ?? null;
      });
    const note = options.locator('input[data-color="note"]');
    const before = await note.inputValue();
    await note.fill('#eab308'); // a darker yellow: reads as a target
    await expect(options.getByRole('alert').textContent()).resolves.toMatch(/Notes \(underline\).*Targets/u);
    expect(await stored()).toBeNull();
    expect(await note.inputValue()).toBe(before);
    await note.fill('#0284c7'); // a deeper blue: reads as an achieved figure
    await expect(options.getByRole('alert').textContent()).resolves.toContain('Achieved figures');
    await note.fill('#be185d'); // magenta stands apart from both
    await expect.poll(() => options.getByRole('alert').count()).toBe(0);
    expect(await stored()).toMatchObject({ note: '#be185d' });
    await options.getByRole('button', { name: 'Reset colours' }).click();
    await expect.poll(stored).toBeNull();
  });

  it('turns the reader off on an open page when its site is set to never', async () => {
    await options.getByLabel('Add a site').fill('http://127.0.0.1/any/page.html');
    await options.getByRole('combobox', { name: 'Highlighting', exact: true }).selectOption('never');
    await options.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => options.locator('tr[data-host="127.0.0.1"]').count()).toBe(1);
    await expect.poll(() => plan.evaluate(() => CSS.highlights.has('planlens-target'))).toBe(false);
    // Removing the site brings back "automatic": the next load of the plan page is read again.
    await options.getByRole('button', { name: 'Remove 127.0.0.1' }).click();
    await expect.poll(() => options.getByTestId('no-sites').count()).toBe(1);
    await plan.reload();
    await waitForHighlights(plan);
  });

  it('lists remembered script choices with their hosts and removes them', async () => {
    await options.evaluate(() =>
      (
        globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }
      ).chrome.storage.local.set({
        'convert:settings': {
          sites: { 'www.gov.cn': { target: 'hk', hidePinyin: true } },
          defaultTarget: 'tw',
          twpAllowed: false,
        },
      }),
    );
    const row = options.locator('tr[data-host="www.gov.cn"]');
    await expect.poll(() => row.textContent()).toContain('Traditional (Hong Kong) · Hide inline pinyin');
    expect(await options.getByTestId('default-script').textContent()).toContain('Traditional (Taiwan)');
    await options.getByRole('button', { name: 'Remove www.gov.cn' }).click();
    await expect.poll(() => row.count()).toBe(0);
    await options.getByTestId('default-script').getByRole('button').click();
    await expect.poll(() => options.getByTestId('default-script').count()).toBe(0);
    await expect.poll(() => options.getByTestId('no-sites').count()).toBe(1);
  });

  it('exports everything and restores it exactly, refusing a corrupt file untouched', async () => {
    await seedNotes(options);
    await options.locator('input[data-color="achieved"]').fill('#00aa00');
    await options.getByLabel('Add a site').fill('www.nmg.gov.cn');
    await options.getByRole('combobox', { name: 'Highlighting', exact: true }).selectOption('always');
    await options.getByRole('button', { name: 'Add', exact: true }).click();
    const saved = await exportFile(options);
    const file = JSON.parse(saved) as { format: string; sections: { notes: { rows: unknown[] } } };
    expect(file.format).toBe('planlens-backup');
    expect(file.sections.notes.rows).toEqual([NOTE]);

    // Change everything, then restore.
    await options.getByRole('button', { name: 'Remove www.nmg.gov.cn' }).click();
    await options.getByRole('button', { name: 'Reset colours' }).click();
    await options.evaluate(() => indexedDB.deleteDatabase('planlens'));
    options.once('dialog', (dialog) => void dialog.accept());
    await options.getByTestId('restore-file').setInputFiles({
      name: 'backup.json',
      mimeType: 'application/json',
      buffer: Buffer.from(saved),
    });
    await expect
      .poll(() => options.getByTestId('data-message').textContent())
      .toMatch(
        // the achieved colour, www.nmg.gov.cn's choice, and the (emptied) conversion settings; the
        // library's one document (a page an earlier test opened) with its figures, in the same file
        /^Restored 1 notes and 3 settings\. Also restored 0 corrections and 1 library documents with \d+ figures\.$/,
      );
    const again = JSON.parse(await exportFile(options)) as { exportedAt: string; sections: unknown };
    expect(again.sections).toEqual((JSON.parse(saved) as { sections: unknown }).sections);

    // A corrupt file changes nothing and says why.
    const broken = saved.replace('"color": "green"', '"color": "orange"');
    options.once('dialog', (dialog) => void dialog.accept());
    await options.getByTestId('restore-file').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(broken),
    });
    await expect
      .poll(() => options.getByTestId('data-message').textContent())
      .toBe('Nothing was changed: Note 1 has an unknown colour "orange".');
    const after = JSON.parse(await exportFile(options)) as { sections: unknown };
    expect(after.sections).toEqual((JSON.parse(saved) as { sections: unknown }).sections);
  });

  it('reminds to back up after the chosen number of new notes, until the next export', async () => {
    // Ten notes written after the export of the previous test (and before the one below).
    const lastAt = await options.evaluate(async () => {
      const api = (
        globalThis as unknown as {
          chrome: { storage: { local: { get(k: string): Promise<Record<string, string>> } } };
        }
      ).chrome;
      return (await api.storage.local.get('backup:lastAt'))['backup:lastAt'] ?? '';
    });
    const fresh = Array.from({ length: 10 }, (_, i) => ({
      ...NOTE,
      id: `urn:uuid:00000000-0000-4000-8000-0000000000${String(i).padStart(2, '0')}`,
      created: new Date(Date.parse(lastAt) + 1 + i).toISOString(),
    }));
    await seedNotes(options, fresh);
    await options.getByLabel('Remind me to back up after').selectOption('10');
    await expect
      .poll(() => options.getByTestId('backup-due').textContent())
      .toBe('10 notes are not in a backup yet.');
    const panel = await browser.context.newPage();
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
    await expect
      .poll(() => panel.getByTestId('backup-due').textContent())
      .toContain('10 notes are not in a backup yet.');
    // The saved file counts as the backup: both reminders go away.
    await exportFile(options);
    await expect.poll(() => options.getByTestId('backup-due').count()).toBe(0);
    await expect.poll(() => panel.getByTestId('backup-due').count()).toBe(0);
    await panel.close();
    await options.getByLabel('Remind me to back up after').selectOption('0');
  });

  it('switches the language of an open popup, the options page and the page card', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(
      `chrome-extension://${browser.extensionId}/popup.html?tabId=${await tabIdOf(browser, server.url('plan.html'))}`,
    );
    await popup.getByRole('switch', { name: 'Highlight targets on this page' }).waitFor();
    await options.getByRole('radio', { name: '繁體中文' }).click();
    await options.getByRole('heading', { name: 'PlanLens 設定' }).waitFor();
    // Every section of the popup in 繁體, none left in 简体 or English.
    await popup.getByRole('switch', { name: '在此頁面標示目標' }).waitFor();
    expect(await popup.getByRole('radio', { name: '永不' }).count()).toBe(1);
    expect(await popup.getByRole('button', { name: '開啟批註側欄' }).count()).toBe(1);
    expect(await popup.getByText('簡繁轉換').count()).toBeGreaterThan(0);
    // The card on the open page speaks the new language too.
    const point = await rectOfText(plan, '6%左右');
    await plan.mouse.move(point!.x, point!.y);
    // The card lives in a closed shadow root: read it through CDP, as the highlight tests do.
    await expect.poll(async () => (await findTargetCard(plan))?.name ?? '').toMatch(/^PlanLens 目標/);
    await plan.mouse.move(5, 5);
    await options.getByRole('radio', { name: /Follow the browser|跟隨瀏覽器/ }).click();
    await popup.getByRole('switch', { name: 'Highlight targets on this page' }).waitFor();
    await popup.close();
  });
});
