import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDocument } from './load-document';
import { samplePlainTextPage } from './plain-text-page';

const TEXT = '2019年四川省政府工作报告\n\n各位代表：\n现在，我代表省人民政府，向大会报告工作，请予审议。\n';

describe('samplePlainTextPage', () => {
  it('samples a plain-text page as a browser shows it: no title, no headings, the whole text', async () => {
    const sample = await samplePlainTextPage(TEXT, 'https://www.sc.gov.cn/a.txt');
    expect(sample).toEqual({
      url: 'https://www.sc.gov.cn/a.txt',
      title: '',
      headings: [],
      text: `\n${TEXT}`, // the <pre> is a block: a line break before it
      linkText: 0,
    });
  });

  it('never parses the text as markup', async () => {
    const text = '<h1>政府工作报告</h1><script>1</script>';
    const sample = await samplePlainTextPage(text, 'file:///x.txt');
    expect(sample.headings).toEqual([]);
    expect(sample.text).toBe(`\n${text}`);
  });
});

describe('loadDocument on .txt and .html of the same text', () => {
  it('judges a .txt file as that text in a <pre> page', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'planlens-txt-'));
    const txt = join(dir, '政府工作报告.txt');
    const html = join(dir, 'same.html');
    await writeFile(txt, TEXT);
    const pre = TEXT.replaceAll('<', '&lt;');
    await writeFile(
      html,
      `<html><head></head><body><pre style="white-space: pre-wrap;">${pre}</pre></body></html>`,
    );
    const fromTxt = await loadDocument(txt);
    const fromHtml = await loadDocument(html);
    expect(fromTxt.sample.title).toBe('');
    expect(fromTxt.sample.headings).toEqual([]);
    expect({ ...fromTxt.sample, url: '' }).toEqual({ ...fromHtml.sample, url: '' });
  });
});
